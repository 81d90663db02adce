import { DEFAULT_FEATURES, FEATURE_SETS, type FeatureSet, type FeatureWords } from './model-features.ts';
import * as v from 'valibot';
import { isPlainObject, numberIn, readData, record, strings, type Problem } from '../schema/index.ts';
import { TaxonomyError } from './taxonomy-error.ts';
import type { FeatureIndex, featureIndex, knownFeatures } from './known-features.ts';
import type { Taxonomy } from './types.ts';

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
  /** Kinds of feature it reads. */
  features: FeatureSet[];
  /** Weight of a competency's summed cue weights (from the taxonomy's lexicon). */
  lexicon: number;
  /** Weight of a competency's section-prior share. */
  prior: number;
  bias: number[];
  /**
   * Feature → its weight for each class (by class index; weights too small to matter are pruned to 0 in the file).
   * A parsed model makes these rows on first use (classifying reads the weights packed, {@link packedWeights});
   * they are the model's weights as read or trained: change neither them nor the map.
   */
  readonly weights: Map<string, Float64Array>;
  /** Confidence = σ(slope × logit(p) + intercept) of the primary's probability p, fitted on held-out ladders. */
  calibration: { slope: number; intercept: number };
  /** A competency other than the primary is a secondary when its probability ≥ `min` and ≥ `ratio` × the primary's. */
  secondary: { min: number; ratio: number };
}

/** The feature reader's word lists (in the model and in its training settings). */
export const WORD_LISTS = record(
  {
    stop: strings('must be a list of words'),
    beforeVerb: strings('must be a list of words'),
    notObject: strings('must be a list of words'),
    negation: v.optional(strings('must be a list of words')),
  },
  'expected an object with "stop", "beforeVerb" and "notObject" word lists',
);

const finite = (message = 'must be a number') => v.pipe(v.number(message), v.finite(message));

const MODEL = record(
  {
    classes: v.pipe(strings('must be a non-empty list of competency ids'), v.minLength(1, 'must be a non-empty list of competency ids')),
    words: WORD_LISTS,
    features: v.optional(v.array(v.picklist(FEATURE_SETS, `must be one of ${FEATURE_SETS.join(', ')}`), 'must be a list of feature kinds'), [...DEFAULT_FEATURES]),
    lexicon: finite(),
    prior: finite(),
    bias: v.array(finite(), 'must be a list of numbers, one per class'),
    calibration: record({ slope: finite(), intercept: finite() }, 'expected an object with "slope" and "intercept"'),
    secondary: record({ min: numberIn(0, 1), ratio: numberIn(0, 1) }, 'expected an object with "min" and "ratio"'),
    // Each feature's list is checked by `references` in one loop: some 37,000 numbers, which a schema per number
    // checked in about 40 ms of every command's start.
    weights: v.custom<Record<string, number[]>>(isPlainObject, 'expected an object of feature → [class index, weight, …]'),
  },
  'expected a JSON object with "classes", "words", "bias" and "weights"',
);

/**
 * Problems the schema cannot see: one bias per class; each feature's weights pairs of a class index in range and a
 * finite number (checked as {@link packSparse} packs them: `packed` is the weights packed when they are all good).
 */
function references(raw: unknown): { problems: Problem[]; packed?: PackedWeights } {
  if (!isPlainObject(raw) || !Array.isArray(raw.classes)) return { problems: [] };
  const K = raw.classes.length;
  const problems: Problem[] = [];
  if (Array.isArray(raw.bias) && raw.bias.length !== K) problems.push({ path: [{ key: 'bias' }], message: `must be ${K} numbers, one per class (got ${raw.bias.length})` });
  const packed = isPlainObject(raw.weights) ? packSparse(raw.weights, K, problems) : undefined;
  return { problems, packed };
}

/** Read and validate a model (`classifier-model.json`) from JSON text or an object; every problem is named by its field. */
export function parseClassifierModel(input: unknown, { source = 'classifier-model' }: { source?: string } = {}): ClassifierModel {
  // The file's pairs packed as they are checked (what classifying reads); the dense rows of `weights` only when asked
  // for (training, tests): a Float64Array per feature, then packed again, cost most of a cold command's model.
  let checked: PackedWeights | undefined;
  const check = (value: unknown) => {
    const { problems, packed } = references(value);
    checked = packed;
    return problems;
  };
  const raw = readData(MODEL, input, { source, references: check, error: TaxonomyError });
  const K = raw.classes.length;
  const packed = checked ?? packSparse(raw.weights, K)!;
  let dense: Map<string, Float64Array> | undefined;
  const model = { classes: raw.classes, words: raw.words, features: raw.features, lexicon: raw.lexicon, prior: raw.prior, bias: raw.bias } as ClassifierModel;
  // Added, not written in the literal: an object literal with a getter is made with slow (dictionary) properties
  // in V8, and every read of the model's fields while classifying would pay for it. The fields keep their order.
  Object.defineProperty(model, 'weights', { get: () => (dense ??= unpack(packed, K)), enumerable: true, configurable: true });
  Object.assign(model, { calibration: raw.calibration, secondary: raw.secondary });
  packs.set(model, packed);
  return model;
}

/**
 * A model's non-zero weights packed feature after feature, the features in code-unit order: those of the feature
 * `names[r]` are `weight[i]` for class `kind[i]`, i from `start[r]` to `start[r + 1]`, classes ascending.
 */
export interface PackedWeights {
  names: string[];
  start: Int32Array;
  kind: Uint16Array;
  weight: Float64Array;
}

const packs = new WeakMap<ClassifierModel, PackedWeights>();

/**
 * The packed weights of a model (memoised per model): a parsed model's straight from its file, any other's
 * (a trained one) from its dense rows. The weights as they were when first asked for: change no model after that.
 */
export function packedWeights(model: ClassifierModel): PackedWeights {
  let packed = packs.get(model);
  if (!packed) packs.set(model, (packed = packDense(model.weights, model.classes.length)));
  return packed;
}

/** Dense rows packed: the non-zero weights of each row, rows in name order. */
export function packDense(weights: ReadonlyMap<string, Float64Array>, K: number): PackedWeights {
  const names = [...weights.keys()].sort();
  let nonZero = 0;
  for (const w of weights.values()) for (let k = 0; k < K; k++) if (w[k] !== 0) nonZero++;
  const start = new Int32Array(names.length + 1);
  const kind = new Uint16Array(nonZero);
  const weight = new Float64Array(nonZero);
  let at = 0;
  for (let r = 0; r < names.length; r++) {
    const w = weights.get(names[r])!;
    for (let k = 0; k < K; k++) if (w[k] !== 0) (kind[at] = k), (weight[at++] = w[k]);
    start[r + 1] = at;
  }
  return { names, start, kind, weight };
}

/**
 * A file's pairs packed, the same as their dense rows packed ({@link packDense}, a test holds them equal), in one
 * pass when the features come in order (as the model is written; otherwise checked in the file's order, then packed
 * sorted): each feature's pairs taken as they are while their class indices ascend, as written (zeros left out);
 * otherwise through a dense row, where a class given twice keeps its last weight. Each feature whose list is not
 * pairs of a class index below K and a finite number is a problem (up to 20 in all); then nothing is packed.
 */
export function packSparse(weights: Readonly<Record<string, unknown>>, K: number, problems: Problem[] = []): PackedWeights | undefined {
  const names = Object.keys(weights);
  for (let r = 1; r < names.length; r++) {
    if (!(names[r - 1] < names[r])) {
      const before = problems.length;
      pack(weights, names, K, problems);
      if (problems.length > before) return undefined;
      names.sort();
      break;
    }
  }
  return pack(weights, names, K, problems);
}

function pack(weights: Readonly<Record<string, unknown>>, names: string[], K: number, problems: Problem[]): PackedWeights | undefined {
  const before = problems.length;
  const start = new Int32Array(names.length + 1);
  let kind = new Uint16Array(names.length * 4);
  let weight = new Float64Array(names.length * 4);
  let row: Float64Array | undefined;
  let at = 0;
  for (let r = 0; r < names.length; r++) {
    const list = weights[names[r]];
    let good = Array.isArray(list) && list.length % 2 === 0;
    if (good) {
      const pairs = (list as number[]).length >> 1;
      if (at + pairs > kind.length) {
        const grown = Math.max(kind.length * 2, at + pairs);
        const k2 = new Uint16Array(grown);
        const w2 = new Float64Array(grown);
        k2.set(kind);
        w2.set(weight);
        (kind = k2), (weight = w2);
      }
      const first = at;
      let previous = -1;
      let ascending = true;
      for (let i = 0; i < (list as number[]).length; i += 2) {
        const k = (list as number[])[i];
        const w = (list as number[])[i + 1];
        if (!Number.isInteger(k) || k < 0 || k >= K || !Number.isFinite(w)) {
          good = false;
          break;
        }
        if (k <= previous) ascending = false;
        previous = k;
        if (ascending && w !== 0) (kind[at] = k), (weight[at++] = w);
      }
      if (good && !ascending) {
        // out of order, or a class given twice: through a dense row
        at = first;
        row ??= new Float64Array(K);
        row.fill(0);
        for (let j = 0; j < (list as number[]).length; j += 2) row[(list as number[])[j]] = (list as number[])[j + 1];
        for (let c = 0; c < K; c++) if (row[c] !== 0) (kind[at] = c), (weight[at++] = row[c]);
      }
    }
    if (!good) {
      problems.push({ path: [{ key: 'weights' }, { key: names[r] }], message: `must be pairs of class index (0–${K - 1}) and weight` });
      if (problems.length >= 20) break;
    }
    start[r + 1] = at;
  }
  if (problems.length > before) return undefined;
  return { names, start, kind: kind.slice(0, at), weight: weight.slice(0, at) };
}

/** Packed weights as dense rows, in name order. */
function unpack({ names, start, kind, weight }: PackedWeights, K: number): Map<string, Float64Array> {
  const weights = new Map<string, Float64Array>();
  for (let r = 0; r < names.length; r++) {
    const m = new Float64Array(K);
    for (let i = start[r]; i < start[r + 1]; i++) m[kind[i]] = weight[i];
    weights.set(names[r], m);
  }
  return weights;
}

/** The model as JSON text: keys in a fixed order, features sorted, one feature a line with its non-zero weights as class index, weight pairs (stable bytes for the same model). */
export function serialiseClassifierModel(model: ClassifierModel, extra: Record<string, unknown> = {}): string {
  const head = {
    ...extra,
    classes: model.classes,
    words: model.words,
    features: model.features,
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

/**
 * Logits per class of the model for one statement: bias + lexicon × cue score + prior × prior share, then the
 * non-zero weights of the features it knows, added in name order (the ranks {@link knownFeatures} gives, in the
 * model's {@link featureIndex}): the same sum to the last bit as adding every weight, zeros included.
 */
export function modelLogits(
  model: ClassifierModel,
  ranks: readonly number[],
  index: Pick<FeatureIndex, 'start' | 'kind' | 'weight'>,
  lexicon: ReadonlyMap<string, number>,
  prior: ReadonlyMap<string, number>,
): number[] {
  // A list of unboxed numbers: the model's bias as parsed is a list of any values, where every sum stored back
  // into it was a new heap number (a few hundred per statement, the largest allocation of classifying).
  const { bias } = model;
  const logits: number[] = [];
  for (let k = 0; k < bias.length; k++) logits.push(bias[k]);
  const at = classIndex(model);
  // in that order; a class without cues or prior adds nothing (forEach: no entry pair made per entry)
  lexicon.forEach((score, id) => {
    const k = at.get(id);
    if (k !== undefined) logits[k] += model.lexicon * score;
  });
  prior.forEach((share, id) => {
    const k = at.get(id);
    if (k !== undefined) logits[k] += model.prior * share;
  });
  const { start, kind, weight } = index;
  for (const r of ranks) for (let i = start[r]; i < start[r + 1]; i++) logits[kind[i]] += weight[i];
  return logits;
}

const classIndexes = new WeakMap<ClassifierModel, Map<string, number>>();

/** Each class id's index in the model (memoised per model). */
function classIndex(model: ClassifierModel): Map<string, number> {
  let at = classIndexes.get(model);
  if (!at) classIndexes.set(model, (at = new Map(model.classes.map((id, k) => [id, k]))));
  return at;
}

/** Softmax of logits (in place into a new array). */
export function softmax(logits: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let k = 0; k < logits.length; k++) if (logits[k] > max) max = logits[k];
  const p = new Array<number>(logits.length);
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

/** Whether a model applies under a taxonomy: every competency it was trained on is one of the taxonomy's. */
export function modelFits(model: ClassifierModel, taxonomy: Taxonomy): boolean {
  let byTaxonomy = fits.get(model);
  if (!byTaxonomy) fits.set(model, (byTaxonomy = new WeakMap()));
  let answer = byTaxonomy.get(taxonomy);
  if (answer === undefined) {
    const ids = new Set(taxonomy.competencies.map((c) => c.id));
    byTaxonomy.set(taxonomy, (answer = model.classes.every((id) => ids.has(id))));
  }
  return answer;
}

const fits = new WeakMap<ClassifierModel, WeakMap<Taxonomy, boolean>>();
