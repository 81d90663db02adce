import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ScaleCue } from '../../src/analyses/scale-cues.ts';
import { normalWordNumber, normalWords, normaliseText } from '../../src/analyses/text.ts';
import { findCueHitsInWords, findCueHitsNormalised } from '../../src/analyses/statement-evidence.ts';
import { bundled } from '../helpers.ts';
import { findCueHits, interpolateLog, isotonic, parseScaleCues, statementEvidence } from '../../src/analyses/index.ts';
import { row, scaleCues } from './seed-analysis.ts';
import { defaultRules } from '../../src/ingest/index.ts';
import { parseAttribute } from '../../src/ingest/parse-attribute.ts';

describe('statementEvidence', () => {
  const attr = (name: string, value: string, extra = {}) => row('o', 'L', 1, value, { kind: 'attribute', attribute: { name, label: name, value, ...extra } });
  it('reads people ranges from impact radius, with or without parsed numbers', () => {
    const [parsed] = statementEvidence(attr('impactRadius', 'Team (5-15)', { min: 5, max: 15, unit: 'people' }), scaleCues);
    const [raw] = statementEvidence(attr('impactRadius', 'Team (5-15)'), scaleCues);
    expect(parsed.value).toBe(raw.value);
    expect(parsed.value).toBeGreaterThan(3.5);
    expect(statementEvidence(attr('impactRadius', 'Peers (2-5)'), scaleCues)[0].value).toBeLessThan(parsed.value);
  });
  it('reads planning horizons in months, years and cycles, and phrases without numbers', () => {
    const v = (text: string) => statementEvidence(attr('planningHorizon', text), scaleCues)[0].value;
    expect(v('6-12 months')).toBeGreaterThan(v('Current and next cycle'));
    expect(v('2-3 years')).toBeGreaterThan(v('6-12 months'));
  });
  it('reads direction-needed phrases: weekly supervision < limited supervision', () => {
    const mean = (text: string) => {
      const e = statementEvidence(attr('directionNeeded', text), scaleCues);
      return e.reduce((t, x) => t + x.value * x.weight, 0) / e.reduce((t, x) => t + x.weight, 0);
    };
    expect(mean('Weekly supervision needed from their manager.')).toBeLessThan(mean('Takes brand new ideas from inception to production with limited supervision.'));
  });
  it('matches whole words only, longest phrase first, across hyphens and slashes', () => {
    const hits = findCueHits('I own org/company-wide multi-year goals; teamwork is not a team', scaleCues.cues);
    expect(hits.map((h) => h.match)).toEqual(['company wide', 'multi year']);
  });
  it('weights examples below expectations', () => {
    const [e] = statementEvidence(row('a', '1', 1, 'Leads cross-team work.'), scaleCues);
    const [x] = statementEvidence(row('a', '1', 1, 'Leads cross-team work.', { kind: 'example' }), scaleCues);
    expect(x.weight).toBeLessThan(e.weight);
  });
});

describe('helpers', () => {
  it('isotonic pools adjacent violators by weight', () => {
    expect(isotonic([1, 3, 2, 4])).toEqual([1, 2.5, 2.5, 4]);
    expect(isotonic([5, 1], [3, 1])).toEqual([4, 4]);
  });
  it('interpolateLog clamps at the ends and interpolates on log scale', () => {
    const a: [number, number][] = [[1, 1], [100, 3]];
    expect([interpolateLog(0.1, a), interpolateLog(10, a), interpolateLog(1000, a)]).toEqual([1, 2, 3]);
  });
  it('parseScaleCues names the problems of a bad lexicon', () => {
    expect(() => parseScaleCues({ cues: [{ id: 'x', value: 9, weight: 1, phrases: ['a'] }] })).toThrow(/"x".*value/);
  });
});

describe('statementEvidence on attributes the lexicon has no rule for', () => {
  it('reads them with the general cues', () => {
    const s = row('o', 'L', 1, 'Influence: company-wide', { kind: 'attribute', attribute: { name: 'influence', label: 'Influence', value: 'company-wide' } });
    expect(statementEvidence(s, scaleCues).map((e) => e.value)).toEqual([6]);
  });
});

describe('planning horizons through the one units table (issue 15)', () => {
  const attr = (value: string, extra = {}) => row('o', 'L', 1, value, { kind: 'attribute', attribute: { name: 'planningHorizon', label: 'Planning horizon', value, ...extra } });
  const v = (value: string, extra = {}) => statementEvidence(attr(value, extra), scaleCues)[0].value;
  it('as ingested: "Planning horizon: 2 quarters" reads as 6 months (3.5), not as two 1.5-month cycles (2.5)', () => {
    const read = (value: string) => statementEvidence(row('o', 'L', 1, value, { kind: 'attribute', attribute: parseAttribute('Planning horizon', value, defaultRules) }), scaleCues)[0];
    expect(read('2 quarters').value).toBe(read('6 months').value);
    expect(read('6 months').value).toBe(3.5);
    expect(read('1 year').value).toBe(read('12 months').value);
  });
  it('"2 quarters" is placed where "6 months" is (was 2.5 against 3.5)', () => {
    expect(v('2 quarters', { min: 2, max: 2, unit: 'quarters' })).toBe(v('6 months', { min: 6, max: 6, unit: 'months' }));
    expect(v('2 quarters')).toBe(v('6 months'));
    expect(v('1 year', { min: 1, max: 1, unit: 'year' })).toBe(v('12 months', { min: 12, max: 12, unit: 'months' }));
  });
  it('converts with data/scale-cues.json durations.units, a cycle with planningHorizon.cycleMonths', () => {
    const units = scaleCues.durations!.units;
    const quarter = parseScaleCues(JSON.parse(JSON.stringify({ ...scaleCues, durations: { ...scaleCues.durations, units: { ...units, quarters: 12 } } })));
    expect(statementEvidence(attr('2 quarters', { min: 2, max: 2, unit: 'quarters' }), quarter)[0].value).toBe(v('24 months', { min: 24, max: 24, unit: 'months' }));
    const cycleMonths = scaleCues.attributes.planningHorizon.cycleMonths!;
    expect(v('4 cycles', { min: 4, max: 4, unit: 'cycles' })).toBe(v(`${4 * cycleMonths} months`, { min: 4 * cycleMonths, max: 4 * cycleMonths, unit: 'months' }));
  });
});

describe('findCueHits against a plain scan', () => {
  /** At each word, the longest phrase starting there (first listed wins a tie of phrases), then on after it. */
  const plain = (text: string, cues: ScaleCue[]) => {
    const norm = normaliseText(text);
    const words = norm ? norm.split(' ') : [];
    const phrases: { words: string[]; cue: ScaleCue }[] = [];
    const seen = new Set<string>();
    for (const cue of cues) for (const p of cue.phrases.map(normaliseText)) if (p && !seen.has(p)) seen.add(p), phrases.push({ words: p.split(' '), cue });
    const out: { id: string; match: string }[] = [];
    for (let i = 0; i < words.length; ) {
      let best: { words: string[]; cue: ScaleCue } | null = null;
      for (const p of phrases) if (p.words.every((w, k) => words[i + k] === w) && (!best || p.words.length > best.words.length)) best = p;
      if (best) out.push({ id: best.cue.id, match: best.words.join(' ') }), (i += best.words.length);
      else i++;
    }
    return out;
  };
  const vocabulary = ['team', 'teams', 'the', 'org', 'across', 'multiple', 'company', 'x', 'industry', 'a', 'own', 'whole', "team's", 'c++'];
  const cues: ScaleCue[] = [
    { id: 'team', dimension: 'scope', value: 3, weight: 1, phrases: ['team', 'the team', 'own team'] },
    { id: 'multi', dimension: 'scope', value: 4, weight: 1, phrases: ['across teams', 'multiple teams', 'across the org'] },
    { id: 'org', dimension: 'scope', value: 5, weight: 1, phrases: ['the whole org', 'company', 'across the whole company', 'team'] },
    { id: 'ind', dimension: 'scope', value: 7, weight: 1, phrases: ['industry', 'C++', 'x'] },
  ];
  it('finds the same hits as trying every phrase at every word', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary, 'Team', 'ACROSS', '-', '/'), { maxLength: 14 }), (ws) => {
        const text = ws.join(' ');
        expect(findCueHits(text, cues).map((h) => ({ id: h.cue.id, match: h.match }))).toEqual(plain(text, cues));
      }),
      { numRuns: 2000 },
    );
  });
  it("finds the seeds' cues as a plain scan does", () => {
    for (const s of bundled().statements.slice(0, 300)) expect(findCueHits(s.text, scaleCues.cues).map((h) => ({ id: h.cue.id, match: h.match })), s.text).toEqual(plain(s.text, scaleCues.cues));
  });
  it('finds the same hits, offsets included, by word numbers as in the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary, 'Team', 'ACROSS', '-', '/', 'unseen', 'words'), { maxLength: 14 }), (ws) => {
        const norm = normaliseText(ws.join(' '));
        expect(findCueHitsInWords(norm, normalWords(norm), cues)).toEqual(findCueHitsNormalised(norm, cues));
      }),
      { numRuns: 2000 },
    );
    let hits = 0;
    for (const s of bundled().statements) {
      const norm = normaliseText(s.text);
      const byText = findCueHitsNormalised(norm, scaleCues.cues);
      hits += byText.length;
      expect(findCueHitsInWords(norm, normalWords(norm), scaleCues.cues), s.text).toEqual(byText);
    }
    expect(hits).toBeGreaterThan(100);
  });
});

describe('normalWords(norm)', () => {
  it("gives each word of normalised text, in order, one number per distinct word", () => {
    const norm = normaliseText("The team's on-call rota, the TEAM");
    const w = normalWords(norm);
    expect(w.ids.length).toBe(norm.split(' ').length);
    expect(w.ids).toEqual(norm.split(' ').map((x) => normalWordNumber(x)));
    expect(w.ids[0]).toBe(w.ids[5]);
    expect(w.ids[1]).not.toBe(w.ids[0]);
    expect(normalWords('').ids.length).toBe(0);
  });
});
