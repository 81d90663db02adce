import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortSmall } from '../../src/text/index.ts';

describe('sortSmall(xs, compare)', () => {
  it('gives the order of the library sort, ties kept in their order, short and long lists alike', () => {
    const byKey = (a: { key: number; at: number }, b: { key: number; at: number }) => a.key - b.key;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }), (keys) => {
        const rows = keys.map((key, at) => ({ key, at }));
        const mine = sortSmall([...rows], byKey);
        expect(mine).toEqual([...rows].sort(byKey));
        // stable: equal keys in their first order
        for (let i = 1; i < mine.length; i++) if (mine[i].key === mine[i - 1].key) expect(mine[i].at).toBeGreaterThan(mine[i - 1].at);
      }),
      { numRuns: 3000 },
    );
  });
  it('sorts in place and returns the list', () => {
    const xs = [3, 1, 2];
    expect(sortSmall(xs, (a, b) => a - b)).toBe(xs);
    expect(xs).toEqual([1, 2, 3]);
  });
});
