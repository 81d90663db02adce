import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, out: out.join('\n') };
}

describe('ladders eval', () => {
  it('prints top-1 agreement and per-competency precision/recall over the labelled set', async () => {
    const r = await run('eval');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/labelled statements: \d{3} \(\d{3} found in the data/);
    expect(r.out).toMatch(/top-1 agreement: \d+\/\d+ = \d+\.\d%/);
    for (const id of ['scope', 'threat', 'mentoring', 'growth']) expect(r.out).toMatch(new RegExp(`^${id} +[\\d.]+ +[\\d.]+`, 'm'));
  });

  it('--json gives the figures and the misses as data', async () => {
    const r = await run('eval', '--json');
    const e = JSON.parse(r.out);
    expect(e.n).toBeGreaterThanOrEqual(120);
    expect(e.top1).toBeGreaterThan(0.9);
    expect(e.perCompetency).toHaveLength(16);
    expect(Array.isArray(e.misses)).toBe(true);
  });
});
