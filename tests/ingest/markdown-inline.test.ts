import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineLines, plainTextLines } from '../../src/ingest/markdown-inline.ts';
import { isPlainLines, md } from '../../src/ingest/markdown-parser.ts';

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
