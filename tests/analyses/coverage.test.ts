import { describe, expect, it } from 'vitest';
import { coverage, placeLevels } from '../../src/analyses/index.ts';
import { row, scaleCues, seedAnalysis } from './seed-analysis.ts';

describe('coverage on the seeds', () => {
  const { analysis, statements } = seedAnalysis();
  const cov = analysis.coverage;
  it('has one cell per placed level and taxonomy competency', () => {
    expect(cov.cells.length).toBe(analysis.levels.length * 16);
    expect(cov.competencies.length).toBe(16);
  });
  it('counts only classified statements of the level, and its ids trace back', () => {
    const byId = new Map(statements.map((s) => [s.id, s]));
    for (const c of cov.cells) {
      expect(c.statementIds.length).toBe(c.mentions);
      for (const id of c.statementIds) expect(byId.get(id)!.level).toBe(c.level);
      expect(c.count).toBeLessThanOrEqual(c.mentions);
    }
    const l4 = cov.cells.filter((c) => c.levelKey === analysis.levels.find((p) => p.label === 'octopus:L4')!.key);
    expect(l4.reduce((t, c) => t + c.share, 0)).toBeCloseTo(1, 1);
  });
  it('treats Dropbox threat fluency as carried over by its cap note, not missing', () => {
    const d = cov.companies.find((c) => c.company === 'dropbox')!;
    expect(d.carriedOver).toContain('threat');
    expect(d.missing).not.toContain('threat');
    expect(d.share).toBeCloseTo(d.covered.length / 16, 3);
  });
});

describe('coverage on a synthetic ladder', () => {
  it('counts primary and secondary mentions separately', () => {
    const rows = [
      row('a', '1', 1, 'x', { competency: 'delivery' }),
      { ...row('a', '1', 1, 'y'), competency: 'mentoring', competencies: [{ id: 'mentoring', score: 0.6 }, { id: 'delivery', score: 0.4 }] },
    ];
    const levels = placeLevels({ statements: rows }, { scaleCues });
    const r = coverage(rows, levels, { competencies: ['delivery', 'mentoring', 'hiring'] });
    expect(r.cells.find((c) => c.competency === 'delivery')).toMatchObject({ count: 1, mentions: 2, weight: 1.4, share: 0.7 });
    expect(r.companies[0]).toMatchObject({ covered: ['delivery', 'mentoring'], missing: ['hiring'] });
  });
});
