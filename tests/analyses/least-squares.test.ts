import { describe, expect, it } from 'vitest';
import { solveLeastSquares } from '../../src/analyses/least-squares.ts';

describe('solveLeastSquares(n, terms)', () => {
  it('finds the weighted mean when every term pins the one unknown', () => {
    const { x, precision } = solveLeastSquares(1, [
      { vars: [[0, 1]], target: 2, weight: 1 },
      { vars: [[0, 1]], target: 5, weight: 2 },
    ]);
    expect(x[0]).toBeCloseTo(4, 10);
    expect(precision[0]).toBe(3);
  });
  it('solves coupled terms: a chain of differences anchored at one end', () => {
    // x0 ≈ 1; x1 − x0 ≈ 2; x2 − x1 ≈ 3  →  1, 3, 6
    const { x } = solveLeastSquares(3, [
      { vars: [[0, 1]], target: 1, weight: 10 },
      { vars: [[1, 1], [0, -1]], target: 2, weight: 1 },
      { vars: [[2, 1], [1, -1]], target: 3, weight: 1 },
    ]);
    expect([...x].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([1, 3, 6]);
  });
  it('balances conflicting terms by weight and ignores terms without weight', () => {
    const { x } = solveLeastSquares(2, [
      { vars: [[0, 1]], target: 0, weight: 1 },
      { vars: [[1, 1]], target: 0, weight: 1 },
      { vars: [[1, 1], [0, -1]], target: 2, weight: 1 },
      { vars: [[0, 1]], target: 100, weight: 0 },
    ]);
    // Minimises x0² + x1² + (x1 − x0 − 2)²  →  x0 = −2/3, x1 = 2/3.
    expect(x[0]).toBeCloseTo(-2 / 3, 8);
    expect(x[1]).toBeCloseTo(2 / 3, 8);
  });
  it('gives the same bytes on every run', () => {
    const terms = Array.from({ length: 50 }, (_, i) => ({ vars: [[i % 7, 1], [(i * 3) % 7, -0.5]] as [number, number][], target: i / 3, weight: 1 + (i % 4) }));
    expect([...solveLeastSquares(7, terms).x]).toEqual([...solveLeastSquares(7, terms).x]);
  });
});
