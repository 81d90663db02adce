import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../src/ingest/index.ts';
import { parseAttribute } from '../../src/ingest/parse-attribute.ts';

// Issue 15: ingestion records the number and the unit word as written; the analyses convert with one table.
describe('parseAttribute: numbers and the unit word as written', () => {
  const rules = defaultRules;
  const read = (label: string, value: string) => parseAttribute(label, value, rules);
  it('keeps quarters as quarters (was: a 1.5-month "cycle")', () => {
    expect(read('Planning horizon', '2 quarters')).toMatchObject({ name: 'planningHorizon', min: 2, max: 2, unit: 'quarters' });
  });
  it('keeps months, years and cycles as written, ranges at both ends', () => {
    expect(read('Planning horizon', '6-12 months')).toMatchObject({ min: 6, max: 12, unit: 'months' });
    expect(read('Planning horizon', '1-2 years')).toMatchObject({ min: 1, max: 2, unit: 'years' });
    expect(read('Planning horizon', '2 cycles')).toMatchObject({ min: 2, max: 2, unit: 'cycles' });
    expect(read('Planning horizon', '3+ Weeks')).toMatchObject({ min: 3, max: 3, unit: 'weeks' });
  });
  it('reads a head count as people', () => {
    expect(read('Impact radius', 'Team (5-15)')).toMatchObject({ min: 5, max: 15, unit: 'people' });
    expect(read('Impact radius', '5-15 engineers')).toMatchObject({ min: 5, max: 15, unit: 'people' });
  });
  it('records no numbers for text without them', () => {
    const a = read('Planning horizon', 'Current and next cycle');
    expect(a.min).toBeUndefined();
    expect(a.unit).toBeUndefined();
  });
});
