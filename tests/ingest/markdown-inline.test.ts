import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, inlineLines, parsedText, plainTextLines } from '../../src/ingest/markdown-inline.ts';
import { isPlainLines, md } from '../../src/ingest/markdown-parser.ts';
import { normaliseSpace, parsesToItself } from '../../src/ingest/normalise-text.ts';

/** Source lines of varied indentation, for the lines' `indent`. */
const SOURCE = Array.from({ length: 40 }, (_, k) => `${' '.repeat(k % 5)}x`);

describe('plainTextLines', () => {
  it('gives the lines the inline parser gives for text of several lines without markup (spaces, tabs, NBSP, zero-width spaces, punctuation around the breaks)', () => {
    const piece = fc.constantFrom('a', 'b', ' ', '  ', '\t', '\u00a0', '\n', '\n', ':', '-', '#', '.', '•', '|', '=', '+', '>', '$', '{', '}', '"', 'é', '\u200b', '1.', ')', ']');
    const content = fc.array(piece, { minLength: 1, maxLength: 24 }).map((p) => p.join('').replace(/^[ \t]+|[ \t]+$/g, ''))
      .filter((c) => c.includes('\n') && isPlainLines(c));
    fc.assert(fc.property(content, (c) => {
      expect(plainTextLines(c, 3, SOURCE)).toEqual(inlineLines(md.parseInline(c, {})[0].children, 3, SOURCE));
    }), { numRuns: 2000 });
  });

  it('reads each line on its own source line, without the spaces around the breaks, and skips a line left empty', () => {
    expect(plainTextLines('I do a  \n   thing\n\u00a0\nwell.', 2, SOURCE)).toEqual([
      { text: 'I do a', line: 2, indent: 1 },
      { text: 'thing', line: 3, indent: 2 },
      { text: 'well.', line: 5, indent: 4 },
    ]);
  });

  it('is asked only for text with no markup but its breaks', () => {
    expect(isPlainLines('a\nb: c')).toBe(true);
    for (const c of ['a\n*b*', 'a\\\nb', 'a\n`b`', 'a\n[b]', 'a\n<b>', 'a &amp;\nb', 'a_b\nc', '![a]\nb']) expect(isPlainLines(c), c).toBe(false);
  });
});

describe('cleanText without the parser for text that parses to itself', () => {
  const PIECES = ['a', 'b.', ' ', '  ', '*', '**', '_', '__', '[', '!', '![', ']', '](x)', '(', ')', '`', '\\', '&amp;', '<b>', '~', '~~', 'é', '\t', '\u00a0', '-', '#', ':', '“', '.'];

  it('gives what the parser gives on random markup, and takes the short way on a good share of it', () => {
    let short = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 14 }), (pieces) => {
      const text = pieces.join('');
      const line = normaliseSpace(text);
      expect(cleanText(text)).toBe(parsedText(line));
      if (/[*_[!]/.test(line) && parsesToItself(line)) short++;
    }), { numRuns: 3000, seed: 20261129 });
    expect(short).toBeGreaterThan(200);
  });

  it('sends emphasis that can close and brackets that can end a link to the parser', () => {
    expect(parsesToItself('**a **b')).toBe(true);
    expect(parsesToItself('[a [b !c')).toBe(true);
    for (const t of ['**a**', 'a_b', '[a] b', 'a*', '“*a*”', 'a\\*', '`a`', '&amp;', '<b>', '~~a~~']) expect(parsesToItself(t), t).toBe(false);
    expect(cleanText('**a**')).toBe('a');
    expect(cleanText('**a **b')).toBe('**a **b');
  });
});
