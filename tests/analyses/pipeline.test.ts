import { describe, expect, it } from 'vitest';
import { analyse, weightedQuantile } from '../../src/analyses/index.ts';
import { seeds } from '../helpers.ts';
import { scaleCues, seedAnalysis, taxonomy } from './seed-analysis.ts';

describe('analyse (the pipeline)', () => {
  const { statements, analysis } = seedAnalysis();
  it('returns every table, and the same tables on a second run (no clocks, no randomness)', () => {
    const again = analyse({ ...seeds(), statements: [...statements] }, { scaleCues, taxonomy });
    expect(JSON.stringify(again) === JSON.stringify(analysis)).toBe(true);
    expect(analysis.levels.length).toBe(10);
    expect(analysis.competencies).toEqual(taxonomy.competencies.map((c) => c.id));
  });
  it('can skip the quadratic similarity matrix and divergence', () => {
    const a = analyse({ ...seeds(), statements }, { scaleCues, taxonomy, similarity: false, divergence: false });
    expect(a.similarity).toBeNull();
    expect(a.divergence).toEqual([]);
    expect(a.gaps.length).toBe(analysis.gaps.length);
  });
  it('traces every figure to statement ids that exist', () => {
    const ids = new Set(statements.map((s) => s.id));
    const all = [
      ...analysis.coverage.cells.flatMap((c) => c.statementIds),
      ...analysis.gaps.flatMap((g) => [...g.statementIds, ...(g.peers ?? []).map((p) => p.statementId)]),
      ...analysis.divergence.flatMap((d) => [...d.onset.flatMap((o) => o.statementIds), ...d.sideBySide.flatMap((s) => s.statements.map((x) => x.id))]),
      ...analysis.capNotes.map((n) => n.statementId),
    ];
    expect(all.length).toBeGreaterThan(100);
    for (const id of all) expect(ids.has(id)).toBe(true);
  });
});

describe('weightedQuantile', () => {
  it('interpolates between values placed at the middle of their weight', () => {
    const items = [{ value: 1, weight: 1 }, { value: 3, weight: 1 }];
    expect([0, 0.25, 0.5, 0.75, 1].map((q) => weightedQuantile(items, q))).toEqual([1, 1, 2, 3, 3]);
    expect(weightedQuantile([{ value: 1, weight: 3 }, { value: 5, weight: 1 }], 0.25)).toBe(1);
    expect(weightedQuantile([{ value: 1, weight: 3 }, { value: 5, weight: 1 }], 0.5)).toBe(2);
  });
});
