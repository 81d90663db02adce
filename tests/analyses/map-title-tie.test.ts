import { describe, expect, it } from 'vitest';
import { titleTieBreak, TITLE_TIE } from '../../src/analyses/map-level.ts';
import type { LevelPlacement, MapCandidate, ScaleEvidence } from '../../src/analyses/index.ts';

const title = (cue: string): ScaleEvidence => ({ statementId: 'x#title', kind: 'title', cue, match: cue, dimension: 'title', value: 3.5, weight: 2 });
const level = (key: string, cue?: string) => ({ key, evidence: cue ? [title(cue)] : [] }) as unknown as LevelPlacement;
const cand = (key: string, distance: number) => ({ key, level: key, score: 0, overlap: 0, distance, profile: 0 }) as MapCandidate;

describe('a tie on the text, broken by the level titles', () => {
  const source = level('src', 'title-senior');
  const ladder = [level('b2'), level('b3', 'title-senior')];
  it('picks the runner-up that shares the source’s seniority word when the distances are within a hair', () => {
    expect(titleTieBreak(source, [cand('b2', 0.3), cand('b3', -(0.3 + TITLE_TIE / 2))], ladder).key).toBe('b3');
  });
  it('leaves a clear winner, a leader with the same title and an untitled source alone', () => {
    expect(titleTieBreak(source, [cand('b2', 0.1), cand('b3', 0.5)], ladder).key).toBe('b2');
    expect(titleTieBreak(source, [cand('b3', 0.3), cand('b2', -0.31)], ladder).key).toBe('b3');
    expect(titleTieBreak(level('src'), [cand('b2', 0.3), cand('b3', -0.31)], ladder).key).toBe('b2');
  });
});
