import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keepRowWords, rowWords, slug, splitText, stem, tokenise, words } from '../../src/text/index.ts';
import { asciiWords } from '../../src/text/tokenise.ts';

describe('stem(word)', () => {
  it('follows Porter on the classic examples', () => {
    const cases: [string, string][] = [
      ['caresses', 'caress'], ['ponies', 'poni'], ['relational', 'relat'], ['conditional', 'condit'],
      ['hopefulness', 'hope'], ['adjustment', 'adjust'], ['adoption', 'adopt'], ['controll', 'control'],
      ['generalizations', 'gener'], ['agreed', 'agre'], ['happy', 'happi'], ['sky', 'sky'],
    ];
    for (const [word, expected] of cases) expect(stem(word), word).toBe(expected);
  });

  it('brings inflections of one word family together', () => {
    expect(new Set(['mentor', 'mentors', 'mentoring', 'mentored'].map(stem)).size).toBe(1);
    expect(new Set(['vulnerability', 'vulnerabilities', 'vulnerable'].map(stem)).size).toBe(1);
    expect(new Set(['interview', 'interviews', 'interviewing', 'interviewed'].map(stem)).size).toBe(1);
  });

  it('keeps apart families Porter would merge with unrelated words', () => {
    expect(stem('experience')).not.toBe(stem('experiment'));
    expect(stem('decisive')).not.toBe(stem('decision'));
    expect(stem('production')).not.toBe(stem('product'));
    expect(stem('productivity')).not.toBe(stem('product'));
    expect(stem('community')).not.toBe(stem('communication'));
    expect(stem('internals')).not.toBe(stem('interns'));
  });

  it('leaves short words, numbers and non-letters alone', () => {
    expect(stem('is')).toBe('is');
    expect(stem('10')).toBe('10');
  });
});

describe('tokenise(text)', () => {
  it('lower-cases, splits hyphens and slashes, drops possessive s and reads British -isation as -ization', () => {
    expect(tokenise("On-call for the team’s Organisation/RBAC")).toEqual(['on', 'call', 'for', 'the', 'team', 'organ', 'rbac']);
    expect(tokenise('organisation')).toEqual(tokenise('organization'));
  });

  it('keeps letters outside ASCII inside their word (the stemmer leaves such words alone)', () => {
    expect(words('Café owners’ naïve Straße, 10x')).toEqual(['café', 'owners', 'naïve', 'straße', '10x']);
    expect(tokenise('the café’s menus')).toEqual(['the', 'café', 'menu']);
  });
});

describe('slug(name)', () => {
  it('lower-cases, drops accents and joins words with one hyphen', () => {
    expect(slug('Crème Brûlée Ltd.')).toBe('creme-brulee-ltd');
    expect(slug('  Octopus Deploy ')).toBe('octopus-deploy');
    expect(slug('東京 Labs')).toBe('東京-labs');
    expect(slug('—')).toBe('');
  });
});

describe('words(text) on plain ASCII', () => {
  it('gives the same words as the Unicode path', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aB z9\'`sS-/._,:;!?\t\n'.split('')), maxLength: 40 }), (s) => {
        expect(['é', ...words(s)]).toEqual(words(`é ${s}`));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('rowWords(row)', () => {
  it('gives the words and stems of the row text, split once and kept with the row', () => {
    const row = { text: "Mentors the team's interns on-call" };
    const w = rowWords(row);
    expect(w.words).toEqual(words(row.text));
    expect(w.stems).toEqual(tokenise(row.text));
    expect(rowWords(row)).toBe(w);
    const other = { text: row.text };
    keepRowWords(other, splitText('something else'));
    expect(rowWords(other).words).toEqual(['something', 'else']);
  });
});

describe('asciiWords(text)', () => {
  const byExpressions = (text: string) => text.toLowerCase().replace(/['`]s(?![a-z0-9])/g, '').split(/[^a-z0-9]+/).filter(Boolean);

  it('reads a possessive s after either quote, in either case, and nowhere else', () => {
    expect(asciiWords("The team's and TEAM'S `s s's x's9 it's'")).toEqual(['the', 'team', 'and', 'team', 's', 'x', 's9', 'it']);
    expect(asciiWords('')).toEqual([]);
    expect(asciiWords('café')).toBeNull();
  });

  it('gives the words of the expressions it replaces on random ASCII text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aBsSz09 \'`-/._,:;!?\t\n~'.split('')), maxLength: 60 }), (s) => {
        expect(asciiWords(s)).toEqual(byExpressions(s));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 80 }), (s) => {
        expect(asciiWords(s)).toEqual(byExpressions(s));
      }),
      { numRuns: 3000 },
    );
  });
});
