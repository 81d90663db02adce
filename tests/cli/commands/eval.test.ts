import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: () => {} });
  return { code, out: out.join('\n') };
}

const CORPUS = join(import.meta.dirname, '../../fixtures/blind-corpus');

/** A small corpus: two Octopus ladders of the blind corpus (Markdown, so every statement is found), trained with one own-words set. */
function smallCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  const manifest = JSON.parse(readFileSync(join(CORPUS, 'ladders.json'), 'utf8'));
  const keep = ['octopus-management', 'octopus-support-manager'];
  const ladders = Object.fromEntries(keep.map((l) => [l, manifest.ladders[l]]));
  writeFileSync(join(dir, 'ladders.json'), JSON.stringify({ sources: join(CORPUS, manifest.sources ?? 'sources'), ladders, otherSets: [{ path: join(CORPUS, '../labelled-holdout.csv'), name: 'own words', ladder: 'own-words' }] }));
  const rows = Papa.parse<Record<string, string>>(readFileSync(join(CORPUS, 'labels.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  writeFileSync(join(dir, 'labels.csv'), Papa.unparse(rows.filter((r) => r.ladders.split('|').every((l) => keep.includes(l)))));
  return dir;
}

describe('ladders eval', () => {
  it('--seed prints top-1 agreement and per-competency precision/recall over the labelled set', async () => {
    const r = await run('eval', '--seed');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/labelled statements: \d{3} \(\d{3} found in the data/);
    expect(r.out).toMatch(/top-1 agreement: \d+\/\d+ = \d+\.\d%/);
    for (const id of ['scope', 'threat', 'mentoring', 'growth']) expect(r.out).toMatch(new RegExp(`^${id} +[\\d.]+ +[\\d.]+`, 'm'));
  });

  it('--seed --json gives the figures and the misses as data', async () => {
    const r = await run('eval', '--seed', '--json');
    const e = JSON.parse(r.out);
    expect(e.n).toBeGreaterThanOrEqual(120);
    expect(e.top1).toBeGreaterThan(0.9);
    expect(e.perCompetency).toHaveLength(16);
    expect(Array.isArray(e.misses)).toBe(true);
  });

  it('leads with held-out agreement: before/after per ladder and per competency, reliability, then the in-sample seed figure', async () => {
    const r = await run('eval', '--corpus', smallCorpus());
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^HELD-OUT agreement, leave one ladder out: blind corpus of 84 statements/);
    expect(r.out).toMatch(/before .*: \d+\/84 = \d+\.\d%/);
    expect(r.out).toMatch(/after .*:\s+\d+\/84 = \d+\.\d%/);
    expect(r.out).toContain('84 of 84 statements found in their ingested ladder');
    expect(r.out).toMatch(/^octopus-management +23 +23 +\d+\.\d% +\d+\.\d%$/m);
    expect(r.out).toMatch(/^octopus-support-manager +61 +61 /m);
    expect(r.out).toMatch(/^0\.9–1\.0 +\d+ /m);
    expect(r.out).toMatch(/^mentoring +[\d.—]+ /m);
    expect(r.out.indexOf('HELD-OUT')).toBeLessThan(r.out.indexOf('IN-SAMPLE'));
  }, 60_000);

  it('--json carries the held-out summary as data', async () => {
    const r = await run('eval', '--corpus', smallCorpus(), '--by', 'company', '--json');
    const { holdout, seed } = JSON.parse(r.out);
    expect(holdout.by).toBe('company');
    expect(holdout.perFold).toEqual([expect.objectContaining({ fold: 'Octopus', n: 84, found: 84 })]);
    expect(holdout.after.n).toBe(84);
    expect(holdout.reliability).toHaveLength(10);
    expect(holdout.reliability.reduce((s: number, b: { n: number }) => s + b.n, 0)).toBe(84);
    expect(seed.n).toBeGreaterThan(100);
  }, 60_000);
});
