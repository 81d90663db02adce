/** Lines up to this number are counted in the array; others (none in practice) in a map. */
const MAX_ARRAY_LINE = 1 << 24;

/**
 * How many times each line number was counted: a growing typed array indexed by the line, a map for a number no
 * array index can hold (negative, fractional, huge). A map of a few hundred thousand line numbers, built once per
 * file to number the statements sharing a line, was a tenth of reading a statement-dense file.
 */
export class LineCounts {
  private counts = new Uint32Array(64);
  private readonly others = new Map<number, number>();

  /** Counts `line` once more and returns its count before. */
  add(line: number): number {
    if (Number.isInteger(line) && line >= 0 && line < MAX_ARRAY_LINE) {
      if (line >= this.counts.length) this.grow(line);
      return this.counts[line]++;
    }
    const n = this.others.get(line) ?? 0;
    this.others.set(line, n + 1);
    return n;
  }

  /** The count of `line` so far. */
  get(line: number): number {
    if (Number.isInteger(line) && line >= 0 && line < MAX_ARRAY_LINE) return line < this.counts.length ? this.counts[line] : 0;
    return this.others.get(line) ?? 0;
  }

  private grow(line: number) {
    let size = this.counts.length;
    while (size <= line) size *= 2;
    const next = new Uint32Array(size);
    next.set(this.counts);
    this.counts = next;
  }
}
