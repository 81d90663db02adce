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

/**
 * How many times each number key was counted, for keys that mostly come in ascending order (a file's statement
 * ids, line by line): while every key so far was greater than the one before, each is new, and is only logged in a
 * typed array; the first key out of order turns the log into a map (each logged key counted once), kept from then
 * on. A map of a hundred thousand large numbers was most of the cost of a grid's ids.
 */
export class AscendingCounts {
  private log = new Float64Array(64);
  private size = 0;
  private map: Map<number, number> | null = null;

  /** Counts `key` once more and returns its count before. */
  add(key: number): number {
    if (!this.map) {
      if (this.size === 0 || key > this.log[this.size - 1]) {
        if (this.size === this.log.length) {
          const next = new Float64Array(this.size * 2);
          next.set(this.log);
          this.log = next;
        }
        this.log[this.size++] = key;
        return 0;
      }
      this.map = new Map();
      for (let i = 0; i < this.size; i++) this.map.set(this.log[i], 1);
      this.log = new Float64Array(0);
    }
    const n = this.map.get(key) ?? 0;
    this.map.set(key, n + 1);
    return n;
  }
}
