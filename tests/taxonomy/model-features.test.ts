import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelFeatures, splitWords, verbObject } from '../../src/taxonomy/model-features.ts';
import { parseTrainingConfig } from '../../src/taxonomy/train-model.ts';
import { dataPath } from './helpers.ts';

const { words } = parseTrainingConfig(readFileSync(dataPath('classifier-training.json'), 'utf8'));
const vo = (text: string) => verbObject(splitWords(text), words);

describe('verbObject: the behaviour asked of the person', () => {
  it('skips the subject, modals and adverbs to the main verb, then takes the object words', () => {
    expect(vo('I actively participate in calibration sessions by providing feedback')).toEqual({ verb: 'particip', object: ['calibr', 'session'] });
    expect(vo('I define my team’s priorities and secure buy-in')).toEqual({ verb: 'defin', object: ['team', 'prioriti'] });
    expect(vo('Mentors interns.')).toEqual({ verb: 'mentor', object: ['intern'] });
    expect(vo('I can independently apply changes to my pull request')).toEqual({ verb: 'appli', object: ['chang', 'pull'] });
  });

  it('gives nothing for text without a verb position', () => {
    expect(vo('I will also')).toBeNull();
    expect(vo('')).toBeNull();
  });
});

describe('modelFeatures', () => {
  const f = modelFeatures('I participate in calibration sessions.', 'Talent › Hiring', words, { kinds: ['words', 'pairs', 'verb', 'section'] });

  it('names each feature in its own namespace: words, word pairs, verb, verb + object, section words', () => {
    expect(f).toEqual(expect.arrayContaining(['w:particip', 'w:calibr', 'b:calibr session', 'v:particip', 'vo:particip calibr', 's:hire', 's:talent']));
    expect(f).not.toContain('w:i');
    expect(f).not.toContain('w:in');
  });

  it('is sorted, each feature once, and leaves section words out without a section', () => {
    expect(f).toEqual([...new Set(f)].sort());
    expect(modelFeatures('I participate in calibration sessions.', undefined, words, { kinds: ['words', 'section'] }).some((x) => x.startsWith('s:'))).toBe(false);
    expect(modelFeatures('I participate in calibration sessions.', 'Talent › Hiring', words).some((x) => x.startsWith('s:'))).toBe(false);
  });

  it('reads only the kinds asked for: the verb of every clause, the head clause, negated words, word beginnings, the lexicon’s cues', () => {
    const text = 'I participate in calibration sessions by providing meaningful feedback; I avoid going dark for long periods.';
    const kinds = (k: Parameters<typeof modelFeatures>[3]) => modelFeatures(text, undefined, { ...words, negation: ['avoid', 'not'] }, k);
    expect(kinds({ kinds: ['words'] }).every((x) => x.startsWith('w:'))).toBe(true);
    expect(kinds({ kinds: ['clauses'] })).toEqual(expect.arrayContaining(['v:particip', 'vo:particip calibr', 'v:provid', 'vo:provid meaning', 'v:avoid']));
    expect(kinds({ kinds: ['head'] })).toEqual(['h:calibr', 'h:particip', 'h:session']);
    expect(kinds({ kinds: ['negation'] })).toEqual(['n:dark', 'n:go', 'n:long']);
    expect(kinds({ kinds: ['prefix'] })).toEqual(expect.arrayContaining(['p:parti', 'p:calib', 'p:meani']));
    const cues = [{ competency: 'hiring', cue: 'calibration' }];
    expect(kinds({ kinds: ['cues'], cues })).toEqual(['c:calibration', 'cc:hiring']);
    expect(kinds({ kinds: ['words'], cues }).some((x) => x.startsWith('c'))).toBe(false);
  });
});
