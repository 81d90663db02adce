import { describe, expect, it } from 'vitest';
import { placeLevels } from '../../src/analyses/index.ts';
import { stepOffsets } from '../../src/analyses/place-levels.ts';
import { row, scaleCues } from './seed-analysis.ts';

describe('a minimum step between the levels of one ladder', () => {
  it('keeps two levels whose text reads alike apart, in native order, instead of pooling them', () => {
    const rows = [
      row('acme', 'E3', 3, 'Works on small features with guidance from a more experienced engineer.'),
      row('acme', 'E4', 4, 'Works on small projects with some guidance.'),
      row('acme', 'E5', 5, 'Fixes bugs with assistance.'),
    ];
    const ps = placeLevels({ statements: rows }, { scaleCues });
    expect(ps[2].rawPosition!).toBeLessThan(ps[1].rawPosition!);
    for (let i = 1; i < ps.length; i++) expect(ps[i].position - ps[i - 1].position).toBeGreaterThanOrEqual(scaleCues.fit.minStep - 0.011);
  });
  it('lets variants of one level share a step', () => {
    expect(stepOffsets([1, 2, 2, 3], 0.25)).toEqual([0, 0.25, 0.25, 0.5]);
  });
  it('keeps native order when the text reads against it, and shows the text disagreeing', () => {
    const rows = [row('acme', 'A1', 1, 'Works across the company.'), row('acme', 'A2', 2, 'Fixes bugs with assistance.')];
    const [a, b] = placeLevels({ statements: rows }, { scaleCues: { ...scaleCues, fit: { minStep: 0 } } });
    expect(a.rawPosition!).toBeGreaterThan(b.rawPosition!);
    expect(b.position).toBeGreaterThan(a.position);
    const says = (p: typeof a) => p.calibration!.parts.find((x) => x.source === 'text')!.says;
    expect(says(a)).toBeGreaterThan(a.position);
    expect(says(b)).toBeLessThan(b.position);
  });
});
