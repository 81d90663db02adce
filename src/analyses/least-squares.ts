/**
 * Weighted linear least squares over sparse terms, solved by conjugate gradients on the normal equations.
 * Each term says `Σ coef·x[index] ≈ target` with a weight; the solution minimises Σ weight·(Σ coef·x − target)².
 * Deterministic (fixed iteration order), O(terms + unknowns) per iteration.
 */
export interface Term {
  /** Unknowns the term involves, with their coefficients. */
  vars: readonly (readonly [index: number, coef: number])[];
  target: number;
  weight: number;
}

export interface Solution {
  x: Float64Array;
  /** Diagonal of the normal matrix: how much the terms pin each unknown (its local precision). */
  precision: Float64Array;
}

/** Minimise Σ w·(a·x − y)² for `n` unknowns. Every unknown should appear in some term with positive weight. */
export function solveLeastSquares(n: number, terms: readonly Term[], options: { tolerance?: number; maxIterations?: number } = {}): Solution {
  // Normal matrix as rows of columns (in order of first use) and their values, built once. A row holds a level's
  // neighbours and its ladder's unknowns, a dozen or two: a scan of a short list finds a column faster than a map.
  const rowCols: number[][] = Array.from({ length: n }, () => []);
  const rowVals: number[][] = Array.from({ length: n }, () => []);
  const rhs = new Float64Array(n);
  for (const t of terms) {
    if (!(t.weight > 0)) continue;
    for (const [i, ci] of t.vars) {
      rhs[i] += t.weight * ci * t.target;
      const c = rowCols[i];
      const a = rowVals[i];
      for (const [j, cj] of t.vars) {
        const k = c.indexOf(j);
        if (k < 0) c.push(j), a.push(0 + t.weight * ci * cj);
        else a[k] += t.weight * ci * cj;
      }
    }
  }
  const cols = rowCols.map((c) => Int32Array.from(c));
  const vals = rowVals.map((a) => Float64Array.from(a));
  const precision = Float64Array.from(rowCols, (c, i) => (c.indexOf(i) < 0 ? 0 : rowVals[i][c.indexOf(i)]));
  const multiply = (v: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      const c = cols[i];
      const a = vals[i];
      for (let k = 0; k < c.length; k++) s += a[k] * v[c[k]];
      out[i] = s;
    }
  };
  const inv = Float64Array.from(precision, (d) => (d > 0 ? 1 / d : 0));
  const x = new Float64Array(n);
  const r = Float64Array.from(rhs);
  const z = Float64Array.from(r, (v, i) => v * inv[i]);
  const p = Float64Array.from(z);
  const q = new Float64Array(n);
  let rz = dot(r, z);
  const stop = (options.tolerance ?? 1e-12) * Math.max(1, dot(rhs, rhs));
  const limit = options.maxIterations ?? 10 * n + 100;
  for (let it = 0; it < limit && dot(r, r) > stop; it++) {
    multiply(p, q);
    const pq = dot(p, q);
    if (!(pq > 0)) break;
    const alpha = rz / pq;
    for (let i = 0; i < n; i++) {
      x[i] += alpha * p[i];
      r[i] -= alpha * q[i];
      z[i] = r[i] * inv[i];
    }
    const next = dot(r, z);
    const beta = next / rz;
    rz = next;
    for (let i = 0; i < n; i++) p[i] = z[i] + beta * p[i];
  }
  return { x, precision };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
