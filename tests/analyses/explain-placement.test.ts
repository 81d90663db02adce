import { describe, expect, it } from 'vitest';
import { explainPlacement, placeLevels } from '../../src/analyses/index.ts';
import { row, scaleCues } from './seed-analysis.ts';

describe('explainPlacement(level)', () => {
  const rows = [
    row('acme', 'L1', 1, 'Fixes small bugs with close supervision.'),
    row('acme', 'L2', 2, 'Delivers medium projects independently.', { levelTitle: 'Senior Engineer' }),
    row('acme', 'L3', 3, 'Leads cross-team projects across several teams.', { levelTitle: 'Staff Engineer' }),
  ];
  const levels = placeLevels({ statements: rows }, { scaleCues });
  const label = (k: string) => levels.find((l) => l.key === k)?.label ?? k;

  it('names every part of the fit with its share, strongest first, and the shares add up to one', () => {
    const reasons = explainPlacement(levels[2], label);
    expect(reasons.map((r) => r.part).sort()).toEqual(['below', 'text', 'title']);
    for (let i = 1; i < reasons.length; i++) expect(reasons[i - 1].weight).toBeGreaterThanOrEqual(reasons[i].weight);
    expect(reasons.reduce((t, r) => t + r.share, 0)).toBeCloseTo(1, 1);
  });
  it('says it in words: the phrases read, the title word, the neighbour', () => {
    const text = explainPlacement(levels[2], label).map((r) => r.text).join('\n');
    expect(text).toContain('"staff"');
    expect(text).toContain('"across several teams"');
    expect(text).toContain('acme:L2 below it');
  });
  it('explains nothing for a placement made without the fit', () => {
    expect(explainPlacement({ ...levels[0], calibration: undefined })).toEqual([]);
  });
});
