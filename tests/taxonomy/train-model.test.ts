import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClassifierModel, serialiseClassifierModel } from '../../src/taxonomy/classifier-model.ts';
import { classifyAll, classifyText, parseTaxonomy } from '../../src/taxonomy/index.ts';
import { parseTrainingConfig, type TrainingExample, trainModel } from '../../src/taxonomy/train-model.ts';
import { dataPath, priors, taxonomy } from './helpers.ts';

const config = parseTrainingConfig(readFileSync(dataPath('classifier-training.json'), 'utf8'));

// Statements in our own words whose deciding verb the cue lexicon does not know ("calibrat…", "triage").
const examples: TrainingExample[] = [
  ...['I calibrate promotion cases with other leads', 'Calibrates performance ratings fairly', 'I take part in calibration of review outcomes', 'Joins calibration panels for promotions'].map((text) => ({ text, acceptable: ['leadership', 'hiring'] })),
  ...['I triage alerts from the detection pipeline', 'Triages pages quickly at night', 'I triage new alerts before handing them over', 'Triages alerts and escalates the serious ones'].map((text) => ({ text, acceptable: ['incident'] })),
  ...['I write clear design documents', 'Writes crisp updates for executives', 'I write blog posts about our work', 'Writes well-structured proposals'].map((text) => ({ text, acceptable: ['communication'] })),
];

describe('trainModel', () => {
  const model = trainModel(examples, { taxonomy, priors, config });

  it('learns words the lexicon does not know, and the why names them with their weights', () => {
    const c = classifyText('I triage the overnight alerts', { taxonomy, priors, model });
    expect(c.competency).toBe('incident');
    expect(c.why.features?.some((f) => f.competency === 'incident' && f.feature.includes('triag') && f.weight > 0)).toBe(true);
    expect(classifyText('I calibrate the promotion cases', { taxonomy, priors, model }).competency).toBe('leadership');
  });

  it('keeps the lexicon and the section prior as two learnt weights', () => {
    expect(model.lexicon).toBeGreaterThan(0);
    expect(model.classes).toEqual(taxonomy.competencies.map((c) => c.id));
  });

  it('is deterministic: the same examples give the same bytes', () => {
    const again = trainModel(examples, { taxonomy, priors, config });
    expect(serialiseClassifierModel(again)).toBe(serialiseClassifierModel(model));
  });

  it('round-trips through its JSON form', () => {
    const text = serialiseClassifierModel(model, { description: 'test' });
    const back = parseClassifierModel(text);
    expect(serialiseClassifierModel(back, { description: 'test' })).toBe(text);
    const a = classifyText('I triage the overnight alerts', { taxonomy, priors, model });
    expect(classifyText('I triage the overnight alerts', { taxonomy, priors, model: back })).toEqual(a);
  });
});

describe('classifyText with a model', () => {
  const model = parseClassifierModel(readFileSync(dataPath('classifier-model.json'), 'utf8'));

  it('gives probabilities summing to 1, a calibrated confidence and the features that decided it', () => {
    const c = classifyText('I participate in calibration sessions by providing meaningful feedback to ensure fair and consistent decisions', { taxonomy, priors, model });
    expect(c.competencies.reduce((a, s) => a + s.score, 0)).toBeCloseTo(1, 2);
    expect(c.confidence).toBeGreaterThan(0);
    expect(c.confidence).toBeLessThan(1);
    expect(c.why.features!.length).toBeGreaterThan(0);
    expect(c.why.features!.filter((f) => f.competency === c.competency).map((f) => f.weight)).toEqual(
      [...c.why.features!.filter((f) => f.competency === c.competency).map((f) => f.weight)].sort((a, b) => b - a),
    );
  });

  it('still says nothing when nothing speaks for any competency', () => {
    expect(classifyText('Zyx qwv.', { taxonomy, model }).competency).toBeNull();
  });

  it('is ignored for a taxonomy whose competencies it was not trained on (the cue lexicon decides)', () => {
    const other = parseTaxonomy({ groups: [{ id: 'g', label: 'G' }], competencies: [{ id: 'hacking', label: 'Hacking', group: 'g', definition: 'd', description: 'd', cues: { exploit: 2 } }] });
    const c = classifyText('Writes exploits.', { taxonomy: other, model });
    expect(c.competency).toBe('hacking');
    expect(c.why.features).toBeUndefined();
  });

  it('rejects a malformed model file naming the problems', () => {
    expect(() => parseClassifierModel({ classes: ['a'], bias: [0, 1], weights: { 'w:x': [3, 1] } })).toThrowError(/"words" is missing[\s\S]*"bias" must be 1 numbers, one per class \(got 2\)[\s\S]*"weights" › "w:x" must be pairs of class index \(0–0\) and weight/);
  });

  it('names each feature whose weights are not pairs of a class index and a finite number, and only those', () => {
    const text = readFileSync(dataPath('classifier-model.json'), 'utf8');
    const good = JSON.parse(text);
    const bad = (weights: Record<string, unknown>) => () => parseClassifierModel({ ...good, weights: { ...good.weights, ...weights } });
    const feature = (name: string) => new RegExp(`"weights" › "${name}" must be pairs of class index`);
    expect(bad({ 'w:a': [0, 'high'] })).toThrowError(feature('w:a'));
    expect(bad({ 'w:b': [0, null] })).toThrowError(feature('w:b'));
    expect(bad({ 'w:c': 0.5 })).toThrowError(feature('w:c'));
    expect(bad({ 'w:d': [0, 0.5, 1] })).toThrowError(feature('w:d'));
    expect(bad({ 'w:e': [1.5, 0.5] })).toThrowError(feature('w:e'));
    expect(() => parseClassifierModel({ ...good, weights: [] })).toThrowError(/"weights" expected an object of feature/);
    // a bad pair after pairs out of order is still found
    expect(bad({ 'w:f': [3, 0.5, 1, 0.5, 0, 'x'] })).toThrowError(feature('w:f'));
    // in the file's order, unsorted as it may be, 20 problems at most (the bias's among them)
    const many = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`w:bad${String.fromCharCode(122 - i)}`, [i]]));
    const message = (() => {
      try {
        parseClassifierModel({ ...good, bias: [1], weights: { ...many, ...good.weights } });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    const named = [...(message ?? '').matchAll(/"weights" › "(w:bad.)"/g)].map((m) => m[1]);
    expect(named).toEqual(Object.keys(many).slice(0, 19));
    expect(message).toContain(`"bias" must be ${good.classes.length} numbers`);
    // The bundled model reads, with every weight where the file puts it.
    const model = parseClassifierModel(text);
    const [name, list] = Object.entries(good.weights as Record<string, number[]>)[0];
    expect([...model.weights.get(name)!].filter((w) => w !== 0)).toEqual(list.filter((_, i) => i % 2 === 1).filter((w) => w !== 0));
  });
});

describe('classifyAll with a model: overrides stay the final word', () => {
  const model = parseClassifierModel(readFileSync(dataPath('classifier-model.json'), 'utf8'));
  const statement = {
    id: 'x#1', company: 'acme', track: 'Engineer', level: 'L1', levelTitle: 'Engineer', levelOrder: 1, section: '', kind: 'expectation' as const,
    text: 'I participate in calibration sessions by providing meaningful feedback', flags: [], source: { file: 'x.md', line: 1 },
  };
  it('an override wins over the model, with confidence 1 and no secondaries, and keeps the model’s reasons beside it', () => {
    const [plain] = classifyAll([statement], { taxonomy, priors, model });
    const other = plain.competency === 'hiring' ? 'leadership' : 'hiring';
    const [overridden] = classifyAll([statement], { taxonomy, priors, model, overrides: [{ id: 'x#1', competency: other, comment: 'checked' }] });
    expect(overridden).toMatchObject({ competency: other, competencies: [{ id: other, score: 1 }], confidence: 1 });
    expect(overridden.secondary).toBeUndefined();
    expect(overridden.why?.override).toEqual({ competency: other, comment: 'checked' });
    expect(overridden.why?.features).toEqual(plain.why?.features);
  });
});
