import { compileCues } from './compile-cues.ts';
import { descriptionMatches } from './description-match.ts';
import { matchPhrases } from './match-phrases.ts';
import { sectionPrior } from './section-prior.ts';
import { compareText, tokenise } from '../text/index.ts';
import { type ClassifierModel, calibrate, modelFits, modelLogits, softmax } from './classifier-model.ts';
import { modelFeatures } from './model-features.ts';
import type { Classification, CompetencyScore, CueHit, FeatureHit } from '../types.ts';
import type { ClassifyTextOptions, Taxonomy } from './types.ts';

/** Prefix of a `why.cues` entry that comes from the competency description, not a cue phrase. */
export const DESCRIPTION_CUE = 'description~';

/** Evidence (sum of cue and prior weight) at which confidence reaches ~63% of the primary's share. */
const EVIDENCE_SCALE = 3;

/**
 * Classify one piece of text. With a trained model (`options.model`), see {@link ClassifierModel}: its
 * probabilities are the scores, the calibrated probability of the primary is the confidence, and
 * `why.features` names the features that decided it. Without one: sum the weights of the distinct cue phrases it contains per
 * competency (when none matches, the words it shares with competency descriptions stand in, marked
 * `description~stem` in `why.cues`), add the section prior (scaled by `priors.strength`), normalise to shares.
 * The primary is the highest score; ties go to the stronger text evidence, then to taxonomy order.
 */
export function classifyText(text: string, options: ClassifyTextOptions): Classification {
  const { taxonomy, priors, section, model } = options;
  const order = new Map(taxonomy.competencies.map((c, i) => [c.id, i]));
  const { cues, raw } = lexiconEvidence(text, taxonomy);
  const found = priors && section ? sectionPrior(section, priors) : null;
  const known = found ? found.competencies.filter((c) => order.has(c.id)) : [];
  const prior: Classification['why']['prior'] = found && section ? { section, competencies: known.map((c) => ({ id: c.id, score: round(c.score) })) } : undefined;
  cues.sort((a, b) => b.weight - a.weight || order.get(a.competency)! - order.get(b.competency)! || compareText(a.cue, b.cue));
  if (model && modelFits(model, taxonomy)) {
    return classifyWithModel(text, { section, model, order, cues, raw, known, prior: prior && known.length ? prior : undefined });
  }

  const total = new Map(raw);
  let evidence = [...raw.values()].reduce((a, b) => a + b, 0);
  if (priors && known.length) {
    for (const { id, score } of known) total.set(id, (total.get(id) ?? 0) + score * priors.strength);
    evidence += priors.strength;
  }

  const sum = [...total.values()].reduce((a, b) => a + b, 0);
  const competencies: CompetencyScore[] = [...total]
    .filter(([, s]) => s > 0)
    .map(([id, s]) => ({ id, score: s / sum }))
    .sort((a, b) => b.score - a.score || (raw.get(b.id) ?? 0) - (raw.get(a.id) ?? 0) || order.get(a.id)! - order.get(b.id)!)
    .map((c) => ({ id: c.id, score: round(c.score) }));
  const top = competencies[0];
  const confidence = top ? round(top.score * (1 - Math.exp(-evidence / EVIDENCE_SCALE))) : 0;
  return { competency: top?.id ?? null, competencies, confidence, why: prior ? { cues, prior } : { cues } };
}

/**
 * The cue lexicon's evidence: the distinct cue phrases in the text with their weights, summed per
 * competency; when none matches, words shared with competency descriptions (`description~stem`).
 */
export function lexiconEvidence(text: string, taxonomy: Taxonomy): { cues: CueHit[]; raw: Map<string, number> } {
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
  return { cues, raw };
}

/** Reasons listed per competency in `why.features`. */
const FEATURES_SHOWN = 6;

function classifyWithModel(
  text: string,
  ctx: {
    section?: string;
    model: ClassifierModel;
    order: Map<string, number>;
    cues: CueHit[];
    raw: Map<string, number>;
    known: CompetencyScore[];
    prior?: Classification['why']['prior'];
  },
): Classification {
  const { model, order, cues, raw, known, prior } = ctx;
  const priorShare = new Map(known.map((c) => [c.id, c.score]));
  const features = modelFeatures(text, ctx.section, model.words, { kinds: model.features, cues });
  const { logits, known: knownFeatures } = modelLogits(model, features, raw, priorShare);
  const why: Classification['why'] = prior ? { cues, prior } : { cues };
  if (cues.length === 0 && knownFeatures.length === 0 && !prior) return { competency: null, competencies: [], confidence: 0, why };

  const p = softmax(logits);
  const ranked = model.classes
    .map((id, k) => ({ id, k, score: p[k] }))
    .sort((a, b) => b.score - a.score || order.get(a.id)! - order.get(b.id)!);
  const top = ranked[0];
  const competencies = ranked.map((c) => ({ id: c.id, score: round(c.score) })).filter((c) => c.score > 0);
  const secondary = ranked.slice(1).filter((c) => c.score >= model.secondary.min && c.score >= model.secondary.ratio * top.score);
  const reasons: FeatureHit[] = [];
  for (const c of [top, ...secondary]) {
    const parts: FeatureHit[] = knownFeatures.map((f) => ({ competency: c.id, feature: f, weight: model.weights.get(f)![c.k] }));
    if (raw.get(c.id)) parts.push({ competency: c.id, feature: 'cues', weight: model.lexicon * raw.get(c.id)! });
    if (priorShare.get(c.id)) parts.push({ competency: c.id, feature: 'prior', weight: model.prior * priorShare.get(c.id)! });
    parts.sort((a, b) => b.weight - a.weight || compareText(a.feature, b.feature));
    reasons.push(...parts.filter((x) => x.weight > 0).slice(0, FEATURES_SHOWN).map((x) => ({ ...x, weight: round(x.weight) })));
  }
  return {
    competency: top.id,
    competencies,
    ...(secondary.length ? { secondary: secondary.map((c) => c.id) } : {}),
    confidence: round(calibrate(top.score, model.calibration)),
    why: { ...why, features: reasons },
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
