/**
 * Levels of different ladders that say the same things: near-identical statements (word 3-gram shingles,
 * Jaccard ≥ threshold) found through an inverted index, counted per level pair. Two tracks of one company
 * often share whole paragraphs at the same level; a new company rarely shares a sentence with another.
 */
import type { Statement } from '../types.ts';
import { ladderKey, levelKey } from './level-keys.ts';
import { normaliseText } from './text.ts';

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

function shingles(text: string): string[] {
  const words = normaliseText(text).split(' ').filter(Boolean);
  if (words.length < SHINGLE) return words.length ? [words.join(' ')] : [];
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  return [...out];
}

/** For every ordered pair of levels in different ladders, how many statements of the first recur in the second. */
export function sharedStatements(statements: readonly Statement[], options: SharedOptions = {}): SharedCount[] {
  const threshold = options.threshold ?? 0.6;
  const maxPosting = options.maxPosting ?? 40;
  const rows = statements.filter((s) => s.kind === 'expectation' || s.kind === 'example' || s.kind === 'summary');
  const sets = rows.map((s) => shingles(s.text));
  const postings = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const g of set) {
      const list = postings.get(g);
      if (list) list.push(i);
      else postings.set(g, [i]);
    }
  });
  const ladders = rows.map((s) => ladderKey(s));
  const levels = rows.map((s) => levelKey(s));
  const counts = new Map<string, number>();
  const overlap = new Map<number, number>();
  sets.forEach((set, i) => {
    overlap.clear();
    for (const g of set) {
      const list = postings.get(g)!;
      if (list.length > maxPosting) continue;
      for (const j of list) if (ladders[j] !== ladders[i]) overlap.set(j, (overlap.get(j) ?? 0) + 1);
    }
    const matchedLevels = new Set<string>();
    for (const [j, common] of overlap) {
      const jaccard = common / (set.length + sets[j].length - common);
      if (jaccard >= threshold) matchedLevels.add(levels[j]);
    }
    for (const b of matchedLevels) {
      const k = `${levels[i]}\u0000${b}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  });
  return [...counts].map(([k, shared]) => {
    const [a, b] = k.split('\u0000');
    return { a, b, shared };
  }).sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}
