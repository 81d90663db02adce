import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ClassifierModel, parseClassifierModel, serialiseClassifierModel } from '../../src/taxonomy/classifier-model.ts';
import { lexiconEvidence } from '../../src/taxonomy/classify-statement.ts';
import { type FeatureIndex, featureIndex, featureWeight, knownFeatures } from '../../src/taxonomy/known-features.ts';
import { parseLabelledSet } from '../../src/taxonomy/labelled-set.ts';
import { compiledWords, FEATURE_SETS, modelFeatures } from '../../src/taxonomy/model-features.ts';
import { splitText } from '../../src/text/index.ts';
import { dataPath, fixturePath, taxonomy } from './helpers.ts';

const shipped = parseClassifierModel(readFileSync(dataPath('classifier-model.json'), 'utf8'));
const rows = [...parseLabelledSet(readFileSync(fixturePath('labelled-statements.csv'), 'utf8')), ...parseLabelledSet(readFileSync(fixturePath('labelled-holdout-3.csv'), 'utf8'))];
const texts = [
  ...rows.map((r) => [r.text, r.section || undefined] as const),
  ['I act on feedback and coaching from my team; I avoid going dark, and never skip the on-call hand-over.', 'Craft › Security Execution'] as const,
  ['', undefined] as const,
  ['Mentors.', undefined] as const,
  // a long text: more features than a usual statement has
  [rows.slice(0, 40).map((r) => r.text).join(' '), undefined] as const,
];

/** What the model knows of a text, the slow way: every feature named, then looked up. */
function expected(model: ClassifierModel, text: string, section: string | undefined) {
  const { cues } = lexiconEvidence(text, taxonomy);
  return modelFeatures(text, section, model.words, { kinds: model.features, cues }).filter((f) => model.weights.has(f));
}

function check(model: ClassifierModel) {
  const index = featureIndex(model);
  const got: string[][] = [];
  const want: string[][] = [];
  const weights: number[][] = [];
  const wantWeights: number[][] = [];
  for (const [text, section] of texts) {
    const { cues } = lexiconEvidence(text, taxonomy);
    const split = splitText(text);
    const known = knownFeatures(model, text, section, { cues, split });
    // the same found by stem names alone (a split without stem numbers)
    expect(knownFeatures(model, text, section, { cues, split: { words: split.words, stems: split.stems } })).toEqual(known);
    got.push(known.names);
    want.push(expected(model, text, section));
    known.names.forEach((name, j) => {
      weights.push(model.classes.map((_, k) => featureWeight(index, known.ranks[j], k)));
      wantWeights.push([...model.weights.get(name)!]);
    });
  }
  // compared as text: thousands of small arrays are slow to diff one by one
  expect(got.map((names) => names.join(' | '))).toEqual(want.map((names) => names.join(' | ')));
  expect(JSON.stringify(weights)).toBe(JSON.stringify(wantWeights));
}

describe('knownFeatures: the features a model knows, found by stem look-ups', () => {
  it('are exactly the features modelFeatures names that the shipped model has, sorted, each once, with their weights', () => {
    check(shipped);
    expect(texts.some(([t, s]) => knownFeatures(shipped, t, s, { split: splitText(t) }).names.length > 5)).toBe(true);
  });

  it('are the same for a model reading every kind of feature (the kinds not indexed by stem are named and looked up)', () => {
    // a model with a few weights of every kind, taken from what the texts give
    const all = [...FEATURE_SETS];
    const names = new Set<string>();
    for (const [text, section] of texts.slice(0, 80)) {
      const { cues } = lexiconEvidence(text, taxonomy);
      modelFeatures(text, section, shipped.words, { kinds: all, cues }).forEach((f, i) => i % 3 === 0 && names.add(f));
    }
    const weights = Object.fromEntries([...names].sort().map((f, i) => [f, [i % shipped.classes.length, 0.5 + (i % 7), (i + 5) % shipped.classes.length, -1]]));
    const kinds = new Set([...names].map((f) => f.slice(0, f.indexOf(':') + 1)));
    expect([...kinds].sort()).toEqual(['b:', 'c:', 'cc:', 'h:', 'n:', 'p:', 's:', 'v:', 'vo:', 'w:']);
    const model = parseClassifierModel({ ...JSON.parse(readFileSync(dataPath('classifier-model.json'), 'utf8')), features: all, words: { ...shipped.words, negation: ['not', 'never', 'avoid'] }, weights });
    check(model);
  });
});

/**
 * The index as it was built before it was packed straight from the file: every feature a dense row (the last
 * weight given for a class wins), the rows' names sorted, their non-zero weights packed, then the stem tables.
 */
function denseIndex(file: { classes: string[]; words: ClassifierModel['words']; weights: Record<string, number[]> }) {
  const K = file.classes.length;
  const rows = new Map<string, Float64Array>();
  for (const [feature, list] of Object.entries(file.weights)) {
    const m = new Float64Array(K);
    for (let i = 0; i < list.length; i += 2) m[list[i]] = list[i + 1];
    rows.set(feature, m);
  }
  const names = [...rows.keys()].sort();
  const start = [0];
  const kind: number[] = [];
  const weight: number[] = [];
  const byName = new Map<string, number>();
  const stemId = new Map<string, number>();
  const id = (stem: string) => {
    if (!stemId.has(stem)) stemId.set(stem, stemId.size);
    return stemId.get(stem)!;
  };
  const stops = compiledWords(file.words).stop;
  for (const s of stops) id(s);
  const tables: [string, number, number, number][] = [];
  names.forEach((name, rank) => {
    rows.get(name)!.forEach((w, k) => w !== 0 && (kind.push(k), weight.push(w)));
    start.push(kind.length);
    byName.set(name, rank);
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    const rest = name.slice(colon + 1);
    const space = rest.indexOf(' ');
    if (prefix === 'w' || prefix === 'v') tables.push([prefix, id(rest), -1, rank]);
    else if ((prefix === 'b' || prefix === 'vo') && space >= 0) tables.push([prefix, id(rest.slice(0, space)), id(rest.slice(space + 1)), rank]);
  });
  const S = stemId.size;
  const wordRank = new Array<number>(S).fill(-1);
  const verbRank = new Array<number>(S).fill(-1);
  const pairRank = new Map<number, number>();
  const verbObjectRank = new Map<number, number>();
  for (const [prefix, a, b, rank] of tables) {
    if (prefix === 'w') wordRank[a] = rank;
    else if (prefix === 'v') verbRank[a] = rank;
    else (prefix === 'b' ? pairRank : verbObjectRank).set(a * S + b, rank);
  }
  const stop = new Array<number>(S).fill(0);
  for (const s of stops) stop[stemId.get(s)!] = 1;
  return { rows, index: { names, start, kind, weight, byName: [...byName], stemId: [...stemId], stop, wordRank, verbRank, pairRank: [...pairRank], verbObjectRank: [...verbObjectRank] } };
}

/** An index's tables as plain arrays, to compare with {@link denseIndex}'s. */
function plain(index: FeatureIndex) {
  const { names, byName, stemId, pairRank, verbObjectRank } = index;
  const list = (a: ArrayLike<number>) => Array.from(a);
  return {
    names,
    start: list(index.start),
    kind: list(index.kind),
    weight: list(index.weight),
    byName: [...byName],
    stemId: [...stemId],
    stop: list(index.stop),
    wordRank: list(index.wordRank),
    verbRank: list(index.verbRank),
    pairRank: [...pairRank],
    verbObjectRank: [...verbObjectRank],
  };
}

describe('featureIndex: packed straight from the file, as from dense rows', () => {
  const text = readFileSync(dataPath('classifier-model.json'), 'utf8');
  const file = JSON.parse(text);
  const K = file.classes.length;

  /** The parsed model's index and dense rows equal those built the old way, and the model writes back the same. */
  function same(input: typeof file) {
    const model = parseClassifierModel(input);
    const { rows, index } = denseIndex(input);
    expect(plain(featureIndex(model))).toEqual(index);
    // (a weight written -0 reads 0 now: a pruned weight either way, left out of the index and of the file written back)
    const sorted = (m: Map<string, Float64Array>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([f, w]) => [f, [...w].map((x) => x + 0)]);
    expect(sorted(model.weights)).toEqual(sorted(rows));
    // a model that is only its dense rows (a trained one) packs the same way
    const trained: ClassifierModel = { ...model, weights: rows };
    expect(plain(featureIndex(trained))).toEqual(index);
    expect(serialiseClassifierModel(model)).toBe(serialiseClassifierModel(trained));
    return model;
  }

  it('for the bundled model (written sorted: packed as it comes), which writes back to its own bytes', () => {
    const model = same(file);
    const { description, trainedOn } = file;
    expect(serialiseClassifierModel(model, { description, trainedOn })).toBe(text);
  });

  it('for the bundled model shuffled: features out of order, some features’ pairs reversed', () => {
    const entries = Object.entries(file.weights as Record<string, number[]>);
    // a fixed shuffle (a linear congruential sequence), so that a failure repeats
    let seed = 7;
    for (let i = entries.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [entries[i], entries[j]] = [entries[j], entries[i]];
    }
    const reversed = (list: number[]) => list.flatMap((_, i) => (i % 2 === 0 ? [list[list.length - 2 - i], list[list.length - 1 - i]] : []));
    const weights = Object.fromEntries(entries.map(([f, list], i) => [f, i % 3 === 0 ? reversed(list) : list]));
    expect(Object.keys(weights)).not.toEqual(Object.keys(file.weights));
    same({ ...file, weights });
  });

  it('for a hand-made model: unsorted names, zero weights, a class given twice, integer-like and odd names', () => {
    const weights: Record<string, number[]> = {
      'w:team': [3, 0.5, 1, -2],
      'b:team lead': [0, 1, 0, 2],
      'w:zero': [2, 0, 5, -0],
      'vo:own roadmap': [K - 1, 1.5, 0, -1.5, K - 1, 0.25],
      'v:lead': [4, 0.75, 4, 0],
      'b:nospace': [1, 1],
      'w:': [2, 2],
      '12': [0, 1],
      '3': [1, 1],
      plain: [],
      'w:the': [5, 1, 6, 2, 7, 3],
      'vo:lead team': [1, 1, 2, 2],
      'b:lead team': [2, -1],
      'v:team': [0, 1, 0, 1],
    };
    // the dense rows of it hold what the pairs say, the last weight given for a class winning
    const model = same({ ...file, weights });
    expect([...model.weights.get('vo:own roadmap')!].filter((w) => w !== 0)).toEqual([-1.5, 0.25]);
    expect([...model.weights.get('v:lead')!].every((w) => w === 0)).toBe(true);
    const index = featureIndex(model);
    expect(index.names).toEqual(Object.keys(weights).sort());
    const rank = index.byName.get('vo:own roadmap')!;
    expect([featureWeight(index, rank, 0), featureWeight(index, rank, K - 1)]).toEqual([-1.5, 0.25]);
    expect(index.start[index.byName.get('w:zero')! + 1] - index.start[index.byName.get('w:zero')!]).toBe(0);
  });
});
