import type { ClassifierModel } from './classifier-model.ts';
import type { RowWords } from '../text/index.ts';
import { compiledWords, featureSet, type FeatureOptions, type FeatureSet, verbObjectOf } from './model-features.ts';

/**
 * The model's features, read once per model for fast classifying: the non-zero weights of every feature packed
 * one after another (most of a feature's weights are pruned to zero: a few hundred kilobytes become a few dozen,
 * in one array instead of thousands of small ones), and the word, word-pair, verb
 * and verb + object features indexed by their stems (`w:mentor` under `mentor`, `b:pull request` under `pull`
 * then `request`), so that classifying looks stems up instead of building a name for every word and pair of
 * the text only to find most of them unknown.
 */
export interface FeatureIndex {
  /** Feature names in code-unit order (a feature's rank is its position here). */
  names: string[];
  /** The non-zero weights of the feature of rank r are `weight[i]` for class `kind[i]`, i from `start[r]` to `start[r + 1]`, classes ascending. */
  start: Int32Array;
  kind: Uint16Array;
  weight: Float64Array;
  /** Feature name → rank. */
  byName: Map<string, number>;
  /** Stem → whether it is a stop word, the rank of its word feature (`w:`) and of the pair features (`b:`) it begins, by second stem. */
  word: Map<string, { stop?: boolean; rank?: number; pairs?: Map<string, number> }>;
  /** Verb stem → rank of `v:verb`. */
  verb: Map<string, number>;
  /** Verb stem → object stem → rank of `vo:verb object`. */
  verbObject: Map<string, Map<string, number>>;
}

/** The kinds the index answers; any other kind a model reads goes through {@link featureSet}. */
const INDEXED: readonly FeatureSet[] = ['words', 'pairs', 'verb'];

const indexes = new WeakMap<ClassifierModel, FeatureIndex>();

/** `a b` → a, b (stems hold no spaces). */
function split(rest: string): [string, string] | null {
  const space = rest.indexOf(' ');
  return space < 0 ? null : [rest.slice(0, space), rest.slice(space + 1)];
}

/** The feature index of a model (memoised per model object). */
export function featureIndex(model: ClassifierModel): FeatureIndex {
  let index = indexes.get(model);
  if (index) return index;
  const K = model.classes.length;
  const names = [...model.weights.keys()].sort();
  let nonZero = 0;
  for (const w of model.weights.values()) for (let k = 0; k < K; k++) if (w[k] !== 0) nonZero++;
  const start = new Int32Array(names.length + 1);
  const kind = new Uint16Array(nonZero);
  const weight = new Float64Array(nonZero);
  const { byName, word, verb, verbObject } = (index = { names, start, kind, weight, byName: new Map(), word: new Map(), verb: new Map(), verbObject: new Map() });
  let at = 0;
  const entry = (stem: string) => {
    let e = word.get(stem);
    if (!e) word.set(stem, (e = {}));
    return e;
  };
  names.forEach((name, rank) => {
    const w = model.weights.get(name)!;
    for (let k = 0; k < K; k++) if (w[k] !== 0) (kind[at] = k), (weight[at++] = w[k]);
    start[rank + 1] = at;
    byName.set(name, rank);
    const pair = name.startsWith('b:') ? split(name.slice(2)) : name.startsWith('vo:') ? split(name.slice(3)) : null;
    if (name.startsWith('w:')) entry(name.slice(2)).rank = rank;
    else if (name.startsWith('v:')) verb.set(name.slice(2), rank);
    else if (pair && name.startsWith('b:')) (entry(pair[0]).pairs ??= new Map()).set(pair[1], rank);
    else if (pair) {
      let objects = verbObject.get(pair[0]);
      if (!objects) verbObject.set(pair[0], (objects = new Map()));
      objects.set(pair[1], rank);
    }
  });
  for (const stop of compiledWords(model.words).stop) entry(stop).stop = true;
  indexes.set(model, index);
  return index;
}

/**
 * The features of a statement that the model has weights for, sorted by name, with their ranks in the model's
 * {@link featureIndex}: the same as {@link featureSet} filtered to the model's features (a test holds
 * them equal), found by looking stems up.
 */
export function knownFeatures(
  model: ClassifierModel,
  text: string,
  section: string | undefined,
  { cues = [], split }: { split: RowWords } & Pick<FeatureOptions, 'cues'>,
): { names: string[]; ranks: number[] } {
  const kinds = model.features;
  const index = featureIndex(model);
  const found: number[] = [];
  const add = (rank: number | undefined) => {
    if (rank !== undefined) found.push(rank);
  };
  const onWords = kinds.includes('words');
  const onPairs = kinds.includes('pairs');
  const { words: raws, stems } = split;
  // the pairs begun by the previous content word (neighbouring content words make a pair)
  let pairs: Map<string, number> | undefined;
  for (let i = 0; i < stems.length; i++) {
    const e = index.word.get(stems[i]);
    if (e?.stop) continue;
    if (onPairs && pairs) add(pairs.get(stems[i]));
    if (onWords) add(e?.rank);
    pairs = e?.pairs;
  }
  if (kinds.includes('verb')) {
    const vo = verbObjectOf(raws, stems, model.words);
    if (vo && !index.word.get(vo.verb)?.stop) {
      add(index.verb.get(vo.verb));
      const objects = index.verbObject.get(vo.verb);
      if (objects) for (const o of vo.object) add(objects.get(o));
    }
  }
  if (kinds.some((k) => !INDEXED.includes(k))) {
    const others = kinds.filter((k) => !INDEXED.includes(k));
    const words = raws.map((raw, i) => ({ raw, stem: stems[i] }));
    for (const name of featureSet(text, section, model.words, { kinds: others, cues, words })) add(index.byName.get(name));
  }
  // each once, in name order (ranks are positions in the sorted names): the logits then sum in the same order on every run
  // (in place, by insertion for the few dozen features of a usual statement: a typed array per statement to sort
  // them cost more to allocate than the sort; a long text by the library sort)
  const ranks = found.length > 64 ? found.sort((a, b) => a - b) : found;
  for (let i = 1; i < ranks.length && found.length <= 64; i++) {
    const r = ranks[i];
    let j = i - 1;
    while (j >= 0 && ranks[j] > r) (ranks[j + 1] = ranks[j]), j--;
    ranks[j + 1] = r;
  }
  const names: string[] = [];
  const once: number[] = [];
  for (let i = 0; i < ranks.length; i++) {
    if (i > 0 && ranks[i] === ranks[i - 1]) continue;
    names.push(index.names[ranks[i]]);
    once.push(ranks[i]);
  }
  return { names, ranks: once };
}

/** The weight of the feature of rank r for class k (0 when pruned). */
export function featureWeight(index: FeatureIndex, rank: number, k: number): number {
  for (let i = index.start[rank]; i < index.start[rank + 1]; i++) if (index.kind[i] === k) return index.weight[i];
  return 0;
}
