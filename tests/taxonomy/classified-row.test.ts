import { describe, expect, it } from 'vitest';
import { classifiedRow, hasStatementFields } from '../../src/taxonomy/classified-row.ts';
import type { Classification, Statement } from '../../src/types.ts';
import { bundled } from '../helpers.ts';

const set = bundled();
const classification: Classification = { competency: 'mentoring', competencies: [{ id: 'mentoring', score: 1 }], confidence: 0.5, why: { cues: [] } };
// as the classifier writes it: secondary between competencies and confidence
const withSecondary: Classification = { competency: 'mentoring', competencies: [{ id: 'mentoring', score: 0.6 }, { id: 'hiring', score: 0.4 }], secondary: ['hiring'], confidence: 0.5, why: { cues: [] } };

/** The row as a spread gives it: keys in order, values the same. */
const spread = (s: Statement, c: Partial<Classification>) => ({ ...s, ...c });
const entries = (o: object) => Object.entries(o);

describe('classifiedRow', () => {
  it('reads the seed rows as having the ingest fields', () => {
    expect(set.statements.every(hasStatementFields)).toBe(true);
  });

  it('gives the keys and values of a spread, in the same order, with and without a secondary', () => {
    for (const s of set.statements.slice(0, 50)) {
      for (const c of [classification, withSecondary]) {
        expect(entries(classifiedRow(s, c, hasStatementFields(s)))).toEqual(entries(spread(s, c)));
        expect(JSON.stringify(classifiedRow(s, c, true))).toBe(JSON.stringify(spread(s, c)));
      }
    }
  });

  it('keeps every field of a row with other fields or another order (spread)', () => {
    const s = set.statements[0];
    const extra = { note: 'mine', ...s } as Statement;
    expect(hasStatementFields(extra)).toBe(false);
    expect(entries(classifiedRow(extra, classification, false))).toEqual(entries(spread(extra, classification)));
    const { variant: _v, ...noVariant } = s;
    expect(hasStatementFields(noVariant as Statement)).toBe(false);
    expect(Object.keys(classifiedRow(noVariant as Statement, classification, false))).not.toContain('variant');
  });

  it('gives an unclassified row the classification fields, undefined, and no secondary', () => {
    const row = classifiedRow(set.statements[0], {}, true);
    expect(Object.keys(row).slice(-4)).toEqual(['competency', 'competencies', 'confidence', 'why']);
    expect(row.competency).toBeUndefined();
  });
});
