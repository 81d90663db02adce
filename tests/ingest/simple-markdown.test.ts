import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/ingest/draft.ts';
import { isPlainInline } from '../../src/ingest/markdown-parser.ts';
import { parsesToItself } from '../../src/ingest/normalise-text.ts';
import { readMarkdown } from '../../src/ingest/read-markdown.ts';
import { cellCount, SimpleLine, shapeOf, simpleLines, tableCells, textStart } from '../../src/ingest/simple-markdown.ts';
import { PATHOLOGICAL } from './pathological-inputs.ts';

/** Lines of the simple subset. */
const SIMPLE = ['| Area | Expectation |', '|---|---|', '| x | I do y. |', '- a', '- I do a thing.', '* b c', '+ x', '- a  b\tc', '- é', '- a\u00a0', '- TBD', '- {% x %}', '- a•', '- a | b', '# L3: Eng', '## Craft', '## a:', '###### Six', '# L4: Senior', '## Level 2', '', '   ', '\t'];
/** Lines just outside it, each of which CommonMark reads differently from its look-alike above (or could). */
const NEAR = ['####### seven', '#a', '# a #', '# ', '- ', '-a', '- 1. x', '- # x', '-  a', '  - a', '- a ', '- **b**', '|---|---|', 'para', 'x\u00a0', '---', '===', '<!-- c -->', '<!-- - a', '<details>', '</details>', '> - a', '  continued', '1. one', '[x]: /url', '- [x](y)', '```', '- a\\', '- a &amp; b'];

/** A pipe table's lines: a header of 1–3 cells, a delimiter row, rows — now and then one cell too many or too few. */
const CELLS = ['x', 'I do y.', '', ' ', 'a b', 'TBD', 'Area', '---', 'a\u00a0', 'L3', '**b**', 'a \\| b'];
const table = fc.integer({ min: 1, max: 3 }).chain((n) => {
  const row = (k: number) => fc.tuple(fc.array(fc.constantFrom(...CELLS), { minLength: k, maxLength: k }), fc.boolean(), fc.boolean())
    .map(([cells, lead, trail]) => `${lead ? '| ' : '|'}${cells.join(' | ')}${trail ? ' |' : ''}`);
  const width = fc.constantFrom(n, n, n, n, n + 1, Math.max(n - 1, 0));
  const delimiter = width.chain((k) => fc.array(fc.constantFrom('---', ':--', '--:', ':-:', ' --- ', '-'), { minLength: k, maxLength: k })).map((d) => `|${d.join('|')}|`);
  return fc.tuple(row(n), delimiter, fc.array(width.chain(row), { maxLength: 4 })).map(([head, delim, rows]) => [head, delim, ...rows]);
});
/** A page of blocks: headings, bullets, tables, blank lines, now and then a line outside the subset. */
const blockPage = fc.array(fc.oneof(
  { arbitrary: fc.constantFrom(['# L3: Eng'], ['## Craft'], ['- a', '- I do a thing.'], ['* b'], [''], ['', '']), weight: 6 },
  { arbitrary: table, weight: 3 },
  { arbitrary: fc.constantFrom(['para'], ['  - a'], ['- **b**']), weight: 1 },
), { minLength: 1, maxLength: 8 }).map((blocks) => blocks.flat().join('\n'));

/** A page of lines from `pool`, with \n or \r\n line ends, with or without a last line end, sometimes under front matter. */
const page = (pool: string[]) =>
  fc.tuple(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 14 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean())
    .map(([lines, end, last, front]) => `${front ? '---\ntitle: x\n---\n' : ''}${lines.join(end)}${last ? end : ''}`);

describe('simpleLines', () => {
  it('takes blank lines, headings and single-line bullets of plain text at the margin, with where their text starts', () => {
    const s = simpleLines(['## Craft', '', '- I do a thing.', '  ', '* b'])!;
    expect([...s.lines].map(shapeOf)).toEqual([SimpleLine.Heading, SimpleLine.Blank, SimpleLine.Bullet, SimpleLine.Blank, SimpleLine.Bullet]);
    expect([...s.lines].map(textStart)).toEqual([3, 0, 2, 0, 2]);
    expect(s.lineMax).toBe(5);
    expect(simpleLines(['- a', ''])!.lineMax).toBe(1);
    expect(simpleLines(['| Area | Expectation |', '|---|:--:|', '| x | I do y. |', '|  | z', '', '## Craft'])).not.toBeNull();
  });

  it('splits a row into cells as the parser does: pipes at the ends dropped, cells trimmed', () => {
    expect(tableCells('| x | I do y. |')).toEqual(['x', 'I do y.']);
    expect(tableCells('|  | z')).toEqual(['', 'z']);
    expect(tableCells('|')).toEqual([]);
  });

  it('counts a row\'s cells as tableCells splits them', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('|', 'x', ' ', '\t', '\u00a0', 'ab'), { maxLength: 8 }), (parts) => {
      const row = `|${parts.join('')}`;
      expect(cellCount(row), JSON.stringify(row)).toBe(tableCells(row).length);
    }), { numRuns: 2000 });
  });

  it('refuses a table the parser reads otherwise: after a bullet, without a delimiter row of as many columns, a row of more or fewer cells', () => {
    expect(simpleLines(['- a', '| x | y |', '|---|---|'])).toBeNull();
    expect(simpleLines(['| x | y |', '| a | b |'])).toBeNull();
    expect(simpleLines(['| x | y |', '|---|---|---|'])).toBeNull();
    expect(simpleLines(['| x | y |', '|---||---|'])).toBeNull();
    expect(simpleLines(['| x | y |', '|---|---|', '| a |'])).toBeNull();
    expect(simpleLines(['| x | y |'])).toBeNull();
  });

  it('refuses a page with any other line: markup, indentation, a number or mark after the bullet, a trailing space or #', () => {
    for (const line of NEAR.filter((l) => !l.startsWith('<!--'))) expect(simpleLines(['# L3: Eng', line]), JSON.stringify(line)).toBeNull();
    expect(simpleLines(['- a\u0000b'])).toBeNull();
  });

  it('takes an HTML comment at the margin to the line holding -->, or to the last line when none does', () => {
    const closed = simpleLines(['# L3: Eng', '<!-- a', '- b -->', '- c'])!;
    expect([...closed.lines].map(shapeOf)).toEqual([SimpleLine.Heading, SimpleLine.CommentStart, SimpleLine.InComment, SimpleLine.Bullet]);
    const open = simpleLines(['- a', '<!-- - b', '- c', ''])!;
    expect([...open.lines].map(shapeOf)).toEqual([SimpleLine.Bullet, SimpleLine.CommentStart, SimpleLine.InComment, SimpleLine.Blank]);
    expect(open.lineMax).toBe(3);
    expect([...simpleLines(['<!-- a -->', '<!-- b -->'])!.lines].map(shapeOf)).toEqual([SimpleLine.CommentStart, SimpleLine.CommentStart]);
  });

  it('leaves a comment to the parser where something else may take it: after a table row, with a pipe, a NUL or a <details> tag', () => {
    expect(simpleLines(['| x | y |', '|---|---|', '<!-- c -->'])).toBeNull();
    expect(simpleLines(['<!-- a | b', '|---|---|'])).toBeNull();
    expect(simpleLines(['<!-- a', 'b\u0000 -->'])).toBeNull();
    expect(simpleLines(['<!-- a', '<details>', '-->'])).toBeNull();
    expect(simpleLines(['  <!-- a -->'])).toBeNull();
  });
});

/** Lines around and inside HTML comments: openings, closings, Markdown and tags inside, look-alikes at the margin. */
const COMMENT = ['<!-- c -->', '<!-- - a', '<!--', '<!---->', '<!-->', '<!-- a --> b', '-->', 'x -->', '- a -->', '- a', '- I do a thing.', '## Craft', '# L3: Eng', '', '  ', '\t- a', '  - b', 'para', '<b>x</b>', '<summary>S</summary>', '| x | y |', '|---|---|', '```', '> q', '<!-- a | b', '<!-- <details>', '</details>', '- **b**', '1. one'];

/** A page of simple blocks and HTML comments (an opening line, any lines, now and then a closing one). */
const commentPage = fc.tuple(
  fc.array(fc.oneof(
    { arbitrary: fc.constantFrom(['- a'], ['- I do a thing.', '- b'], ['## Craft'], [''], ['# L3: Eng'], ['| x | y |', '|---|---|', '| a | b |']), weight: 3 },
    {
      arbitrary: fc.oneof(
        fc.constantFrom(['<!-- c -->'], ['<!---->'], ['<!-->'], ['<!-- a --> b'], ['<!-- a | b -->'], ['<!-- <details> -->']),
        fc.tuple(
          fc.constantFrom('<!-- - a', '<!--', '<!-- x', '<!-- a | b'),
          fc.array(fc.constantFrom('- a', 'x', '  - b', '\t- a', '', '  ', '<b>x</b>', '<summary>S</summary>', '```', '> q', 'para', '- **b**', '1. one', '## Craft', '| x | y |', '</details>'), { maxLength: 4 }),
          fc.option(fc.constantFrom('-->', 'x -->', '- a -->', '--> tail', '  -->'), { nil: undefined }),
        ).map(([open, inner, close]) => [open, ...inner, ...(close === undefined ? [] : [close])]),
      ),
      weight: 2,
    },
  ), { minLength: 1, maxLength: 6 }),
  fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean(),
).map(([blocks, end, last, front]) => `${front ? '---\ntitle: x\n---\n' : ''}${blocks.flat().join(end)}${last ? end : ''}`);

describe('readMarkdown on a simple page', () => {
  it('gives the blocks the parser gives for pages with HTML comments, closed or not, and whatever they hold', () => {
    let direct = 0;
    fc.assert(fc.property(commentPage, (text) => {
      if (simpleLines(splitLines(text).map((l) => (l === '---' || l === 'title: x' ? '' : l)))?.lines.some((p) => shapeOf(p) === SimpleLine.CommentStart)) direct++;
      expect(readMarkdown(text)).toEqual(readMarkdown(text, undefined, false));
    }), { numRuns: 2500, seed: 20261129 });
    // (A fixed seed: the count below is of random pages, and must not fail on an unlucky draw.)
    // About three pages in ten take the direct path with a comment (the rest are left to the parser, which is what
    // the others test): fewer would compare the parser with itself.
    expect(direct).toBeGreaterThan(600);
    fc.assert(fc.property(page(COMMENT), (text) => {
      expect(readMarkdown(text)).toEqual(readMarkdown(text, undefined, false));
    }), { numRuns: 800 });
  });

  it('gives the blocks the parser gives, for pages of simple lines', () => {
    fc.assert(fc.property(page(SIMPLE), (text) => {
      expect(readMarkdown(text)).toEqual(readMarkdown(text, undefined, false));
    }), { numRuns: 800 });
  });

  it('gives the blocks the parser gives for pages of headings, bullets and tables (valid or not), blank lines between or not', () => {
    fc.assert(fc.property(blockPage, fc.boolean(), (text, end) => {
      const page = end ? `${text}\n` : text;
      expect(readMarkdown(page)).toEqual(readMarkdown(page, undefined, false));
    }), { numRuns: 800 });
  });

  it('gives the blocks the parser gives when other lines are mixed in (the page, or a run in an HTML block, parsed)', () => {
    fc.assert(fc.property(page([...SIMPLE, ...NEAR]), (text) => {
      expect(readMarkdown(text)).toEqual(readMarkdown(text, undefined, false));
    }), { numRuns: 800 });
  });

  it('reads a line of emphasis markers that can only open, or brackets that never close, as the parser does, without it', () => {
    let quick = 0;
    const piece = fc.constantFrom('**a ', '_a ', '*', '__', '**', 'a', 'b', ' ', '  ', '\t', '[', '![', ']', '(x)', '\u200b', '\u00a0', 'é', 'a*', 'a_', '*a', '`', '\\', '&amp;', '<b>', '~', ':', '.');
    const line = fc.array(piece, { minLength: 1, maxLength: 12 }).map((p) => p.join(''));
    const start = fc.constantFrom('- ', '', '| x | ', '> ', '1. ', '# ');
    fc.assert(fc.property(fc.array(fc.tuple(start, line), { minLength: 1, maxLength: 4 }), (rows) => {
      for (const [, l] of rows) if (!isPlainInline(l.trim()) && parsesToItself(l.trim())) quick++;
      const text = `# L3: Eng\n## Craft\n${rows.map(([s, l]) => s + l).join('\n')}\n`;
      expect(readMarkdown(text)).toEqual(readMarkdown(text, undefined, false));
    }), { numRuns: 3000, seed: 20261129 });
    // Enough lines can take the quick way (about 500 of the 3,000 pages' lines) that the test does not compare the
    // parser with itself. The bound sits well under that (it was 500, and unseeded draws gave 481 and 498), and the seed is fixed.
    expect(quick).toBeGreaterThan(300);
  });

  it('reads the generated long pages directly, to the same blocks (a list of a thousand items, sections, level pages, table rows, bullets in an unclosed comment)', () => {
    for (const name of ['a long list', 'section headings', 'many level pages in one file', 'table rows', 'unclosed comment']) {
      const text = PATHOLOGICAL[name](16000).text;
      expect(simpleLines(splitLines(text)), name).not.toBeNull();
      expect(readMarkdown(text), name).toEqual(readMarkdown(text, undefined, false));
    }
  });
});
