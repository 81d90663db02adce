import { describe, expect, it } from 'vitest';
import { normaliseText, normalWordNumber, rowNormalText, rowNormalWordCount, rowNormalWords } from '../../src/analyses/text.ts';
import { seedAnalysis } from './seed-analysis.ts';

/** The normalisation written as its rules, one pass per rule: what the one-pass version must equal. */
const byRules = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\-\u2010-\u2015/_]+/g, ' ')
    .replace(/[^\p{L}\p{N}'+ ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('normaliseText', () => {
  it('lower-cases, keeps letters, digits, apostrophes and plus signs, and makes every other run one space', () => {
    expect(normaliseText('  Leads “Multi-team” work — C++/Go; owner’s  call\t(2–3 teams)\u00a0\u2028ok ')).toBe("leads multi team work c++ go owner's call 2 3 teams ok");
    expect(normaliseText('Ça m’a plu: 𝐁old 東京')).toBe("ça m'a plu 𝐁old 東京");
  });

  it('equals the rule-by-rule normalisation on every seed statement and on random text of every kind of character', () => {
    for (const s of seedAnalysis().statements) expect(normaliseText(s.text)).toBe(byRules(s.text));
    const pool = ['a', 'Z', '9', ' ', '\t', '\n', '-', '\u2013', '\u2015', '/', '_', "'", '\u2019', '\u02bc', '"', '\u201c', '+', '.', ',', '(', 'é', 'Ω', '\u00a0', '\u2028', '\u{1d401}', '\ud800', '東', '٣', '!', '&'];
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) % pool.length);
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: 1 + (n % 40) }, () => pool[next()]).join('');
      expect(normaliseText(text)).toBe(byRules(text));
    }
  });

  it('is worked out once per row object, not once per text', () => {
    const a = { text: 'Owns the roadmap' };
    const b = { text: 'Owns the roadmap' };
    expect(rowNormalText(a)).toBe('owns the roadmap');
    expect(rowNormalText(b)).toBe('owns the roadmap');
    a.text = 'changed'; // rows are not changed in the pipeline; the memo is per object, so it shows the first reading
    expect(rowNormalText(a)).toBe('owns the roadmap');
  });

  it('gives the same text when asked again, spelled out from the words kept (their numbers), and their count', () => {
    const rows = [...seedAnalysis().statements.map((s) => ({ text: s.text })), { text: '' }, { text: ' -- ' }, { text: 'One' }, { text: 'Ça m’a plu: 𝐁old 東京' }];
    for (const r of rows) {
      const norm = normaliseText(r.text);
      expect(rowNormalText(r)).toBe(norm);
      expect(rowNormalText(r)).toBe(norm);
      expect(rowNormalWordCount(r)).toBe(norm ? norm.split(' ').length : 0);
    }
    // words past the numbers' bound have no number: such a row's text is kept as it was
    for (let i = 0; normalWordNumber(`filler${i}`) >= 0; i++);
    const late = { text: 'Unseen-word zzqx, then "owns the roadmap"' };
    expect(rowNormalText(late)).toBe(normaliseText(late.text));
    expect(rowNormalWords(late).ids).toContain(-1);
    expect(rowNormalText(late)).toBe(normaliseText(late.text));
  });
});
