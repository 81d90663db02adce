import { lexiconEvidence } from './classify-statement.ts';
import type { ClassifierModel } from './classifier-model.ts';
import { minimise } from './lbfgs.ts';
import { DEFAULT_FEATURES, FEATURE_SETS, type FeatureSet, type FeatureWords, modelFeatures } from './model-features.ts';
import { WORD_LISTS } from './classifier-model.ts';
import { sectionPrior } from './section-prior.ts';
import * as v from 'valibot';
import { numberIn, readData, record, strings } from '../schema/index.ts';
import { TaxonomyError } from './taxonomy-error.ts';
import type { SectionPriors, Taxonomy } from './types.ts';

/** One labelled statement to learn from. */
export interface TrainingExample {
  text: string;
  section?: string;
  /** Acceptable competency ids, preferred first. */
  acceptable: string[];
  /** Weight of this example in the loss (default 1). */
  weight?: number;
}

/** How the model is trained (`data/classifier-training.json`). */
export interface TrainingConfig {
  /** L2 penalty on feature weights (the loss is a mean over examples). */
  lambda: number;
  /** Share of each example's loss on its preferred label; the rest is on the probability of any acceptable label. */
  preferredShare: number;
  /** A feature is learnt only when at least this many training statements have it. */
  minCount: number;
  /** Weights smaller than this (in absolute value) are dropped from the shipped model; weights are kept to 3 decimals. */
  prune: number;
  maxIterations: number;
  /** Kinds of feature the model reads (see {@link modelFeatures}); `section` makes words of the section name features (company-specific section names can mislead on another company). */
  features: FeatureSet[];
  /** Loss weight of labelled statements outside the blind corpus (seeds, own words: the cue lexicon was written looking at them). */
  otherSetsWeight: number;
  /** Loss weight of synthetic statements (written from the taxonomy definitions alone; 0 leaves them out). */
  syntheticWeight: number;
  words: FeatureWords;
  secondary: ClassifierModel['secondary'];
}

const WORDS = 'must be a list of words';

const CONFIG = record(
  {
    lambda: numberIn(0, 10),
    preferredShare: numberIn(0, 1),
    minCount: numberIn(1, 1000),
    prune: numberIn(0, 10),
    maxIterations: numberIn(1, 100000),
    otherSetsWeight: numberIn(0, 10),
    syntheticWeight: v.optional(numberIn(0, 10), 1),
    features: v.optional(v.array(v.picklist(FEATURE_SETS, `must be one of ${FEATURE_SETS.join(', ')}`), 'must be a list of feature kinds'), [...DEFAULT_FEATURES]),
    words: WORD_LISTS,
    secondary: record({ min: numberIn(0, 1), ratio: numberIn(0, 1) }, 'expected an object with "min" and "ratio"'),
  },
  'expected a JSON object of training settings',
);

/** Read and validate the training settings (`classifier-training.json`); every problem is named by its field. */
export function parseTrainingConfig(input: unknown, { source = 'classifier-training' }: { source?: string } = {}): TrainingConfig {
  return readData(CONFIG, input, { source, error: TaxonomyError });
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits || 0;

/**
 * Train the classifier: multinomial logistic regression over the examples' features with two shared
 * weights for the cue lexicon's score and the section prior's share, L2-penalised, minimised with
 * L-BFGS from zero. Deterministic: the same examples, taxonomy, priors and config give the same model.
 * The calibration is left as the identity (fit it on held-out predictions with {@link fitCalibration}).
 */
export function trainModel(
  examples: TrainingExample[],
  { taxonomy, priors, config }: { taxonomy: Taxonomy; priors?: SectionPriors; config: TrainingConfig },
): ClassifierModel {
  const classes = taxonomy.competencies.map((c) => c.id);
  const K = classes.length;
  const index = new Map(classes.map((id, k) => [id, k]));
  const rows = examples
    .map((e) => ({ e, acceptable: e.acceptable.filter((a) => index.has(a)).map((a) => index.get(a)!) }))
    .filter((r) => r.acceptable.length > 0);
  const evidence = rows.map(({ e }) => lexiconEvidence(e.text, taxonomy));
  const featureLists = rows.map(({ e }, i) => modelFeatures(e.text, e.section, config.words, { kinds: config.features, cues: evidence[i].cues }));
  const counts = new Map<string, number>();
  for (const list of featureLists) for (const f of list) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, n]) => n >= config.minCount).map(([f]) => f).sort();
  const column = new Map(vocabulary.map((f, i) => [f, i]));
  const F = vocabulary.length;
  const N = rows.length;
  const X = featureLists.map((list) => Int32Array.from(list.filter((f) => column.has(f)).map((f) => column.get(f)!)));
  const lexicon = rows.map((_, i) => {
    const v = new Float64Array(K);
    for (const [id, w] of evidence[i].raw) if (index.has(id)) v[index.get(id)!] = w;
    return v;
  });
  const prior = rows.map(({ e }) => {
    const v = new Float64Array(K);
    const found = priors && e.section ? sectionPrior(e.section, priors) : null;
    for (const c of found?.competencies ?? []) if (index.has(c.id)) v[index.get(c.id)!] = c.score;
    return v;
  });

  const BIAS = F * K;
  const LEX = BIAS + K;
  const PRIOR = LEX + 1;
  const { lambda, preferredShare: share } = config;
  const p = new Float64Array(K);
  const fg = (x: Float64Array, g: Float64Array): number => {
    g.fill(0);
    let loss = 0;
    for (let i = 0; i < N; i++) {
      const xi = X[i];
      const lex = lexicon[i];
      const pri = prior[i];
      for (let k = 0; k < K; k++) p[k] = x[BIAS + k] + x[LEX] * lex[k] + x[PRIOR] * pri[k];
      for (let t = 0; t < xi.length; t++) {
        const o = xi[t] * K;
        for (let k = 0; k < K; k++) p[k] += x[o + k];
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) if (p[k] > max) max = p[k];
      let sum = 0;
      for (let k = 0; k < K; k++) sum += p[k] = Math.exp(p[k] - max);
      for (let k = 0; k < K; k++) p[k] /= sum;
      const acc = rows[i].acceptable;
      const weight = rows[i].e.weight ?? 1;
      let inSet = 0;
      for (const a of acc) inSet += p[a];
      loss -= weight * (share * Math.log(p[acc[0]] + 1e-300) + (1 - share) * Math.log(inSet + 1e-300));
      // d loss / d logit k = p_k − share·[k = preferred] − (1 − share)·p_k·[k acceptable] / inSet
      p[acc[0]] -= share;
      for (const a of acc) p[a] -= ((1 - share) * (p[a] + (a === acc[0] ? share : 0))) / inSet;
      let gl = 0;
      let gp = 0;
      for (let k = 0; k < K; k++) {
        const d = (weight * p[k]) / N;
        g[BIAS + k] += d;
        gl += d * lex[k];
        gp += d * pri[k];
        p[k] = d;
      }
      g[LEX] += gl;
      g[PRIOR] += gp;
      for (let t = 0; t < xi.length; t++) {
        const o = xi[t] * K;
        for (let k = 0; k < K; k++) g[o + k] += p[k];
      }
    }
    let penalty = 0;
    for (let j = 0; j < BIAS; j++) {
      penalty += x[j] * x[j];
      g[j] += lambda * x[j];
    }
    return loss / N + (lambda / 2) * penalty;
  };
  const { x } = minimise(fg, new Float64Array(PRIOR + 1), { maxIterations: config.maxIterations });

  const weights = new Map<string, Float64Array>();
  vocabulary.forEach((f, j) => {
    const m = new Float64Array(K);
    let kept = 0;
    for (let k = 0; k < K; k++) {
      const w = round(x[j * K + k], 3);
      if (Math.abs(w) >= config.prune && w !== 0) (m[k] = w), kept++;
    }
    if (kept) weights.set(f, m);
  });
  return {
    classes,
    words: config.words,
    features: config.features,
    lexicon: round(x[LEX], 4),
    prior: round(x[PRIOR], 4),
    bias: classes.map((_, k) => round(x[BIAS + k], 4)),
    weights,
    calibration: { slope: 1, intercept: 0 },
    secondary: config.secondary,
  };
}
