/** Piecewise interpolation on a log axis, shared by attribute numbers and time spans. */

/** Interpolate a value on log(x) between [x, value] anchors (clamped at the ends). */
export function interpolateLog(x: number, anchors: [number, number][]): number {
  const a = [...anchors].sort((p, q) => p[0] - q[0]);
  if (x <= a[0][0]) return a[0][1];
  for (let i = 1; i < a.length; i++) {
    if (x <= a[i][0]) {
      const [x0, v0] = a[i - 1];
      const [x1, v1] = a[i];
      return v0 + ((Math.log(x) - Math.log(x0)) / (Math.log(x1) - Math.log(x0))) * (v1 - v0);
    }
  }
  return a[a.length - 1][1];
}
