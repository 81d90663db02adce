import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeOut, type WriteSync } from '../../src/cli/stdout.ts';

/** A stream that keeps what it is given; `hold`: it never finishes a write, so what it was given stays queued. */
function stream({ hold = false } = {}) {
  const got: Buffer[] = [];
  const errors: unknown[] = [];
  const s = new Writable({ write: (chunk: Buffer, _enc, done) => (got.push(Buffer.from(chunk)), hold ? undefined : done()) });
  s.on('error', (e) => errors.push(e));
  return { s, got, errors };
}

/** A direct write that takes at most `most` bytes a call, and throws `fail` once `after` bytes are written. */
function direct(most: number, after = Infinity, fail = 'EAGAIN') {
  const got: number[] = [];
  const write: WriteSync = (data, offset) => {
    if (got.length >= after) throw Object.assign(new Error(fail), { code: fail });
    const n = Math.min(most, data.length - offset, after - got.length);
    got.push(...data.subarray(offset, offset + n));
    return n;
  };
  return { write, got };
}

const bytes = Buffer.from('{"a": "é ü 😀"}\n');

describe('writeOut', () => {
  it('writes the bytes at once, however few a write takes, and says they are free', () => {
    const out = stream();
    const to = direct(3);
    expect(writeOut(bytes, out.s, to.write)).toBe(true);
    expect(Buffer.from(to.got)).toEqual(bytes);
    expect(out.got).toEqual([]);
  });

  it('goes through the stream, in order, when something is queued there, and says the bytes are held', () => {
    const out = stream({ hold: true });
    out.s.write('first\n');
    const to = direct(100);
    expect(writeOut(bytes, out.s, to.write)).toBe(false);
    expect(to.got).toEqual([]);
    expect(Buffer.concat(out.got).toString()).toBe(`first\n`);
    expect(out.s.writableLength).toBe(6 + bytes.length);
  });

  it('hands the rest to the stream when the output would block', () => {
    const out = stream();
    const to = direct(2, 5);
    expect(writeOut(bytes, out.s, to.write)).toBe(false);
    expect(Buffer.concat([Buffer.from(to.got), ...out.got])).toEqual(bytes);
    expect(to.got).toHaveLength(5);
  });

  it('makes a failed write the stream error (a reader gone: EPIPE)', () => {
    const out = stream();
    writeOut(bytes, out.s, direct(2, 4, 'EPIPE').write);
    expect(out.errors).toHaveLength(1);
    expect((out.errors[0] as NodeJS.ErrnoException).code).toBe('EPIPE');
  });

  it('gives the same bytes through a pipe as to a file (the real command)', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-stdout-')), 'out.json');
    const fd = fs.openSync(file, 'w');
    const toFile = spawnSync(process.execPath, ['src/cli/bin.mjs', 'statements', '--json'], { stdio: ['ignore', fd, 'pipe'] });
    fs.closeSync(fd);
    const piped = spawnSync(process.execPath, ['src/cli/bin.mjs', 'statements', '--json'], { maxBuffer: 1 << 28 });
    expect([toFile.status, piped.status]).toEqual([0, 0]);
    expect(piped.stdout.length).toBeGreaterThan(100_000);
    expect(piped.stdout.equals(fs.readFileSync(file))).toBe(true);
  });

  it.runIf(fs.existsSync('/dev/full'))('says in one line that the output failed (a full disk), with no stack trace, for a table or the help', () => {
    for (const args of [['statements', '--json'], ['--help'], ['statements', '--help']]) {
      const fd = fs.openSync('/dev/full', 'w');
      const r = spawnSync(process.execPath, ['src/cli/bin.mjs', ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      fs.closeSync(fd);
      expect([args.join(' '), r.status]).toEqual([args.join(' '), 1]);
      expect(r.stderr.trim().split('\n')).toEqual(['error: ENOSPC: no space left on device, write']);
    }
  });
});
