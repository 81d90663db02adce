import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe('ladders CLI', () => {
  it('prints byte-identical JSON on two runs of the real binary', () => {
    const a = execFileSync('node', ['src/cli/bin.mjs', 'statements', '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const b = execFileSync('node', ['src/cli/bin.mjs', 'statements', '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(a).toBe(b);
    const rows = JSON.parse(a);
    expect(rows.length).toBeGreaterThanOrEqual(235);
    expect(rows[0]).toMatchObject({ id: expect.any(String), company: 'dropbox', level: 'IC6', source: { file: expect.stringMatching(/^ladders\/dropbox\//), line: 3 } });
  }, 30_000);

  it('writes formula-safe CSV', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladders-'));
    fs.mkdirSync(path.join(dir, 'ladders', 'evil'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'ladders', 'evil', 'l1.md'), '# L1: Eng\n\n## Craft\n- =HYPERLINK("http://x","click")\n- +1 looks like a number\n');
    const { code, out } = await run('statements', '--csv', '--data', dir);
    expect(code).toBe(0);
    expect(out).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(out).toContain("'+1 looks like a number");
  });

  it('reports shapes, kinds, flags and 100% line accounting per file', async () => {
    const { code, out } = await run('ingest', '--report');
    expect(code).toBe(0);
    expect(out).toMatch(/teleport-security-engineering-levels\.tsv\n\s+shape\s+grid\n\s+levels\s+1, 2, 3, 4, 5, 6/);
    // 5 seed files + Dropbox IC2–IC5 (HTML) + 6 more Octopus pages bundled beside them.
    expect(out.match(/100\.0% accounted for/g)).toHaveLength(15);
    expect(out).toMatch(/ic2_security_engineer\.html\n\s+shape\s+html-level-page\n\s+levels\s+IC2/);
    expect(out).toContain('15 files, 20 levels');
    expect(out).toMatch(/track\s+octopus \/ Security Analyst: L1, L2, L3, L4\n/);
  });

  it('ingests a loose long-format CSV for a named company', async () => {
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ladders-')), 'my-ladder.csv');
    fs.writeFileSync(f, 'company,level,level_title,section,kind,statement\nAcme,L1,Junior,Craft,,I learn.\n');
    const { code, out } = await run('ingest', f, '--company', 'acme', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).levels).toMatchObject([{ company: 'acme', level: 'L1', levelTitle: 'Junior' }]);
  });

  it('exits 1 with file:line diagnostics on stderr when input has problems', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladders-'));
    fs.mkdirSync(path.join(dir, 'ladders', 'acme'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'ladders', 'acme', 'grid.tsv'), 'Level\tA\tB\n1\tx.\n');
    const { code, err, out } = await run('statements', '--data', dir);
    expect(code).toBe(1);
    expect(err).toContain('ladders/acme/grid.tsv:2: warning: 2 cells, header has 3');
    expect(out).toContain('x.');
  });

  it('exits 2 on usage errors', async () => {
    expect((await run('statements', '--json', '--csv')).code).toBe(2);
    expect((await run('nope')).code).toBe(2);
    expect((await run('statements', '--bogus')).code).toBe(2);
    expect((await run('ingest', 'file.csv')).err).toMatch(/--company/);
    const noValue = await run('levels', '--data');
    expect([noValue.code, noValue.err]).toEqual([2, '--data needs a value\nUsage: ladders levels [--json | --csv] [--evidence] [--data DIR] [--taxonomy FILE] [--scale-cues FILE]\n']);
    expect((await run('levels', '--data', '--json')).err).toMatch(/^--data needs a value/);
    expect((await run('levels', '--json=yes')).err).toMatch(/^--json takes no value/);
    expect((await run('statements', '--bogus')).err).toMatch(/^unknown option --bogus\nUsage: ladders statements/);
  });

  it('answers --help through npx-style invocation', () => {
    const r = spawnSync('node', ['src/cli/bin.mjs', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: ladders <command>/);
  });
});
