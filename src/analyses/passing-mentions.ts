/**
 * Mentions in passing: where a ladder's text touches a competency that none of its statements is about.
 *
 * The rule (docs/analyses.md): a statement is *about* a competency when the competency is its primary reading or
 * scores at least `minScore` (the coverage threshold). It *mentions the competency in passing* when it is not about
 * it but (a) the classifier lists it as a secondary reading (`secondary`), or (b) one of the competency's cue
 * phrases from the taxonomy occurs in its text (stemmed, as the classifier matches them: "interviewing" is a hiring
 * cue inside an incident-response statement). A ladder *never mentions* a competency only when no statement of it
 * (any kind; placeholders and empty cells aside) is about it or mentions it in passing.
 */
import { compilePhrases, matchPhrases, type PhraseIndex } from '../taxonomy/match-phrases.ts';
import { keptRowCues } from '../taxonomy/row-cues.ts';
import { rowWords, tokenise } from '../text/index.ts';
import type { ClassifiedStatement } from '../types.ts';
import type { TaxonomyLike } from './cap-notes.ts';

/** One statement touching a competency it is not about: how (a secondary reading, cue phrases in its text). */
export interface PassingTouch {
  statementId: string;
  competency: string;
  /** The classifier lists the competency as a secondary reading of the statement. */
  secondary: boolean;
  /** The competency's cue phrases found in the text, as written in the taxonomy. */
  cues: string[];
}

const indexes = new WeakMap<TaxonomyLike, PhraseIndex<{ competency: string; cue: string }>>();

function cueIndex(taxonomy: TaxonomyLike): PhraseIndex<{ competency: string; cue: string }> {
  let index = indexes.get(taxonomy);
  if (!index) {
    // Spellings of one competency's cue that stem alike ("organisation", "organization") count once, as the first.
    const seen = new Set<string>();
    const entries: { phrase: string; value: { competency: string; cue: string } }[] = [];
    for (const c of taxonomy.competencies) {
      for (const cue of Object.keys(c.cues ?? {})) {
        const key = `${c.id}|${tokenise(cue).join(' ')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        entries.push({ phrase: cue, value: { competency: c.id, cue } });
      }
    }
    index = compilePhrases(entries);
    indexes.set(taxonomy, index);
  }
  return index;
}

/** Whether a statement is about a competency: its primary reading, or scored at least `minScore`. */
export function isAbout(s: ClassifiedStatement, competency: string, minScore = 0.25): boolean {
  if (s.competency === competency) return true;
  return !!s.competencies?.some((c) => c.id === competency && c.score >= minScore);
}

/** Whether a statement's text counts at all (placeholders and empty cells say nothing). */
export function saysSomething(s: ClassifiedStatement): boolean {
  return !s.flags.includes('placeholder') && !s.flags.includes('empty-cell') && s.kind !== 'placeholder';
}

/**
 * Every (statement, competency) pair where the statement touches the competency without being about it, in
 * statement order. Linear in the text: each statement is scanned once against one cue index, or not at all when the
 * classifier kept the cue phrases it found in it (same phrases: each competency's cues that stem alike count once, as the first).
 */
export function passingTouches(statements: readonly ClassifiedStatement[], opts: { taxonomy?: TaxonomyLike; minScore?: number } = {}): PassingTouch[] {
  const out: PassingTouch[] = [];
  eachPassingTouch(statements, opts, (_, t) => out.push(t));
  return out;
}

/** {@link passingTouches}, each handed to `visit` with its statement (to group touches without looking ids up). */
export function eachPassingTouch<S extends ClassifiedStatement>(
  statements: readonly S[],
  opts: { taxonomy?: TaxonomyLike; minScore?: number },
  visit: (s: S, touch: PassingTouch) => void,
): void {
  const index = opts.taxonomy ? cueIndex(opts.taxonomy) : null;
  const minScore = opts.minScore ?? 0.25;
  for (const s of statements) {
    if (!saysSomething(s)) continue;
    let found: Map<string, PassingTouch> | undefined;
    for (const c of s.secondary ?? []) {
      if (!isAbout(s, c, minScore)) (found ??= new Map()).set(c, { statementId: s.id, competency: c, secondary: true, cues: [] });
    }
    if (index) {
      // The classifier's cue matches when it kept them under this taxonomy (the same phrases, found the same way).
      for (const { competency, cue } of keptRowCues(s, opts.taxonomy!) ?? matchPhrases(rowWords(s).stems, index).map((m) => m.value)) {
        if (isAbout(s, competency, minScore)) continue;
        let t = found?.get(competency);
        if (!t) (found ??= new Map()).set(competency, (t = { statementId: s.id, competency, secondary: false, cues: [] }));
        if (!t.cues.includes(cue)) t.cues.push(cue);
      }
    }
    if (found) for (const t of found.values()) visit(s, t);
  }
}
