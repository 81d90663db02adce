import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileCues } from '../../src/taxonomy/compile-cues.ts';
import { parseLabelledSet } from '../../src/taxonomy/labelled-set.ts';
import { compilePhrases, matchPhrases } from '../../src/taxonomy/match-phrases.ts';
import { splitText, stemNumber } from '../../src/text/index.ts';
import { fixturePath, taxonomy } from './helpers.ts';

const texts = parseLabelledSet(readFileSync(fixturePath('labelled-statements.csv'), 'utf8')).map((r) => r.text);

describe('matchPhrases(tokens, index, numbers)', () => {
  it('finds the same phrases with the stems numbered as by name, overlaps resolved alike', () => {
    const cues = compileCues(taxonomy);
    let found = 0;
    for (const text of [...texts, 'code review of the code review process; on-call on call on-call rotation']) {
      const { stems, ids } = splitText(text);
      expect(ids).toHaveLength(stems.length);
      const byName = matchPhrases(stems, cues);
      expect(matchPhrases(stems, cues, ids)).toEqual(byName);
      found += byName.length;
    }
    expect(found).toBeGreaterThan(100);
  });

  it('resolves overlaps as the rule says: longer matches claim their words first, equal lengths coexist', () => {
    /** The rule written plainly: every match, then by length, longest first, those touching no claimed word. */
    const plainly = (tokens: string[], phrases: { stems: string[]; value: number }[]) => {
      const all: { start: number; length: number; value: number }[] = [];
      for (let start = 0; start < tokens.length; start++)
        for (const p of phrases) if (p.stems[0] === tokens[start] && p.stems.every((w, k) => tokens[start + k] === w)) all.push({ start, length: p.stems.length, value: p.value });
      const claimed = new Set<number>();
      const kept: typeof all = [];
      for (const length of [...new Set(all.map((m) => m.length))].sort((a, b) => b - a)) {
        const group = all.filter((m) => m.length === length && !Array.from({ length }, (_, k) => m.start + k).some((k) => claimed.has(k)));
        for (const m of group) for (let k = 0; k < length; k++) claimed.add(m.start + k);
        kept.push(...group);
      }
      return kept.sort((a, b) => a.start - b.start || b.length - a.length);
    };
    const phrases = ['a', 'a b', 'b c', 'a b c', 'c', 'c a', 'b b', 'd a b'].map((p, value) => ({ phrase: p, value }));
    const index = compilePhrases(phrases);
    const stems = [...index.values()].flat();
    let overlapping = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 16 }), (tokens) => {
        const expected = plainly(tokens, stems);
        const found = matchPhrases(tokens, index);
        expect(found).toEqual(expected);
        if (found.length > 1 && found.some((m, i) => i > 0 && m.start < found[i - 1].start + found[i - 1].length)) overlapping++;
      }),
      { numRuns: 1500 },
    );
    // equal-length matches that overlap were kept together in some draws
    expect(overlapping).toBeGreaterThan(25);
  });

  it('reads a stem past the numbers (-1) by name', () => {
    const index = compilePhrases([{ phrase: 'threat model', value: 1 }]);
    const stems = ['build', 'threat', 'model'];
    expect(matchPhrases(stems, index, [stemNumber('build'), -1, stemNumber('model')])).toEqual([{ start: 1, length: 2, value: 1 }]);
  });
});
