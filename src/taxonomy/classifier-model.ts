import type { FeatureWords } from './model-features.ts';
import { isPlainObject, readModelJson as readJson } from './model-json.ts';
import { TaxonomyError } from './taxonomy-error.ts';

/**
 * A trained classifier (`data/classifier-model.json`, written by `npm run train`): a multinomial
 * logistic regression over statement features, blended with the cue lexicon and section priors.
 * The logit of competency k is `bias[k] + Σ weights[f][k] + lexicon × cue score(k) + prior × prior share(k)`.
 */
export interface ClassifierModel {
  /** Competency ids, in the order of `bias` and of the class indices in `weights`. */
  classes: string[];
  /** Word lists of the feature reader. */
  words: FeatureWords;
  /** Weight of a competency's summed cue weights (from the taxonomy's lexicon). */
  lexicon: number;
  /** Weight of a competency's section-prior share. */
  prior: number;
  bias: number[];
  /** Feature → its weight for each class (by class index; weights too small to matter are pruned to 0 in the file). */
  weights: Map<string, Float64Array>;
  /** Confidence = σ(slope × logit(p) + intercept) of the primary's probability p, fitted on held-out ladders. */
  calibration: { slope: number; intercept: number };
  /** A competency other than the primary is a secondary when its probability ≥ `min` and ≥ `ratio` × the primary's. */
  secondary: { min: number; ratio: number };
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Read and validate a model from JSON text or an object; every problem is named. */
export function parseClassifierModel(input: unknown, { source = 'classifier-model' }: { source?: string } = {}): ClassifierModel {
  const raw = readJson(input, source);
  if (!isPlainObject(raw)) throw new TaxonomyError(source, ['expected a JSON object']);
  const problems: string[] = [];
  const classes = strings(raw.classes) && raw.classes.length ? raw.classes : (problems.push('"classes" must be a non-empty array of competency ids'), []);
  const w = isPlainObject(raw.words) ? raw.words : {};
  for (const key of ['stop', 'beforeVerb', 'notObject']) if (!strings(w[key])) problems.push(`"words.${key}" must be an array of words`);
  for (const key of ['lexicon', 'prior']) if (!num(raw[key])) problems.push(`"${key}" must be a number`);
  const bias = Array.isArray(raw.bias) && raw.bias.length === classes.length && raw.bias.every(num) ? (raw.bias as number[]) : (problems.push(`"bias" must be ${classes.length} numbers`), []);
  const cal = isPlainObject(raw.calibration) ? raw.calibration : {};
  if (!num(cal.slope) || !num(cal.intercept)) problems.push('"calibration" must have numbers "slope" and "intercept"');
  const sec = isPlainObject(raw.secondary) ? raw.secondary : {};
  if (!num(sec.min) || !num(sec.ratio)) problems.push('"secondary" must have numbers "min" and "ratio"');
  const weights = new Map<string, Float64Array>();
  if (!isPlainObject(raw.weights)) problems.push('"weights" must be an object of feature → [class index, weight, …]');
  else {
    for (const [feature, list] of Object.entries(raw.weights)) {
      const ok = Array.isArray(list) && list.length % 2 === 0 && list.every(num) && list.every((x, i) => i % 2 === 1 || (Number.isInteger(x) && x >= 0 && x < classes.length));
      if (!ok) {
        if (problems.length < 20) problems.push(`weights["${feature}"] must be pairs of class index (0–${classes.length - 1}) and weight`);
        continue;
      }
      const m = new Float64Array(classes.length);
      for (let i = 0; i < list.length; i += 2) m[list[i] as number] = list[i + 1] as number;
      weights.set(feature, m);
    }
  }
  if (problems.length) throw new TaxonomyError(source, problems);
  return {
    classes,
    words: { stop: w.stop as string[], beforeVerb: w.beforeVerb as string[], notObject: w.notObject as string[] },
    lexicon: raw.lexicon as number,
    prior: raw.prior as number,
    bias,
    weights,
    calibration: { slope: cal.slope as number, intercept: cal.intercept as number },
    secondary: { min: sec.min as number, ratio: sec.ratio as number },
  };
}

/** The model as JSON text: keys in a fixed order, features sorted, one feature a line with its non-zero weights as class index, weight pairs (stable bytes for the same model). */
export function serialiseClassifierModel(model: ClassifierModel, extra: Record<string, unknown> = {}): string {
  const head = {
    ...extra,
    classes: model.classes,
    words: model.words,
    lexicon: model.lexicon,
    prior: model.prior,
    bias: model.bias,
    calibration: model.calibration,
    secondary: model.secondary,
  };
  const features = [...model.weights.keys()].sort();
  const lines = features.map((f) => {
    const pairs = [...model.weights.get(f)!].flatMap((w, k) => (w !== 0 ? [k, w] : []));
    return `    ${JSON.stringify(f)}: ${JSON.stringify(pairs)}`;
  });
  const headText = JSON.stringify(head, null, 2);
  return `${headText.slice(0, -2)},\n  "weights": {\n${lines.join(',\n')}\n  }\n}\n`;
}

/** A feature's (or the lexicon's, or the prior's) part in one competency's logit. */
export interface Contribution {
  competency: string;
  feature: string;
  weight: number;
}

/** Logits per class of the model for one statement, and what each known feature added. */
export function modelLogits(
  model: ClassifierModel,
  features: string[],
  lexicon: ReadonlyMap<string, number>,
  prior: ReadonlyMap<string, number>,
): { logits: Float64Array; known: string[] } {
  const K = model.classes.length;
  const logits = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const id = model.classes[k];
    logits[k] = model.bias[k] + model.lexicon * (lexicon.get(id) ?? 0) + model.prior * (prior.get(id) ?? 0);
  }
  const known: string[] = [];
  for (const f of features) {
    const w = model.weights.get(f);
    if (!w) continue;
    known.push(f);
    for (let k = 0; k < K; k++) logits[k] += w[k];
  }
  return { logits, known };
}

/** Softmax of logits (in place into a new array). */
export function softmax(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < logits.length; k++) if (logits[k] > max) max = logits[k];
  const p = new Float64Array(logits.length);
  let sum = 0;
  for (let k = 0; k < logits.length; k++) sum += p[k] = Math.exp(logits[k] - max);
  for (let k = 0; k < logits.length; k++) p[k] /= sum;
  return p;
}

/** Calibrated confidence of a primary with probability p. */
export function calibrate(p: number, { slope, intercept }: ClassifierModel['calibration']): number {
  const q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
  return 1 / (1 + Math.exp(-(slope * Math.log(q / (1 - q)) + intercept)));
}
