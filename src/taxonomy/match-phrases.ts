import { tokenise } from '../text/index.ts';

/** A phrase compiled to stems, carrying whatever the caller attaches. */
export interface CompiledPhrase<T> {
  stems: string[];
  value: T;
}

/** Phrases indexed by their first stem, for fast scanning. */
export type PhraseIndex<T> = Map<string, CompiledPhrase<T>[]>;

export interface PhraseMatch<T> {
  start: number;
  length: number;
  value: T;
}

/** Compile phrases (in order) into an index; phrases that tokenise to nothing are skipped. */
export function compilePhrases<T>(entries: { phrase: string; value: T }[]): PhraseIndex<T> {
  const index: PhraseIndex<T> = new Map();
  for (const { phrase, value } of entries) {
    const stems = tokenise(phrase);
    if (stems.length === 0) continue;
    const list = index.get(stems[0]) ?? [];
    list.push({ stems, value });
    index.set(stems[0], list);
  }
  return index;
}

/**
 * Find phrase occurrences in a stem sequence. Longer matches claim their words first: a shorter
 * phrase only counts where none of its words are inside a longer match (equal-length matches coexist).
 * Returned by start, longer first at one start.
 */
export function matchPhrases<T>(tokens: readonly string[], index: PhraseIndex<T>): PhraseMatch<T>[] {
  const found: PhraseMatch<T>[] = [];
  // Matches come out in start order; `overlap` records whether any starts inside an earlier one.
  let reach = 0;
  let overlap = false;
  for (let start = 0; start < tokens.length; start++) {
    const list = index.get(tokens[start]);
    if (list === undefined) continue;
    for (const phrase of list) {
      const n = phrase.stems.length;
      if (start + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = tokens[start + k] === phrase.stems[k];
      if (!ok) continue;
      if (start < reach) overlap = true;
      reach = Math.max(reach, start + n);
      found.push({ start, length: n, value: phrase.value });
    }
  }
  // No two matches share a word (the usual case): every one counts, already in order.
  if (!overlap) return found;
  const lengths = [...new Set(found.map((m) => m.length))].sort((a, b) => b - a);
  const claimed = new Array<boolean>(tokens.length).fill(false);
  const kept: PhraseMatch<T>[] = [];
  for (const length of lengths) {
    const group = found.filter((m) => m.length === length && !overlaps(m, claimed));
    for (const m of group) for (let k = m.start; k < m.start + m.length; k++) claimed[k] = true;
    kept.push(...group);
  }
  return kept.sort((a, b) => a.start - b.start || b.length - a.length);
}

function overlaps(m: { start: number; length: number }, claimed: boolean[]): boolean {
  for (let k = m.start; k < m.start + m.length; k++) if (claimed[k]) return true;
  return false;
}
