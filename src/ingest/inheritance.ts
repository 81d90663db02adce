import type { DraftLevel } from './draft.ts';
import type { IngestRules } from './ingest-rules.ts';
import { findLevelLabel } from './level-label.ts';
import { normaliseSpace, sectionName } from './normalise-text.ts';

/** Sentences that say a level includes another are one short sentence; longer text is not scanned. */
const MAX_CHARS = 240;

/**
 * The level a sentence says this one includes ("The Senior role extends the Intermediate role" →
 * "Intermediate"; "Everything in L2, plus:" → "L2"), by the `inheritancePatterns` of the rules; null
 * when the sentence says no such thing.
 */
export function inheritedBase(sentence: string, rules: IngestRules): string | null {
  if (sentence.length > MAX_CHARS) return null;
  for (const re of rules.inheritance) {
    const base = re.exec(sentence)?.groups?.base;
    if (base && normaliseSpace(base)) return normaliseSpace(base).replace(/^["'“‘]|["'”’]$/g, '');
  }
  return null;
}

const key = (s: string) => sectionName(s).toLowerCase();

/**
 * Which level the words of an inheritance sentence name, among `levels` (lowest first): the level
 * before `own` for "the previous level"; a level code ("L2", "Level 1"); a label or title
 * ("Intermediate Security Engineer"). Unresolved words keep their text for the whole ladder to answer.
 */
export function resolveInherited(base: string, own: DraftLevel, levels: DraftLevel[], rules: IngestRules): Omit<NonNullable<DraftLevel['inherits']>, 'line'> {
  const lower = ` ${base.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  if (rules.previousLevelWords.some((w) => lower.includes(` ${w} `))) {
    const at = levels.indexOf(own);
    return at > 0 ? { text: base, level: levels[at - 1].label } : { text: base, previous: true };
  }
  const wanted = key(base);
  const byName = levels.find((l) => l !== own && (key(l.label) === wanted || key(l.title) === wanted));
  if (byName) return { text: base, level: byName.label };
  const code = findLevelLabel(base);
  if (code && code.rest.split(/\s+/).filter(Boolean).length <= 3) return { text: base, level: code.label };
  return { text: base };
}
