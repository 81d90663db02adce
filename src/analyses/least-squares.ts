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
  // Normal matrix as rows of columns (in order of first use) and their values, built once, one row at a time: the
  // terms that touch the row, in order, each adding its products to the row's slots (`slot[j]`: column j's place in
  // the row being built). Each entry is summed in the same order as term by term over the whole matrix.
  const touching: number[][] = Array.from({ length: n }, () => []);
  terms.forEach((t, k) => {
    if (!(t.weight > 0)) return;
    for (let at = 0; at < t.vars.length; at++) touching[t.vars[at][0]].push(k, at);
  });
  const rhs = new Float64Array(n);
  const cols: Int32Array[] = [];
  const vals: Float64Array[] = [];
  const precision = new Float64Array(n);
  const slot = new Int32Array(n).fill(-1);
  const rowCols: number[] = [];
  const rowVals: number[] = [];
  for (let i = 0; i < n; i++) {
    const list = touching[i];
    for (let m = 0; m < list.length; m += 2) {
      const t = terms[list[m]];
      const vars = t.vars;
      const ci = vars[list[m + 1]][1];
      rhs[i] += t.weight * ci * t.target;
      for (let q = 0; q < vars.length; q++) {
        const j = vars[q][0];
        const cj = vars[q][1];
        const k = slot[j];
        if (k < 0) (slot[j] = rowCols.length), rowCols.push(j), rowVals.push(0 + t.weight * ci * cj);
        else rowVals[k] += t.weight * ci * cj;
      }
    }
    precision[i] = slot[i] < 0 ? 0 : rowVals[slot[i]];
    cols.push(Int32Array.from(rowCols));
    vals.push(Float64Array.from(rowVals));
    for (const j of rowCols) slot[j] = -1;
    rowCols.length = 0;
    rowVals.length = 0;
  }
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
