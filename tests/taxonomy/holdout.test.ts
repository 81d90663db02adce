import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holdOut, type LabelledExample, trainingSetFor } from '../../src/taxonomy/holdout.ts';
import { parseTrainingConfig } from '../../src/taxonomy/train-model.ts';
import { dataPath, priors, taxonomy } from './helpers.ts';

const config = parseTrainingConfig(readFileSync(dataPath('classifier-training.json'), 'utf8'));
const ex = (id: string, text: string, acceptable: string[], ladders: string[], scored = true): LabelledExample => ({ id, text, acceptable, ladders, sections: {}, scored, set: 't' });

describe('trainingSetFor: a held-out ladder keeps every copy of its text out of training', () => {
  const examples = [
    ex('shared', 'I triage alerts', ['incident'], ['a', 'b']),
    ex('onlyB', 'I write blog posts', ['communication'], ['b']),
    ex('seed', 'I triage alerts', ['incident'], ['seeds', 'a'], false),
  ];
  it('drops statements any of the fold’s ladders holds, even when they are labelled under another ladder', () => {
    expect(trainingSetFor(examples, { name: 'a', ladders: ['a'] }).map((e) => e.id)).toEqual(['onlyB']);
    expect(trainingSetFor(examples, { name: 'b', ladders: ['b'] }).map((e) => e.id)).toEqual(['seed']);
    expect(trainingSetFor(examples, { name: 'x', ladders: ['x'] })).toHaveLength(3);
  });
});

describe('holdOut', () => {
  // Made-up verbs no cue knows: only training can tie them to a competency.
  const triage = ['I zorble the widgets', 'Zorbles gadgets at night', 'I zorble new widgets quickly', 'Zorbles gadgets and widgets'];
  const write = ['I frobnicate the plans', 'Frobnicates crisp plans', 'I frobnicate long plans', 'Frobnicates plans'];
  const examples = [
    ...triage.map((t, i) => ex(`t${i}`, t, ['incident'], [i % 2 ? 'a' : 'b'])),
    ...write.map((t, i) => ex(`w${i}`, t, ['communication'], [i % 2 ? 'a' : 'b'])),
  ];
  const folds = [{ name: 'a', ladders: ['a'] }, { name: 'b', ladders: ['b'] }];
  const progress: [string, number, number][] = [];
  const predictions = holdOut(examples, folds, { taxonomy, priors, config: { ...config, minCount: 1 }, onFold: (f, trained, scored) => progress.push([f.name, trained, scored]) });

  it('scores each fold on a model trained on the other folds only', () => {
    expect(progress).toEqual([['a', 4, 4], ['b', 4, 4]]);
    expect(predictions.map((p) => p.fold)).toEqual(['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b']);
    expect(predictions.filter((p) => p.after.competency === p.example.acceptable[0])).toHaveLength(8);
    expect(predictions.filter((p) => p.before.competency === p.example.acceptable[0]).length).toBeLessThan(8);
  });

  it('gives today’s classification next to the model’s, and a confidence in 0..1', () => {
    for (const p of predictions) {
      expect(p.before.why.features).toBeUndefined();
      expect(p.after.why.features).toBeDefined();
      expect(p.confidence).toBeGreaterThanOrEqual(0);
      expect(p.confidence).toBeLessThanOrEqual(1);
    }
  });
});
