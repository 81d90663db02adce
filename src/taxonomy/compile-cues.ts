import { compilePhrases, type PhraseIndex } from './match-phrases.ts';
import type { Taxonomy } from './types.ts';

/** A cue as written in the taxonomy, with its competency and weight. */
export interface CueEntry {
  competency: string;
  cue: string;
  weight: number;
}

const cache = new WeakMap<Taxonomy, PhraseIndex<CueEntry>>();

/**
 * Index a taxonomy's cue phrases by stem (memoised per taxonomy object). Cues of one competency
 * that stem alike (`mentor`, `mentors`) collapse to the first, keeping the highest weight.
 */
export function compileCues(taxonomy: Taxonomy): PhraseIndex<CueEntry> {
  let index = cache.get(taxonomy);
  if (index) return index;
  const entries: { phrase: string; value: CueEntry }[] = [];
  for (const c of taxonomy.competencies) {
    const byKey = new Map<string, CueEntry>();
    for (const [cue, weight] of Object.entries(c.cues)) {
      const key = compilePhrases([{ phrase: cue, value: 0 }]);
      const stems = [...key.values()][0]?.[0]?.stems.join(' ');
      if (stems === undefined) continue;
      const prev = byKey.get(stems);
      if (!prev) byKey.set(stems, { competency: c.id, cue, weight });
      else if (weight > prev.weight) prev.weight = weight;
    }
    for (const value of byKey.values()) entries.push({ phrase: value.cue, value });
  }
  index = compilePhrases(entries);
  cache.set(taxonomy, index);
  return index;
}
