import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLabelledCorpus } from '../../src/cli/labelled-corpus.ts';
import { parseClassifierModel } from '../../src/taxonomy/classifier-model.ts';
import { trainingSetFor } from '../../src/taxonomy/holdout.ts';
import { normalLabelText } from '../../src/taxonomy/labelled-set.ts';

const corpus = readLabelledCorpus();
const blind = corpus.examples.filter((e) => e.scored);

describe('readLabelledCorpus: the blind corpus joined to its ingested ladders', () => {
  it('reads the 937 blind statements and finds nearly all in their ladders (HTML and Markdown), with their section', () => {
    expect(corpus.corpusRows).toBe(937);
    expect(blind).toHaveLength(937);
    expect(corpus.found).toBeGreaterThanOrEqual(900);
    expect(corpus.unread).toEqual([]);
    const s = blind.find((e) => e.text.startsWith('I devote time to spreading my knowledge widely'))!;
    expect(Object.keys(s.sections).length).toBeGreaterThan(0);
  });

  it('a sentence Dropbox shares across tracks belongs to every ladder that holds it, so holding out any of them drops every copy', () => {
    const shared = blind.find((e) => e.text.startsWith('I devote time to spreading my knowledge widely'))!;
    expect(shared.ladders).toEqual(expect.arrayContaining(['dropbox-ml', 'dropbox-security', 'dropbox-tpm']));
    for (const l of ['dropbox-ml', 'dropbox-security', 'dropbox-tpm']) {
      const training = trainingSetFor(corpus.examples, { name: l, ladders: [l] });
      expect(training.some((e) => normalLabelText(e.text) === normalLabelText(shared.text))).toBe(false);
    }
  });

  it('the seeds belong to their ladders: holding out Dropbox security drops the IC6 seed page’s statements', () => {
    const seeds = corpus.examples.filter((e) => e.set.startsWith('seeds'));
    expect(seeds.length).toBe(402);
    const dropboxSeeds = seeds.filter((e) => e.ladders.includes('dropbox-security'));
    expect(dropboxSeeds.length).toBeGreaterThan(100);
    const training = trainingSetFor(corpus.examples, { name: 'dropbox-security', ladders: ['dropbox-security'] });
    expect(training.some((e) => dropboxSeeds.includes(e))).toBe(false);
  });

  it('reads the synthetic statements as training only: never scored, never in a held-out fold, none repeating a corpus statement', () => {
    const synthetic = corpus.examples.filter((e) => e.synthetic);
    expect(corpus.synthetic).toBe(1920);
    expect(synthetic).toHaveLength(1920);
    expect(synthetic.every((e) => !e.scored && e.ladders.length === 1 && e.ladders[0].startsWith('synthetic-'))).toBe(true);
    for (const c of readFileSync(new URL('../../tests/fixtures/blind-corpus/taxonomy-for-annotators.md', import.meta.url), 'utf8').matchAll(/\| `([a-z]+)` \|/g)) {
      expect(synthetic.filter((e) => e.acceptable[0] === c[1]).length).toBe(120);
    }
    for (const l of corpus.ladders) expect(trainingSetFor(corpus.examples, { name: l, ladders: [l] }).filter((e) => e.synthetic)).toHaveLength(1920);
    expect(readLabelledCorpus(undefined, { synthetic: false }).examples.some((e) => e.synthetic)).toBe(false);
  });

  it('the shipped model was trained on exactly these labelled statements (retrain with npm run train when they change)', () => {
    const raw = JSON.parse(readFileSync(new URL('../../data/classifier-model.json', import.meta.url), 'utf8'));
    expect(raw.trainedOn).toBe(corpus.examples.length);
    expect(parseClassifierModel(raw).classes).toHaveLength(16);
  });
});
