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

/** A data folder with one ladder and its own ingest rules, which call "Zork." a placeholder. */
function folderWithRules(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladders-rules-'));
  fs.mkdirSync(path.join(dir, 'ladders', 'acme'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'ladders', 'acme', 'l1.md'), '# L1: Security Engineer\n\n## Craft\n- Zork.\n- Fixes the findings assigned to them.\n');
  const rules = JSON.parse(fs.readFileSync('data/ingest-rules.json', 'utf8'));
  rules.placeholderPatterns.push('^zork[.!]?$');
  fs.writeFileSync(path.join(dir, 'ingest-rules.json'), JSON.stringify(rules));
  return dir;
}

const kindOf = (out: string, text: string) => (JSON.parse(out) as { text: string; kind: string }[]).find((s) => s.text === text)?.kind;

describe('--data DIR', () => {
  it('reads every data file from DIR, the ingest rules included', async () => {
    const dir = folderWithRules();
    const r = await run('statements', '--json', '--data', dir);
    expect(r.code).toBe(0);
    expect(kindOf(r.out, 'Zork.')).toBe('placeholder');
    expect(kindOf(r.out, 'Fixes the findings assigned to them.')).toBe('expectation');
    expect((await run('ingest', '--json', '--data', dir)).out).toContain('"placeholder": 1');
  });

  it('takes the folder from ATLAS_DATA_DIR when no --data is given, and --ingest-rules FILE over both', async () => {
    const dir = folderWithRules();
    const before = process.env.ATLAS_DATA_DIR;
    process.env.ATLAS_DATA_DIR = dir;
    try {
      expect(kindOf((await run('statements', '--json')).out, 'Zork.')).toBe('placeholder');
      expect(kindOf((await run('statements', '--json', '--ingest-rules', 'data/ingest-rules.json')).out, 'Zork.')).toBe('expectation');
    } finally {
      if (before === undefined) delete process.env.ATLAS_DATA_DIR;
      else process.env.ATLAS_DATA_DIR = before;
    }
  });

  it('names the file and field of a bad data file in DIR', async () => {
    const dir = folderWithRules();
    fs.writeFileSync(path.join(dir, 'ingest-rules.json'), JSON.stringify({ ...JSON.parse(fs.readFileSync('data/ingest-rules.json', 'utf8')), notePatterns: ['(unclosed'], maxFileBytes: -5 }));
    const r = await run('statements', '--data', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${path.join(dir, 'ingest-rules.json')}: 2 problems:`);
    expect(r.err).toMatch(/notePatterns\[0\]: is not a valid regular expression \(Invalid regular expression: \/\(unclosed\/i: Unterminated group\)/);
    expect(r.err).toContain('"maxFileBytes" must be a positive whole number of bytes (got -5)');
  });
});
