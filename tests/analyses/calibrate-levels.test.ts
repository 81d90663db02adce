import { describe, expect, it } from 'vitest';
import { calibrateLevels, DEFAULT_CALIBRATION, type LevelInput } from '../../src/analyses/calibrate-levels.ts';

/** A ladder of levels with text readings (weight 6 each), optional titles by order. */
function ladder(name: string, orders: number[], text: (o: number) => number, titles: Record<number, number> = {}): LevelInput[] {
  return orders.map((o) => ({
    key: `${name}|t|L${o}`,
    ladder: `${name}|t`,
    order: o,
    text: { value: text(o), weight: 6 },
    facts: null,
    title: titles[o] === undefined ? null : { value: titles[o], weight: 1 },
  }));
}
const at = (r: ReturnType<typeof calibrateLevels>, key: string) => r.levels.find((l) => l.key === key)!.position;

describe('calibrateLevels', () => {
  const plain = ladder('plain', [2, 3, 4, 5, 6], (o) => o, { 5: 5, 6: 6 });
  it('does not lift a grandly written ladder: the same ladder written a point higher lands about where it was', () => {
    const grand = ladder('grand', [2, 3, 4, 5, 6], (o) => o + 1, { 5: 5, 6: 6 });
    const r = calibrateLevels([...plain, ...grand], []);
    for (const o of [2, 3, 4, 5, 6]) expect(Math.abs(at(r, `grand|t|L${o}`) - at(r, `plain|t|L${o}`))).toBeLessThan(0.3);
    expect(r.ladders.find((l) => l.ladder === 'grand|t')!.offset).toBeGreaterThan(0.75);
  });
  it('spreads a ladder whose wording is squeezed (0.4 points a level) about a step a level, given titles at the top', () => {
    const squeezed = ladder('sq', [2, 3, 4, 5, 6], (o) => 4 + 0.4 * (o - 2), { 5: 5, 6: 6 });
    const r = calibrateLevels(squeezed, []);
    expect(at(r, 'sq|t|L6') - at(r, 'sq|t|L2')).toBeGreaterThan(3.2);
    expect(at(r, 'sq|t|L2')).toBeLessThan(2.8);
    expect(r.ladders[0].slope).toBeLessThan(0.7);
  });
  it('keeps one ladder’s writing from moving another', () => {
    const alone = calibrateLevels(plain, []);
    const grand = ladder('grand', [1, 2, 3], (o) => o + 3);
    const both = calibrateLevels([...plain, ...grand], []);
    for (const o of [2, 3, 4, 5, 6]) expect(at(both, `plain|t|L${o}`)).toBeCloseTo(at(alone, `plain|t|L${o}`), 6);
  });
  it('pulls levels that share statements together', () => {
    const a = ladder('a', [1, 2, 3], (o) => o);
    const b = ladder('b', [1, 2, 3], (o) => o + 2);
    const apart = calibrateLevels([...a, ...b], []);
    const linked = calibrateLevels([...a, ...b], [{ a: 'a|t|L2', b: 'b|t|L2', shared: 8, weight: 4 }]);
    const gap = (r: ReturnType<typeof calibrateLevels>) => Math.abs(at(r, 'b|t|L2') - at(r, 'a|t|L2'));
    expect(gap(linked)).toBeLessThan(gap(apart) / 2);
  });
  it('keeps every level on the 1–7 scale and in native order', () => {
    const low = ladder('low', [1, 2, 3, 4], () => 1, {});
    const r = calibrateLevels(low, []);
    const ps = [1, 2, 3, 4].map((o) => at(r, `low|t|L${o}`));
    expect(Math.min(...ps)).toBeGreaterThanOrEqual(1 - 1e-6);
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeGreaterThan(ps[i - 1]);
  });
  it('explains each position: it is the weighted mean of what its parts say', () => {
    const r = calibrateLevels([...plain, ...ladder('b', [1, 2, 3], (o) => o + 1)], [{ a: 'plain|t|L3', b: 'b|t|L2', shared: 4, weight: 2 }]);
    for (const l of r.levels) {
      const w = l.parts.reduce((t, p) => t + p.weight, 0);
      const mean = l.parts.reduce((t, p) => t + p.weight * p.says, 0) / w;
      expect(mean).toBeCloseTo(l.position, 2);
    }
  });
  it('lets a level with no evidence of its own sit between its neighbours, pinned by nothing of its own', () => {
    const gappy = ladder('g', [1, 2, 3], (o) => o * 1.5);
    gappy[1] = { ...gappy[1], text: null };
    const r = calibrateLevels(gappy, []);
    const mid = r.levels.find((l) => l.key === 'g|t|L2')!;
    expect(mid.precision).toBe(0);
    expect(mid.position).toBeGreaterThan(at(r, 'g|t|L1'));
    expect(mid.position).toBeLessThan(at(r, 'g|t|L3'));
  });
  it('has defaults that read as inverse variances', () => {
    expect(DEFAULT_CALIBRATION.step.size).toBe(1);
  });
});
