import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ClassifierModel, parseClassifierModel } from '../../src/taxonomy/classifier-model.ts';
import { lexiconEvidence } from '../../src/taxonomy/classify-statement.ts';
import { featureIndex, featureWeight, knownFeatures } from '../../src/taxonomy/known-features.ts';
import { parseLabelledSet } from '../../src/taxonomy/labelled-set.ts';
import { FEATURE_SETS, modelFeatures } from '../../src/taxonomy/model-features.ts';
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
