import { type ClassifierModel, packedWeights } from './classifier-model.ts';
import type { RowWords, stemNumber } from '../text/index.ts';
import { compiledWords, featureSet, type FeatureOptions, type FeatureSet, verbObjectAt } from './model-features.ts';

/**
 * The model's features, read once per model for fast classifying: the non-zero weights of every feature packed
 * one after another (most of a feature's weights are pruned to zero: a few hundred kilobytes become a few dozen,
 * in one array instead of thousands of small ones), and the word, word-pair, verb and verb + object features
 * indexed by integer ids of their stems (`w:mentor` under the id of `mentor`, `b:pull request` under the ids of
 * `pull` and `request`), so that classifying looks each stem up once, by name, and everything after that by
 * number: no name is built for every word and pair of the text only to find most of them unknown, and no
 * property is read from objects of a dozen shapes.
 */
export interface FeatureIndex {
  /** Feature names in code-unit order (a feature's rank is its position here). */
  names: string[];
  /** The non-zero weights of the feature of rank r are `weight[i]` for class `kind[i]`, i from `start[r]` to `start[r + 1]`, classes ascending. */
  start: Int32Array;
  kind: Uint16Array;
  weight: Float64Array;
  /** Feature name → rank (made on first use: only a model reading kinds of feature not indexed by stem needs it). */
  readonly byName: Map<string, number>;
  /** Stem → its id: every stem of a word, pair, verb or verb + object feature, and every stop word. */
  stemId: Map<string, number>;
  /** By stem id: 1 for a stop word. */
  stop: Uint8Array;
  /** By stem id: the rank of its word feature (`w:`), of its verb feature (`v:`), or -1. */
  wordRank: Int32Array;
  verbRank: Int32Array;
  /** First stem id × stem count + second stem id → rank of the pair feature (`b:`), of the verb + object feature (`vo:`). */
  pairRank: Map<number, number>;
  verbObjectRank: Map<number, number>;
  /**
   * By the stemmer's number of a stem ({@link stemNumber}): its id here, -1 when the model has none, -2 not yet looked
   * up. Filled as texts bring stems, so that each distinct stem is looked up by name once per model, not once per occurrence.
   */
  byNumber: Int32Array;
}

/** The kinds the index answers; any other kind a model reads goes through {@link featureSet}. */
const INDEXED: readonly FeatureSet[] = ['words', 'pairs', 'verb'];

const indexes = new WeakMap<ClassifierModel, FeatureIndex>();

/** The feature index of a model (memoised per model object). */
export function featureIndex(model: ClassifierModel): FeatureIndex {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = buildIndex(model)));
  return index;
}

/** Kinds of feature indexed by stem ids (by the text before the name's first colon). */
const WORD = 1;
const VERB = 2;
const PAIR = 3;
const VERB_OBJECT = 4;

function buildIndex(model: ClassifierModel): FeatureIndex {
  const { names, start, kind, weight } = packedWeights(model);
  const stemId = new Map<string, number>();
  const id = (stem: string) => {
    let i = stemId.get(stem);
    if (i === undefined) stemId.set(stem, (i = stemId.size));
    return i;
  };
  const stops = compiledWords(model.words).stop;
  for (const stop of stops) id(stop);
  // the stems first, so that the tables below have their final size: each feature's kind and stem ids by rank
  const kinds = new Uint8Array(names.length);
  const first = new Int32Array(names.length);
  const second = new Int32Array(names.length);
  for (let rank = 0; rank < names.length; rank++) {
    const name = names[rank];
    // `w:`, `v:`, `b:`, `vo:` (the prefix before the first colon, read by character)
    const c0 = name.charCodeAt(0);
    const colon = name.charCodeAt(1) === 58 ? 1 : name.charCodeAt(2) === 58 && c0 === 118 && name.charCodeAt(1) === 111 ? 2 : -1;
    if (colon === 1 && (c0 === 119 || c0 === 118)) {
      kinds[rank] = c0 === 119 ? WORD : VERB;
      first[rank] = id(name.slice(2));
    } else if (colon === 1 ? c0 === 98 : colon === 2) {
      // a pair of stems (stems hold no spaces); a name without a space is indexed by none
      const space = name.indexOf(' ', colon + 1);
      if (space >= 0) {
        kinds[rank] = colon === 1 ? PAIR : VERB_OBJECT;
        first[rank] = id(name.slice(colon + 1, space));
        second[rank] = id(name.slice(space + 1));
      }
    }
  }
  const S = stemId.size;
  const stop = new Uint8Array(S);
  for (const s of stops) stop[stemId.get(s)!] = 1;
  const wordRank = new Int32Array(S).fill(-1);
  const verbRank = new Int32Array(S).fill(-1);
  const pairRank = new Map<number, number>();
  const verbObjectRank = new Map<number, number>();
  for (let rank = 0; rank < names.length; rank++) {
    const k = kinds[rank];
    if (k === WORD) wordRank[first[rank]] = rank;
    else if (k === VERB) verbRank[first[rank]] = rank;
    else if (k === PAIR) pairRank.set(first[rank] * S + second[rank], rank);
    else if (k === VERB_OBJECT) verbObjectRank.set(first[rank] * S + second[rank], rank);
  }
  const index = { names, start, kind, weight, stemId, stop, wordRank, verbRank, pairRank, verbObjectRank, byNumber: new Int32Array(0) } as FeatureIndex;
  // added, not written in the literal: an object literal with a getter gets slow (dictionary) properties in V8,
  // and classifying reads the index's fields for every statement
  let byName: Map<string, number> | undefined;
  Object.defineProperty(index, 'byName', { get: () => (byName ??= new Map(names.map((name, rank) => [name, rank]))), enumerable: true, configurable: true });
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
  options: { split: RowWords } & Pick<FeatureOptions, 'cues'>,
): { names: string[]; ranks: number[] } {
  const { names } = featureIndex(model);
  const ranks = knownRanks(model, text, section, options);
  return { names: ranks.map((r) => names[r]), ranks };
}

/** The ranks of {@link knownFeatures}, ascending, each once (their names only when asked for: `names[rank]` of the index). */
export function knownRanks(model: ClassifierModel, text: string, section: string | undefined, { cues = [], split }: { split: RowWords } & Pick<FeatureOptions, 'cues'>): number[] {
  const kinds = model.features;
  const index = featureIndex(model);
  const { stemId, stop, wordRank, pairRank } = index;
  const S = stemId.size;
  const found: number[] = [];
  const onWords = kinds.includes('words');
  const onPairs = kinds.includes('pairs');
  const { words: raws, stems } = split;
  // the id of the previous content word (neighbouring content words make a pair), -1 when it is no stem of the model's
  let previous = -1;
  const numbers = split.ids;
  for (let i = 0; i < stems.length; i++) {
    const id = numbers ? idByNumber(index, numbers[i], stems[i]) : stemId.get(stems[i]);
    if (id === undefined) {
      previous = -1;
      continue;
    }
    if (stop[id] === 1) continue;
    if (onPairs && previous >= 0) {
      const rank = pairRank.get(previous * S + id);
      if (rank !== undefined) found.push(rank);
    }
    if (onWords && wordRank[id] >= 0) found.push(wordRank[id]);
    previous = id;
  }
  if (kinds.includes('verb')) {
    // the verb's and objects' ids looked up as the words' above (by stem number when the split has them)
    const idAt = (j: number) => (numbers ? idByNumber(index, numbers[j], stems[j]) : stemId.get(stems[j]));
    const vo = verbObjectAt(raws, stems, model.words);
    const verb = vo ? idAt(vo.verb) : undefined;
    if (vo && verb !== undefined && stop[verb] === 0) {
      if (index.verbRank[verb] >= 0) found.push(index.verbRank[verb]);
      for (const j of vo.object) {
        const object = idAt(j);
        const rank = object === undefined ? undefined : index.verbObjectRank.get(verb * S + object);
        if (rank !== undefined) found.push(rank);
      }
    }
  }
  if (kinds.some((k) => !INDEXED.includes(k))) {
    const others = kinds.filter((k) => !INDEXED.includes(k));
    const words = raws.map((raw, i) => ({ raw, stem: stems[i] }));
    for (const name of featureSet(text, section, model.words, { kinds: others, cues, words })) {
      const rank = index.byName.get(name);
      if (rank !== undefined) found.push(rank);
    }
  }
  // each once, in name order (ranks are positions in the sorted names): the logits then sum in the same order on every run
  // (in place, by insertion for the few dozen features of a usual statement: a typed array per statement to sort
  // them cost more to allocate than the sort; a long text by the library sort)
  if (found.length > 64) found.sort((a, b) => a - b);
  else {
    for (let i = 1; i < found.length; i++) {
      const r = found[i];
      let j = i - 1;
      while (j >= 0 && found[j] > r) (found[j + 1] = found[j]), j--;
      found[j + 1] = r;
    }
  }
  let n = 0;
  for (let i = 0; i < found.length; i++) if (i === 0 || found[i] !== found[i - 1]) found[n++] = found[i];
  found.length = n;
  return found;
}

/** The model's id of a stem given with its {@link stemNumber} (undefined when the model has none), remembered by number. */
function idByNumber(index: FeatureIndex, n: number, stem: string): number | undefined {
  if (n < 0) return index.stemId.get(stem);
  let table = index.byNumber;
  if (n >= table.length) {
    const grown = new Int32Array(Math.max(n + 1, table.length * 2, 1024)).fill(-2);
    grown.set(table);
    index.byNumber = table = grown;
  }
  let id = table[n];
  if (id === -2) table[n] = id = index.stemId.get(stem) ?? -1;
  return id < 0 ? undefined : id;
}

/** The weight of the feature of rank r for class k (0 when pruned). */
export function featureWeight(index: FeatureIndex, rank: number, k: number): number {
  for (let i = index.start[rank]; i < index.start[rank + 1]; i++) if (index.kind[i] === k) return index.weight[i];
  return 0;
}
