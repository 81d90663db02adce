import { compileCues } from './compile-cues.ts';
import { descriptionMatches } from './description-match.ts';
import { matchPhrases } from './match-phrases.ts';
import { sectionPrior } from './section-prior.ts';
import { compareText, tokenise } from '../text/index.ts';
import type { Classification, CompetencyScore, CueHit } from '../types.ts';
import type { ClassifyTextOptions } from './types.ts';

/** Prefix of a `why.cues` entry that comes from the competency description, not a cue phrase. */
export const DESCRIPTION_CUE = 'description~';

/** Evidence (sum of cue and prior weight) at which confidence reaches ~63% of the primary's share. */
const EVIDENCE_SCALE = 3;

/**
 * Classify one piece of text: sum the weights of the distinct cue phrases it contains per
 * competency (when none matches, the words it shares with competency descriptions stand in, marked
 * `description~stem` in `why.cues`), add the section prior (scaled by `priors.strength`), normalise to shares.
 * The primary is the highest score; ties go to the stronger text evidence, then to taxonomy order.
 */
export function classifyText(text: string, { taxonomy, priors, section }: ClassifyTextOptions): Classification {
  const order = new Map(taxonomy.competencies.map((c, i) => [c.id, i]));
  const raw = new Map<string, number>();
  const cues: CueHit[] = [];
  const seen = new Set<string>();
  for (const { value } of matchPhrases(tokenise(text), compileCues(taxonomy))) {
    const key = `${value.competency}\u0000${value.cue}`;
    if (seen.has(key)) continue;
    seen.add(key);
    cues.push({ competency: value.competency, cue: value.cue, weight: value.weight });
    raw.set(value.competency, (raw.get(value.competency) ?? 0) + value.weight);
  }
  if (cues.length === 0) {
    for (const m of descriptionMatches(text, taxonomy)) {
      cues.push({ competency: m.competency, cue: `${DESCRIPTION_CUE}${m.stem}`, weight: m.weight });
      raw.set(m.competency, (raw.get(m.competency) ?? 0) + m.weight);
    }
  }

  const total = new Map(raw);
  let evidence = [...raw.values()].reduce((a, b) => a + b, 0);
  let prior: Classification['why']['prior'];
  const found = priors && section ? sectionPrior(section, priors) : null;
  if (priors && section && found) {
    const known = found.competencies.filter((c) => order.has(c.id));
    for (const { id, score } of known) total.set(id, (total.get(id) ?? 0) + score * priors.strength);
    if (known.length) evidence += priors.strength;
    prior = { section, competencies: known.map((c) => ({ id: c.id, score: round(c.score) })) };
  }

  const sum = [...total.values()].reduce((a, b) => a + b, 0);
  const competencies: CompetencyScore[] = [...total]
    .filter(([, s]) => s > 0)
    .map(([id, s]) => ({ id, score: s / sum }))
    .sort((a, b) => b.score - a.score || (raw.get(b.id) ?? 0) - (raw.get(a.id) ?? 0) || order.get(a.id)! - order.get(b.id)!)
    .map((c) => ({ id: c.id, score: round(c.score) }));
  const top = competencies[0];
  const confidence = top ? round(top.score * (1 - Math.exp(-evidence / EVIDENCE_SCALE))) : 0;
  cues.sort((a, b) => b.weight - a.weight || order.get(a.competency)! - order.get(b.competency)! || compareText(a.cue, b.cue));
  return { competency: top?.id ?? null, competencies, confidence, why: prior ? { cues, prior } : { cues } };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
