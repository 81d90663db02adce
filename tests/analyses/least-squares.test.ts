import { describe, expect, it } from 'vitest';
import { solveLeastSquares, type Term } from '../../src/analyses/least-squares.ts';

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

describe('solveLeastSquares builds the normal matrix in the order of its terms', () => {
  /** The normal equations summed term by term into a map per row (how the solver used to build them). */
  const normal = (n: number, terms: Term[]) => {
    const rows: Map<number, number>[] = Array.from({ length: n }, () => new Map());
    for (const t of terms) {
      if (!(t.weight > 0)) continue;
      for (const [i, ci] of t.vars) for (const [j, cj] of t.vars) rows[i].set(j, (rows[i].get(j) ?? 0) + t.weight * ci * cj);
    }
    return rows;
  };
  it('sums each entry term by term (the precision to the last bit) and solves those equations, on random sparse terms', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 20; trial++) {
      const n = 5 + Math.floor(rand() * 30);
      const terms: Term[] = [];
      for (let k = 0; k < 3 * n; k++) {
        const vars = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 5) }, () => Math.floor(rand() * n)))].map((i) => [i, rand() * 4 - 2] as const);
        terms.push({ vars, target: rand() * 7, weight: rand() < 0.1 ? 0 : rand() * 3 });
      }
      for (let i = 0; i < n; i++) terms.push({ vars: [[i, 1]], target: 4, weight: 1e-3 });
      const rows = normal(n, terms);
      const { x, precision } = solveLeastSquares(n, terms);
      expect([...precision]).toEqual(rows.map((r, i) => r.get(i) ?? 0));
      // and the solution solves the normal equations A·x = b of that matrix
      const b = new Float64Array(n);
      for (const t of terms) if (t.weight > 0) for (const [i, ci] of t.vars) b[i] += t.weight * ci * t.target;
      rows.forEach((r, i) => expect([...r].reduce((s, [j, a]) => s + a * x[j], 0)).toBeCloseTo(b[i], 3)); // to the solver's tolerance
    }
  });
});
