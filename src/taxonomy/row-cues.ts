/**
 * The taxonomy's cue phrases found in a statement row, kept from classifying it so that the analyses (mentions in
 * passing) read them instead of scanning the text again. Memoised per row object and taxonomy, never per text.
 */
import type { PhraseMatch } from './match-phrases.ts';

/** A cue phrase occurrence: where it starts, how many words, and which competency's cue it is (as written). */
export type CueMatch = PhraseMatch<CueOf>;
/** Which competency's cue phrase was found, and the cue as written. */
export type CueOf = { readonly competency: string; readonly cue: string };

/**
 * Per taxonomy, per row: the cues found, in text order (each occurrence). Only what the readers use is kept, the
 * lexicon's own entries (no match object a phrase found): the table stays with every classified row.
 */
const memo = new WeakMap<object, WeakMap<object, readonly CueOf[]>>();
const NONE: readonly CueOf[] = Object.freeze([]);

/** Keep the cue matches found in a row's text under this taxonomy ({@link matchPhrases} over its compiled cues). */
export function keepRowCues(row: object, taxonomy: object, matches: readonly CueMatch[]): void {
  let rows = memo.get(taxonomy);
  if (!rows) memo.set(taxonomy, (rows = new WeakMap()));
  rows.set(row, matches.length ? matches.map((m) => m.value) : NONE);
}

/** The cues ({@link CueMatch.value}) kept for a row under this very taxonomy object, in text order, or undefined. */
export function keptRowCues(row: object, taxonomy: object): readonly CueOf[] | undefined {
  return memo.get(taxonomy)?.get(row);
}
