import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { atlas, DATA_FILE_NAMES } from '../../src/atlas/index.ts';
import { seedFiles, syntheticFiles, writeFiles } from '../../src/cli/bench/corpus.ts';
import { classifiedInBatches } from '../../src/cli/classified-batches.ts';
import { writeJsonRows } from '../../src/cli/json-rows.ts';
import { BUNDLED_DATA, readDataBundle, readLadderFiles } from '../../src/cli/load-data-dir.ts';
import { chunkBytes, writeStatementsParallel } from '../../src/cli/parallel-statements.ts';
import type { Statement } from '../../src/types.ts';

/** The seeds copied k times into a data folder (with the bundled data files), as `npm run bench` writes them. */
function copies(k: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-par-'));
  writeFiles(dir, syntheticFiles(seedFiles(readLadderFiles(BUNDLED_DATA)), k));
  for (const file of Object.values(DATA_FILE_NAMES)) if (fs.existsSync(path.join(BUNDLED_DATA, file))) fs.copyFileSync(path.join(BUNDLED_DATA, file), path.join(dir, file));
  return dir;
}

/** `ladders statements --json --data DIR` through the real binary: its output, and whether it started a worker thread. */
function statementsJson(dir: string, env: Record<string, string> = {}): { out: Buffer; worker: boolean; err: string; status: number | null } {
  const flag = path.join(dir, `worker-${Object.values(env).join('-')}`);
  const probe = path.join(dir, 'probe.mjs');
  fs.writeFileSync(probe, "import fs from 'node:fs';\nprocess.on('worker', () => fs.writeFileSync(process.env.ATLAS_TEST_WORKER, '1'));\n");
  const r = spawnSync(process.execPath, ['--import', probe, 'src/cli/bin.mjs', 'statements', '--json', '--data', dir], { maxBuffer: 1 << 30, env: { ...process.env, ...env, ATLAS_TEST_WORKER: flag } });
  expect(r.status).not.toBe(2);
  return { out: r.stdout, worker: fs.existsSync(flag), err: r.stderr.toString('utf8'), status: r.status };
}

describe('statements --json on two threads', () => {
  it('writes the bytes one thread writes, for a table large enough to start a worker (asked for: from 10,000 statements)', () => {
    const dir = copies(46); // 10,810 statements, 1.3 MB
    const two = statementsJson(dir, { LADDER_ATLAS_WORKERS: '1' });
    const one = statementsJson(dir, { LADDER_ATLAS_WORKERS: '0' });
    expect(statementsJson(dir).worker).toBe(false); // below the default limits
    expect(two.worker).toBe(true);
    expect(one.worker).toBe(false);
    expect(two.out.equals(one.out)).toBe(true);
    const rows = JSON.parse(two.out.toString('utf8'));
    expect(rows.length).toBeGreaterThanOrEqual(10_000);
    expect(new Set(rows.map((r: { id: string }) => r.id)).size).toBe(rows.length);
    expect(two.err).toBe('');

    // A worker that runs out of memory (its heap capped at 1 MB here) leaves the rest to this thread: the same bytes,
    // exit 0, and a warning that says so.
    const starved = statementsJson(dir, { LADDER_ATLAS_WORKERS: '1', LADDER_ATLAS_WORKER_HEAP_MB: '1' });
    expect(starved.worker).toBe(true);
    expect(starved.status).toBe(0);
    expect(starved.out.equals(one.out)).toBe(true);
    expect(starved.err).toMatch(/the statements worker stopped \(.*memory.*\); the rest was classified on one thread/);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('starts no worker for a small table, even when asked for', () => {
    const dir = copies(1);
    expect(statementsJson(dir, { LADDER_ATLAS_WORKERS: '1' }).worker).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe('a worker that stops part way', () => {
  // 25 copies of the seeds: 5,875 statements, six chunks; the worker is given chunks 1, 3 and 5.
  const input = atlas(syntheticFiles(seedFiles(readLadderFiles(BUNDLED_DATA)), 25), { data: readDataBundle({}) });
  const bytesOf = (write: (out: (b: Uint8Array) => void) => unknown) => {
    const parts: Buffer[] = [];
    return Promise.resolve(write((b) => void parts.push(Buffer.from(b)))).then(() => Buffer.concat(parts));
  };
  /** A stand-in worker that classifies what it is posted, as the real one does, and fails after `answers` chunks. */
  const worker = (answers: number) => {
    const posted: Statement[][] = [];
    let answered = 0;
    return {
      post: (rows: Statement[]) => void posted.push(rows),
      next: () => (answered++ < answers ? Promise.resolve(chunkBytes(input.classify, posted.shift()!)) : Promise.reject(new Error('exit 1'))),
    };
  };

  it('leaves the rest to this thread: the same bytes as one thread, one warning', async () => {
    const one = await bytesOf((out) => writeJsonRows({ out: () => {}, outBytes: out }, classifiedInBatches(input)));
    expect(input.set.statements.length).toBeGreaterThan(5 * 1024);
    for (const answers of [0, 1, 2, 3]) {
      const warnings: string[] = [];
      const w = worker(answers);
      const two = await bytesOf((out) => writeStatementsParallel(input, w.post, w.next, out, (m) => warnings.push(m)));
      expect(two.equals(one)).toBe(true);
      expect(warnings).toEqual(answers < 3 ? ['the statements worker stopped (exit 1); the rest was classified on one thread'] : []);
    }
  }, 120_000);
});
