/** Weighted isotonic regression (pool adjacent violators): the closest non-decreasing sequence. */

/**
 * Fit non-decreasing values to `values` (in the given order) minimising the weighted squared error.
 * Zero or negative weights are treated as a tiny weight so every point still gets a value.
 */
export function isotonic(values: number[], weights: number[] = values.map(() => 1)): number[] {
  const blocks: { sum: number; w: number; n: number }[] = [];
  values.forEach((v, i) => {
    const w = Math.max(weights[i] ?? 1, 1e-6);
    blocks.push({ sum: v * w, w, n: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1];
      const a = blocks[blocks.length - 2];
      if (a.sum / a.w <= b.sum / b.w + 1e-12) break;
      blocks.splice(blocks.length - 2, 2, { sum: a.sum + b.sum, w: a.w + b.w, n: a.n + b.n });
    }
  });
  return blocks.flatMap((b) => Array.from({ length: b.n }, () => b.sum / b.w));
}
