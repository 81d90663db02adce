import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScaleCues, ScaleCuesError } from '../../src/analyses/index.ts';

const shipped = () => JSON.parse(readFileSync('data/scale-cues.json', 'utf8'));

function problemsOf(input: unknown): string[] {
  try {
    parseScaleCues(input, { source: 'my-cues.json' });
  } catch (e) {
    expect(e).toBeInstanceOf(ScaleCuesError);
    expect((e as Error).message).toMatch(/^my-cues\.json: /);
    return (e as ScaleCuesError).problems;
  }
  throw new Error('expected a ScaleCuesError');
}

describe('parseScaleCues', () => {
  it('reads the shipped lexicon, with defaults for the blocks a lexicon may leave out', () => {
    const cues = parseScaleCues(readFileSync('data/scale-cues.json', 'utf8'));
    expect(cues.scale.map((s) => s.value)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(cues.cues.length).toBeGreaterThan(20);
    const minimal = parseScaleCues({ cues: [] });
    expect(minimal).toMatchObject({ scale: [], scopeWords: [], capNotes: { patterns: [] }, dampeners: { factor: 0.25, dimensions: ['scope'] }, fit: { minStep: 0 } });
    expect(minimal.durations).toBeUndefined();
  });

  it('checks the scale, the scope words and the cap-note patterns, which it used to take on trust', () => {
    const raw = shipped();
    raw.scale[2] = { value: 9, name: '' };
    raw.scopeWords = ['team', 7];
    raw.capNotes.patterns = ['do not go up', null];
    raw.capNotes.levelPattern = '(l|level';
    const problems = problemsOf(raw);
    expect(problems).toContain('scale[2]: "value" must be a number from 1 to 7 (got 9)');
    expect(problems).toContain('scale[2]: "name" must be a non-empty string (got "")');
    expect(problems).toContain('scopeWords[1]: must be a word (got 7)');
    expect(problems).toContain('capNotes.patterns[1]: must be a string (got null)');
    expect(problems.find((p) => p.startsWith('"capNotes" › "levelPattern" is not a valid regular expression'))).toBeDefined();
  });

  it('names a cue by its id, and a field the lexicon does not have', () => {
    const raw = shipped();
    raw.cues[0].weight = -1;
    raw.titles.cues[1].phrases = 'senior';
    raw.kindWeights = { summary: 1.5 };
    const problems = problemsOf(raw);
    expect(problems).toContain(`cues[0] ("${raw.cues[0].id}"): "weight" must be a number ≥ 0 (got -1)`);
    expect(problems).toContain(`titles.cues[1] ("${raw.titles.cues[1].id}"): "phrases" must be a list of strings (got "senior")`);
    expect(problems.find((p) => p.startsWith('"kindWeights" is not a field of the scale cues'))).toBeDefined();
  });

  it('says when the text is not JSON or not an object', () => {
    expect(problemsOf('{"cues": [')[0]).toMatch(/^not valid JSON/);
    expect(problemsOf('[1, 2]')).toEqual(['expected a JSON object with "cues"']);
  });
});
