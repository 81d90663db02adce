import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDurations } from '../../src/analyses/durations.ts';
import { parseScaleCues, statementEvidence } from '../../src/analyses/index.ts';
import { normalWords, normaliseText } from '../../src/analyses/text.ts';
import { bundled } from '../helpers.ts';
import { row, scaleCues } from './seed-analysis.ts';

const rule = scaleCues.durations!;
const spans = (text: string) => findDurations(normaliseText(text), rule).map((d) => ({ match: d.match, months: Math.round(d.months * 100) / 100 }));

describe('time spans in statement text', () => {
  it('reads a range at its upper end, whatever the words for the numbers', () => {
    expect(spans('Drives initiatives over two to four quarters.')).toEqual([{ match: 'two to four quarters', months: 12 }]);
    expect(spans('Owns work of a few weeks to a couple of months.')).toEqual([{ match: 'a few weeks to a couple of months', months: 2 }]);
    expect(spans('Plans 6-12 months ahead.')).toEqual([{ match: '6 12 months', months: 12 }]);
    expect(spans('Delivered in a sprint or two.')).toEqual([{ match: 'a sprint or two', months: 1 }]);
    expect(spans('Days to weeks.')[0].months).toBeCloseTo(0.46, 2);
    expect(spans('Leads projects that take several weeks or months.')).toEqual([{ match: 'several weeks or months', months: 3 }]);
    expect(spans('Projects that last one or more quarters.')).toEqual([{ match: 'one or more quarters', months: 3 }]);
  });
  it('leaves out experience, cadences and the past', () => {
    expect(spans('Typically has 5+ years of industry experience.')).toEqual([]);
    expect(spans('Meets their mentor every two weeks.')).toEqual([]);
    expect(spans('Ships a change in their first few weeks.')).toEqual([]);
    expect(spans('Runs a half day workshop.')).toEqual([]);
  });
  it('orders horizons: weeks < a quarter < a year < several years', () => {
    const v = ['within a few weeks', 'over a quarter', 'for a year', 'over three to five years'].map((t) => findDurations(normaliseText(t), rule)[0].value);
    for (let i = 1; i < v.length; i++) expect(v[i]).toBeGreaterThan(v[i - 1]);
  });
  it('is horizon evidence, and cue phrases inside the span give way to it', () => {
    const ev = statementEvidence(row('a', '1', 1, 'Thinks one to two years ahead.'), scaleCues);
    expect(ev.filter((e) => e.dimension === 'horizon').map((e) => e.cue)).toEqual(['duration']);
  });
  it('is not read when the lexicon has no durations block, and a malformed block is named', () => {
    const raw = JSON.parse(readFileSync('data/scale-cues.json', 'utf8'));
    delete raw.durations;
    const without = parseScaleCues(raw);
    expect(statementEvidence(row('a', '1', 1, 'Over two to four quarters.'), without).some((e) => e.cue === 'duration')).toBe(false);
    const bad = () => parseScaleCues({ ...raw, durations: { units: { week: 'x' }, numbers: {}, anchors: [] } });
    expect(bad).toThrow('"durations" › "units" › "week" must be a positive number (got "x")');
    expect(bad).toThrow('"durations" › "anchors" must be at least two [months, value] pairs (got [])');
  });
});

describe('time spans found by word numbers', () => {
  it('finds the same spans with the words given as without, a unit of two words included', () => {
    const texts = [...bundled().statements.map((s) => s.text), 'Over two to four quarters', 'a half year or two', 'days', 'Plans 6-12 months ahead', 'yearly', ''];
    const twoWords = { ...rule, units: { ...rule.units, 'half year': 6 } };
    let found = 0;
    for (const text of texts) {
      const norm = normaliseText(text);
      for (const r of [rule, twoWords]) {
        const plain = findDurations(norm, r);
        found += plain.length;
        expect(findDurations(norm, r, normalWords(norm)), text).toEqual(plain);
      }
    }
    expect(found).toBeGreaterThan(8);
  });
});

describe('time spans in a pasted job description', () => {
  it('are not read when they state experience', () => {
    for (const t of ['5+ years of professional experience.', '7+ years in software engineering.', '3 years building distributed systems.', 'Two years working with Kubernetes.']) expect(spans(t), t).toEqual([]);
  });
});
