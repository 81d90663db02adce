import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { readLadderFiles, readLooseFiles } from '../../src/cli/load-data-dir.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const L3 = '# L3: Security Engineer\n\n## Craft\n- Fixes the findings assigned to them.\n';
const L4 = '# L4: Senior Security Engineer\n\n## Craft\n- Leads the fixing of findings across a team.\n';

/** A data folder with one company, `acme`, holding the given files. */
function dataFolder(files: Record<string, string> = {}): { dir: string; acme: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladders-files-'));
  const acme = path.join(dir, 'ladders', 'acme');
  fs.mkdirSync(acme, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(acme, name), text);
  return { dir, acme };
}

describe('one bad file never sinks the rest (CLI)', () => {
  it('a bad value in ladder.json is a warning naming the file and field; the ladder loads', async () => {
    const { dir } = dataFolder({ 'l3.md': L3, 'l4.md': L4, 'ladder.json': '{"files": {"l3.md": {"track": 42}}}' });
    const { out, err } = await run('ingest', '--data', dir);
    expect(err).toContain('ladders/acme/ladder.json: warning: "files" › "l3.md" › "track" must be a non-empty string (got 42); ignored');
    expect(out).toContain('2 files, 2 levels, 2 statements');
  });

  it('a file over 2 GiB is refused by its size, never read (reading it would throw), and the rest loads', async () => {
    const { dir, acme } = dataFolder({ 'l3.md': L3 });
    fs.writeFileSync(path.join(acme, 'huge.md'), '');
    fs.truncateSync(path.join(acme, 'huge.md'), 2200 * 1048576); // sparse: takes no disk space
    const { code, out, err } = await run('ingest', '--data', dir);
    expect(code).toBe(1);
    expect(err).toContain('ladders/acme/huge.md: error: file is 2200.0 MB, over the 5.0 MB limit for one ladder file; not loaded');
    expect(out).toContain('2 files, 1 levels, 1 statements');
  });

  it('a file over the limit comes back with its size and no content; a smaller one whole', () => {
    const { dir, acme } = dataFolder({ 'l3.md': L3 });
    fs.writeFileSync(path.join(acme, 'big.md'), Buffer.alloc(2048, 'x'));
    const files = readLadderFiles(dir, { maxBytes: 1024 });
    expect(files.map((f) => [f.path, f.size, f.content.length])).toEqual([
      ['ladders/acme/big.md', 2048, 0],
      ['ladders/acme/l3.md', undefined, L3.length],
    ]);
  });

  it('reads every file whole, byte for byte, whatever its size (empty, one byte, past a read of 64 KB, up to the limit)', () => {
    const sizes = [0, 1, 4095, 65537, 300_001, 1024 * 1024];
    const bytes = (n: number) => {
      const b = Buffer.alloc(n);
      for (let i = 0; i < n; i++) b[i] = (i * 7919) % 251;
      return b;
    };
    const { dir, acme } = dataFolder();
    for (const n of sizes) fs.writeFileSync(path.join(acme, `f${String(n).padStart(8, '0')}.md`), bytes(n));
    const files = readLadderFiles(dir, { maxBytes: 1024 * 1024 });
    expect(files.map((f) => f.size)).toEqual(sizes.map(() => undefined));
    files.forEach((f, i) => expect(Buffer.compare(Buffer.from(f.content as Uint8Array), bytes(sizes[i]))).toBe(0));
  });

  it('a folder or a missing file named to `ingest FILE…` is reported by name; the other files load', async () => {
    const { acme } = dataFolder({ 'l3.md': L3 });
    const { code, out, err } = await run('ingest', acme, path.join(acme, 'l3.md'), path.join(acme, 'gone.md'), '--company', 'acme');
    expect(code).toBe(1);
    expect(err).toContain('acme: error: could not be read: a folder, not a file');
    expect(err).toContain('gone.md: error: could not be read: no such file (ENOENT); not loaded');
    expect(out).toContain('3 files, 1 levels, 1 statements');
  });

  it('a pipe named on the command line is read, up to the limit', () => {
    const { acme } = dataFolder();
    const fifo = path.join(acme, 'fed.md');
    spawnSync('mkfifo', [fifo]);
    // A separate process feeds the pipe (`ladders ingest <(…)` does the same): the read blocks until it writes.
    const writer = spawn('sh', ['-c', 'printf "%s" "$0" > "$1"', L3, fifo], { stdio: 'ignore' });
    const [file] = readLooseFiles([fifo]);
    writer.kill();
    expect(Buffer.from(file.content).toString('utf8')).toBe(L3);
  });

  it('symbolic links, pipes, hidden files and folders are skipped with a word in the report, not silently', async () => {
    const { dir, acme } = dataFolder({ 'l3.md': L3, '.draft.md': L4 });
    fs.symlinkSync('/etc/hostname', path.join(acme, 'linked.md'));
    spawnSync('mkfifo', [path.join(acme, 'pipe.md')]);
    fs.mkdirSync(path.join(acme, '.git'));
    fs.writeFileSync(path.join(acme, '.git', 'config'), '[core]\n');
    const { code, out } = await run('ingest', '--data', dir);
    expect(code).toBe(0);
    expect(out).toContain('skipped  ladders/acme/.draft.md: hidden file (its name starts with a dot)');
    expect(out).toContain('skipped  ladders/acme/.git/: hidden folder (its name starts with a dot)');
    expect(out).toContain('skipped  ladders/acme/linked.md: a symbolic link, not followed');
    expect(out).toContain('skipped  ladders/acme/pipe.md: a named pipe (FIFO), not read');
    expect(out).toContain('1 files, 1 levels, 1 statements, 0 diagnostics, 4 skipped');
    const json = JSON.parse((await run('ingest', '--json', '--data', dir)).out);
    expect(json.skipped.map((s: { file: string }) => s.file)).toEqual(['ladders/acme/.draft.md', 'ladders/acme/.git/', 'ladders/acme/linked.md', 'ladders/acme/pipe.md']);
  });

  it('an unreadable file (EACCES) is reported by name and the rest loads (the real binary, as an unprivileged user)', () => {
    const { dir, acme } = dataFolder({ 'l3.md': L3, 'secret.md': L4 });
    const asRoot = process.getuid?.() === 0;
    // root reads any file: the check runs as `nobody`, for whom a root-owned file of mode 600 is unreadable.
    fs.chmodSync(path.join(acme, 'secret.md'), asRoot ? 0o600 : 0o000);
    for (const d of [dir, path.dirname(acme), acme]) fs.chmodSync(d, 0o755);
    const r = spawnSync('node', ['src/cli/bin.mjs', 'ingest', '--data', dir], { encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    expect(r.stderr).toContain('ladders/acme/secret.md: error: could not be read: permission denied (EACCES); not loaded');
    expect(r.stdout).toContain('2 files, 1 levels, 1 statements');
    expect(r.status).toBe(1);
  }, 30_000);
});
