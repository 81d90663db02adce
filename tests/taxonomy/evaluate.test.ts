import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/taxonomy/evaluate.ts';

describe('evaluate(items, ids)', () => {
  const items = [
    { acceptable: ['a'], predicted: 'a' },
    { acceptable: ['a', 'b'], predicted: 'b' },
    { acceptable: ['b'], predicted: 'a' },
    { acceptable: ['c'], predicted: null },
  ];
  const e = evaluate(items, ['a', 'b', 'c']);

  it('counts top-1 agreement as the prediction being any acceptable label', () => {
    expect(e).toMatchObject({ n: 4, agreed: 2, top1: 0.5, exact: 1 });
  });

  it('gives per-competency precision over predictions and recall over preferred labels', () => {
    const [a, b, c] = e.perCompetency;
    expect(a).toMatchObject({ id: 'a', predicted: 2, preferred: 2, precision: 0.5, recall: 0.5, accepted: 1 });
    expect(b).toMatchObject({ id: 'b', predicted: 1, preferred: 1, precision: 1, recall: 0, accepted: 0 });
    expect(c).toMatchObject({ id: 'c', predicted: 0, precision: null, recall: 0 });
  });

  it('handles an empty set', () => {
    expect(evaluate([], ['a'])).toMatchObject({ n: 0, top1: 0, perCompetency: [{ precision: null, recall: null }] });
  });
});
