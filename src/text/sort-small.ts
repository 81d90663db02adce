/**
 * Sort in place, stably, as `Array.prototype.sort` does with the same comparator (a consistent one: then the stable
 * order is the only one). A short list by insertion, without the work array V8's sort allocates for every call (the
 * classifier sorts a few cues or matches per statement); a long one by the library sort.
 */
export function sortSmall<T>(xs: T[], compare: (a: T, b: T) => number): T[] {
  if (xs.length > SMALL) return xs.sort(compare);
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= 0 && compare(xs[j], x) > 0) (xs[j + 1] = xs[j]), j--;
    xs[j + 1] = x;
  }
  return xs;
}

/** Lists up to this long are sorted by insertion. */
const SMALL = 24;
