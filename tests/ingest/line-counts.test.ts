import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AscendingCounts, LineCounts } from '../../src/ingest/line-counts.ts';

describe('LineCounts', () => {
  it('counts each line number as a map of counts would, array-held or not (growing, negative, fractional, huge)', () => {
    const line = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 5000 }), fc.constantFrom(-1, 0.5, 2 ** 24, 2 ** 24 - 1, 2 ** 40, Number.NaN));
    fc.assert(fc.property(fc.array(line, { maxLength: 200 }), (lines) => {
      const counts = new LineCounts();
      const reference = new Map<number, number>();
      for (const l of lines) {
        const before = reference.get(l) ?? 0;
        reference.set(l, before + 1);
        expect(counts.add(l)).toBe(before);
      }
      for (const l of [...lines, 7, 100_000]) expect(counts.get(l)).toBe(reference.get(l) ?? 0);
    }), { numRuns: 500 });
  });
});

describe('AscendingCounts', () => {
  it('counts each key as a map of counts would, keys ascending for a while (past its first array) and then not', () => {
    const key = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ noNaN: false }));
    fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), fc.array(key, { maxLength: 100 }), (ascending, rest) => {
      const keys = [...Array.from({ length: ascending }, (_, i) => i * 3.5), ...rest];
      const counts = new AscendingCounts();
      const reference = new Map<number, number>();
      for (const k of keys) {
        const before = reference.get(k) ?? 0;
        reference.set(k, before + 1);
        expect(counts.add(k)).toBe(before);
      }
    }), { numRuns: 500 });
  });
});
