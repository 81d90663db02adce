/**
 * The taxonomy's cue phrases found in a statement row, kept from classifying it so that the analyses (mentions in
 * passing) read them instead of scanning the text again. Memoised per row object and taxonomy, never per text.
 */
import type { PhraseMatch } from './match-phrases.ts';

/** A cue phrase occurrence: where it starts, how many words, and which competency's cue it is (as written). */
export type CueMatch = PhraseMatch<{ readonly competency: string; readonly cue: string }>;

const memo = new WeakMap<object, { taxonomy: object; matches: readonly CueMatch[] }>();

/** Keep the cue matches found in a row's text under this taxonomy ({@link matchPhrases} over its compiled cues). */
export function keepRowCues(row: object, taxonomy: object, matches: readonly CueMatch[]): void {
  memo.set(row, { taxonomy, matches });
}

/** The cue matches kept for a row under this very taxonomy object, or undefined. */
export function keptRowCues(row: object, taxonomy: object): readonly CueMatch[] | undefined {
  const kept = memo.get(row);
  return kept !== undefined && kept.taxonomy === taxonomy ? kept.matches : undefined;
}
