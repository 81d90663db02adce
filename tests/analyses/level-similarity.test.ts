import { describe, expect, it } from 'vitest';
import { levelSimilarity, placeLevels } from '../../src/analyses/index.ts';
import { row, scaleCues, seedAnalysis } from './seed-analysis.ts';

describe('levelSimilarity', () => {
  const { analysis } = seedAnalysis();
  const m = analysis.similarity!;
  it('is a symmetric matrix with ones on the diagonal and a long table of every pair', () => {
    const n = analysis.levels.length;
    expect(m.keys).toHaveLength(n);
    expect(m.long).toHaveLength((n * (n - 1)) / 2);
    for (let i = 0; i < n; i++) {
      expect(m.values[i][i]).toBe(1);
      for (let j = 0; j < n; j++) expect(m.values[i][j]).toBe(m.values[j][i]);
    }
  });
  it('finds Teleport 3 more like Octopus L4 than like Octopus L2', () => {
    const at = (a: string, b: string) => m.values[m.labels.indexOf(a)][m.labels.indexOf(b)];
    expect(at('teleport:3', 'octopus:L4')).toBeGreaterThan(at('teleport:3', 'octopus:L2'));
  });
  it('scores identical synthetic levels 1 on every part', () => {
    const rows = [row('a', '1', 1, 'Leads cross-team projects.', { competency: 'delivery' }), row('b', '1', 1, 'Leads cross-team projects.', { competency: 'delivery' })];
    const s = levelSimilarity(rows, placeLevels({ statements: rows }, { scaleCues }));
    expect(s.long[0]).toMatchObject({ profile: 1, scale: 1, similarity: 1 });
    expect(s.long[0].text).toBeCloseTo(1, 3);
  });
});
