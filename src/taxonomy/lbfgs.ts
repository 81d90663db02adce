/** Result of {@link minimise}. */
export interface Minimum {
  x: Float64Array;
  value: number;
  iterations: number;
}

/**
 * Minimise a smooth function with limited-memory BFGS and a backtracking (Armijo) line search.
 * `fg(x, grad)` returns the value at x and writes the gradient into grad. Deterministic: the same
 * function and start give the same steps. Stops when the value changes by less than `tolerance`
 * (relative) or after `maxIterations`.
 */
export function minimise(
  fg: (x: Float64Array, grad: Float64Array) => number,
  start: Float64Array,
  { maxIterations = 300, memory = 8, tolerance = 1e-7 }: { maxIterations?: number; memory?: number; tolerance?: number } = {},
): Minimum {
  const n = start.length;
  const x = Float64Array.from(start);
  const g = new Float64Array(n);
  let value = fg(x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const alpha = new Float64Array(memory);
  const dot = (a: Float64Array, b: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i] * b[i];
    return s;
  };
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    for (let i = 0; i < n; i++) d[i] = -g[i];
    for (let k = S.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(S[k], d);
      const y = Y[k];
      for (let i = 0; i < n; i++) d[i] -= alpha[k] * y[i];
    }
    if (S.length) {
      const k = S.length - 1;
      const gamma = dot(S[k], Y[k]) / dot(Y[k], Y[k]);
      for (let i = 0; i < n; i++) d[i] *= gamma;
    } else {
      const scale = 1 / Math.max(1, Math.sqrt(dot(g, g)));
      for (let i = 0; i < n; i++) d[i] *= scale;
    }
    for (let k = 0; k < S.length; k++) {
      const beta = rho[k] * dot(Y[k], d);
      const s = S[k];
      for (let i = 0; i < n; i++) d[i] += s[i] * (alpha[k] - beta);
    }
    let slope = dot(d, g);
    if (!(slope < 0)) {
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = -dot(g, g);
      S.length = Y.length = rho.length = 0;
      if (slope === 0) break;
    }
    let step = 1;
    let next = value;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
      next = fg(xNew, gNew);
      if (next <= value + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(next <= value)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const sy = dot(s, y);
    const converged = value - next <= tolerance * Math.max(1, Math.abs(value));
    x.set(xNew);
    g.set(gNew);
    value = next;
    if (sy > 1e-12) {
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
      if (S.length > memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
    }
    if (converged) break;
  }
  return { x, value, iterations };
}
