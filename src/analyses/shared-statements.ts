/**
 * Levels of different ladders that say the same things: near-identical statements (word 3-gram shingles,
 * Jaccard ≥ threshold) found through an inverted index, counted per level pair. Two tracks of one company
 * often share whole paragraphs at the same level; a new company rarely shares a sentence with another.
 */
import type { Statement } from '../types.ts';
import { ladderKey, levelKey } from './level-keys.ts';
import { MAX_WORD_NUMBERS, rowNormalText, rowNormalWords } from './text.ts';

export interface SharedCount {
  a: string;
  b: string;
  /** Statements of level a with a near-identical statement in level b. */
  shared: number;
}

export interface SharedOptions {
  /** Jaccard of shingle sets at or above which two statements count as the same (default 0.6). */
  threshold?: number;
  /** Shingles found in more statements than this are too common to index (default 40). */
  maxPosting?: number;
}

const SHINGLE = 3;

/**
 * Shingle ids of each row's text: word 3-grams of its normalised words (a text of one or two words is one shingle
 * of itself), distinct, in order of first appearance. Words are read by their numbers ({@link rowNormalWords}), and
 * shingles numbered as they are first seen.
 */
export function shingleIds(rows: readonly { readonly text: string }[]): { sets: Int32Array[]; count: number } {
  /** Words past the numbers' bound (-1 in {@link rowNormalWords}), numbered here from MAX_WORD_NUMBERS + 1 up. */
  const overflowIds = new Map<string, number>();
  const triples = new TripleTable();
  const shortIds = new Map<string, number>();
  let next = 0;
  const ids: number[] = [];
  let words: Int32Array = new Int32Array(64);
  /** The text each shingle was last seen in (distinct shingles per text in linear time). */
  const lastText: number[] = [];
  const sets = rows.map((row, t) => {
    const nw = rowNormalWords(row);
    const n = nw.ids.length;
    /** The text's words, cut out only when one of them has no number. */
    let overflowWords: string[] | undefined;
    if (n > words.length) words = new Int32Array(Math.max(n, words.length * 2));
    for (let i = 0; i < n; i++) {
      let id = nw.ids[i];
      if (id < 0) {
        const w = (overflowWords ??= rowNormalText(row).split(' '))[i];
        id = overflowIds.get(w) ?? -1;
        if (id < 0) overflowIds.set(w, (id = MAX_WORD_NUMBERS + 1 + overflowIds.size));
      }
      words[i] = id;
    }
    ids.length = 0;
    if (n < SHINGLE) {
      if (!n) return new Int32Array(0);
      const key = n === 1 ? `${words[0]}` : `${words[0]} ${words[1]}`;
      let id = shortIds.get(key);
      if (id === undefined) shortIds.set(key, (id = next++));
      return Int32Array.of(id);
    }
    for (let i = 0; i + SHINGLE <= n; i++) {
      const id = triples.idOf(words[i], words[i + 1], words[i + 2], next);
      if (id === next) next++;
      if (lastText[id] !== t) (lastText[id] = t), ids.push(id);
    }
    return Int32Array.from(ids);
  });
  return { sets, count: next };
}

/**
 * Shingle ids by their three word numbers: an open-addressing table of integer triples (a map keyed by one number
 * made of the three held a heap number per key and hashed it as a double).
 */
class TripleTable {
  private keys = new Int32Array(3 * 1024);
  private ids = new Int32Array(1024).fill(-1);
  private size = 0;

  /** The id of the triple; when it has none, `fresh` becomes its id (the caller knows by getting `fresh` back). */
  idOf(a: number, b: number, c: number, fresh: number): number {
    const mask = this.ids.length - 1;
    for (let slot = hash(a, b, c) & mask; ; slot = (slot + 1) & mask) {
      const id = this.ids[slot];
      if (id < 0) {
        this.keys[3 * slot] = a;
        this.keys[3 * slot + 1] = b;
        this.keys[3 * slot + 2] = c;
        this.ids[slot] = fresh;
        if (++this.size * 2 > this.ids.length) this.grow();
        return fresh;
      }
      if (this.keys[3 * slot] === a && this.keys[3 * slot + 1] === b && this.keys[3 * slot + 2] === c) return id;
    }
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.ids = new Int32Array(ids.length * 2).fill(-1);
    this.size = 0;
    for (let slot = 0; slot < ids.length; slot++) if (ids[slot] >= 0) this.idOf(keys[3 * slot], keys[3 * slot + 1], keys[3 * slot + 2], ids[slot]);
  }
}

function hash(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77) ^ Math.imul(c + 0x165667b1, 0xc2b2ae3d);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
}

/** Rows holding each shingle (ascending), as one flat array with offsets: `rows[start[g] .. start[g + 1])`. */
export function postings(sets: readonly Int32Array[], count: number): { start: Int32Array; rows: Int32Array } {
  const start = new Int32Array(count + 1);
  for (const set of sets) for (const g of set) start[g + 1]++;
  for (let g = 0; g < count; g++) start[g + 1] += start[g];
  const fill = start.slice(0, count);
  const rows = new Int32Array(start[count]);
  sets.forEach((set, i) => {
    for (const g of set) rows[fill[g]++] = i;
  });
  return { start, rows };
}

const numbered = (keys: readonly string[]) => {
  const ids = new Map<string, number>();
  return { ids: Int32Array.from(keys, (k) => (ids.has(k) ? ids.get(k)! : (ids.set(k, ids.size), ids.size - 1))), names: [...ids.keys()] };
};

/** For every ordered pair of levels in different ladders, how many statements of the first recur in the second. */
export function sharedStatements(statements: readonly Statement[], options: SharedOptions = {}): SharedCount[] {
  const threshold = options.threshold ?? 0.6;
  const maxPosting = options.maxPosting ?? 40;
  const rows = statements.filter((s) => s.kind === 'expectation' || s.kind === 'example' || s.kind === 'summary');
  const { sets, count } = shingleIds(rows);
  const { start, rows: held } = postings(sets, count);
  const ladders = numbered(rows.map((s) => ladderKey(s))).ids;
  const levels = numbered(rows.map((s) => levelKey(s)));
  const nLevels = levels.names.length;
  const counts = new Map<number, number>();
  const overlap = new Int32Array(rows.length);
  const touched: number[] = [];
  const matched = new Int32Array(nLevels).fill(-1);
  for (let i = 0; i < sets.length; i++) {
    const set = sets[i];
    for (const g of set) {
      if (start[g + 1] - start[g] > maxPosting) continue;
      for (let p = start[g]; p < start[g + 1]; p++) {
        const j = held[p];
        if (ladders[j] === ladders[i]) continue;
        if (overlap[j]++ === 0) touched.push(j);
      }
    }
    for (const j of touched) {
      const common = overlap[j];
      overlap[j] = 0;
      if (common / (set.length + sets[j].length - common) < threshold) continue;
      const b = levels.ids[j];
      if (matched[b] === i) continue;
      matched[b] = i;
      const k = levels.ids[i] * nLevels + b;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    touched.length = 0;
  }
  return [...counts]
    .map(([k, shared]) => ({ a: levels.names[Math.floor(k / nLevels)], b: levels.names[k % nLevels], shared }))
    .sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}
