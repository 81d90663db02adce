import { sortSmall, tokenise, type stemNumber } from '../text/index.ts';

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
 * Returned by start, longer first at one start. `numbers`: the {@link stemNumber} of each token, when the caller
 * has them (the first stems are then found by number, each stem looked up by name once per index).
 */
export function matchPhrases<T>(tokens: readonly string[], index: PhraseIndex<T>, numbers?: readonly number[]): PhraseMatch<T>[] {
  const found: PhraseMatch<T>[] = [];
  const byNumber = numbers ? numbered(index) : undefined;
  // Matches come out in start order; `overlap` records whether any starts inside an earlier one.
  let reach = 0;
  let overlap = false;
  for (let start = 0; start < tokens.length; start++) {
    const list = byNumber && numbers![start] >= 0 ? phrasesByNumber(index, byNumber, numbers![start], tokens[start]) : index.get(tokens[start]);
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
  // the distinct lengths, longest first
  const lengths: number[] = [];
  for (const m of found) if (!lengths.includes(m.length)) lengths.push(m.length);
  sortSmall(lengths, (a, b) => b - a);
  const claimed = new Uint8Array(tokens.length);
  const kept: PhraseMatch<T>[] = [];
  for (const length of lengths) {
    // the matches of this length whose words no longer match claimed, then their words claimed
    const from = kept.length;
    for (const m of found) if (m.length === length && !overlaps(m, claimed)) kept.push(m);
    for (let g = from; g < kept.length; g++) for (let k = kept[g].start; k < kept[g].start + length; k++) claimed[k] = 1;
  }
  return sortSmall(kept, byStart);
}

const byStart = (a: { start: number; length: number }, b: { start: number; length: number }) => a.start - b.start || b.length - a.length;

/** Per index: by a stem's {@link stemNumber}, the phrases it begins (null: none; undefined: not yet looked up). */
const numberTables = new WeakMap<PhraseIndex<unknown>, { table: (CompiledPhrase<unknown>[] | null | undefined)[] }>();

function numbered<T>(index: PhraseIndex<T>): { table: (CompiledPhrase<T>[] | null | undefined)[] } {
  let t = numberTables.get(index);
  if (!t) numberTables.set(index, (t = { table: [] }));
  return t as { table: (CompiledPhrase<T>[] | null | undefined)[] };
}

/** The phrases a stem begins, looked up by name once per stem and index, then by its number. */
function phrasesByNumber<T>(index: PhraseIndex<T>, byNumber: { table: (CompiledPhrase<T>[] | null | undefined)[] }, n: number, stem: string): CompiledPhrase<T>[] | undefined {
  let table = byNumber.table;
  if (n >= table.length) {
    const grown = new Array<CompiledPhrase<T>[] | null | undefined>(Math.max(n + 1, table.length * 2, 1024)).fill(undefined);
    for (let i = 0; i < table.length; i++) grown[i] = table[i];
    byNumber.table = table = grown;
  }
  let list = table[n];
  if (list === undefined) table[n] = list = index.get(stem) ?? null;
  return list ?? undefined;
}

function overlaps(m: { start: number; length: number }, claimed: Uint8Array): boolean {
  for (let k = m.start; k < m.start + m.length; k++) if (claimed[k] === 1) return true;
  return false;
}
