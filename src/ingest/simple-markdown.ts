import { isPlainInline } from './markdown-parser.ts';

/**
 * The shapes of a line in the simplest Markdown: a page made only of blank lines, ATX headings (`## Craft`),
 * single-line bullets (`- I do a thing.`) and pipe tables (`| Area | Expectation |`, its delimiter row, rows of as
 * many cells), every line at the left margin and of plain text (no inline markup). Such a page has one reading in
 * CommonMark whatever the order of its lines — a heading is one line, a bullet line starts an item (a list goes on
 * over blank lines until a heading or another marker), a table starts after a blank line or a heading and goes on
 * to the next line that is not a row, nothing continues onto the next line — so its blocks can be built from the
 * lines directly, without the parser's tokens
 * (`MarkdownBlocks.readSimple`): the same blocks (tested against the parser on generated pages), at a fraction of
 * the cost on a long list or a page of many sections. Anything else, one line of it, and the page is parsed.
 *
 * HTML comments are in the subset too: a line starting `<!--` at the margin (after a blank line, a heading or a bullet)
 * opens a block that CommonMark ends at the first line holding `-->`, or at the end of the page when none does (an
 * unclosed comment: a whole 1 MB page after it, which the parser would only hand on as one raw block); its lines are
 * read as the parser's HTML block would give them (`MarkdownBlocks.html`), with no parse of the page around them.
 */
export const SimpleLine = { Blank: 0, Heading: 1, Bullet: 2, TableRow: 3, CommentStart: 4, InComment: 5 } as const;
export type SimpleLine = (typeof SimpleLine)[keyof typeof SimpleLine];

/** The simple page's lines: each line's shape and where its text starts (after `## ` or `- `). */
export interface SimpleLines {
  /** `shape | start << 3` per line: read with `shapeOf` and `textStart`. */
  lines: Uint8Array;
  /** Lines the parser counts: a last line without its newline counts unless it is blank. */
  lineMax: number;
}

export const shapeOf = (packed: number) => (packed & 7) as SimpleLine;
export const textStart = (packed: number): number => packed >> 3;

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Text the parser takes as it is: starts with a letter (so it opens no other block inside a list item: a digit
 * could be an ordered list, a mark a quote, fence, rule or HTML), ends with no space, tab or `#` (nothing trimmed
 * and no closing sequence of a heading), and holds no character an inline rule starts at.
 */
function plainText(line: string, from: number): boolean {
  if (from >= line.length || !isAsciiLetter(line.charCodeAt(from))) return false;
  const last = line.charCodeAt(line.length - 1);
  if (last === 32 || last === 9 || last === 35) return false;
  return isPlainInline(line.length === from ? '' : line.slice(from));
}

/**
 * The cells of a table row as the parser splits them: at every `|` (a row of plain text has no escaped one), the
 * empty piece before a leading and after a trailing pipe dropped, each cell trimmed.
 */
export function tableCells(line: string): string[] {
  const cells = line.trim().split('|');
  if (cells.length && cells[0] === '') cells.shift();
  if (cells.length && cells[cells.length - 1] === '') cells.pop();
  for (let i = 0; i < cells.length; i++) cells[i] = cells[i].trim();
  return cells;
}

/** `tableCells(line).length` (exported for its test) for a row starting with `|`, without splitting it. */
export function cellCount(line: string): number {
  const t = line.trimEnd();
  let n = 0;
  for (let at = t.indexOf('|', 1); at >= 0; at = t.indexOf('|', at + 1)) n++;
  // The pieces between pipes, the empty one before the leading pipe dropped, and the one after a trailing pipe.
  return t.length === 1 ? 0 : t.charCodeAt(t.length - 1) === 124 ? n : n + 1;
}

const DELIMITER_CELL = /^:?-+:?$/;

/** The number of columns a table's delimiter row (`|---|:--:|`) gives, as the parser counts them; -1 when it is not one. */
function delimiterColumns(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 124 && c !== 45 && c !== 58 && c !== 32 && c !== 9) return -1;
  }
  const pieces = line.split('|');
  let columns = 0;
  for (let i = 0; i < pieces.length; i++) {
    const t = pieces[i].trim();
    if (!t) {
      if (i === 0 || i === pieces.length - 1) continue;
      return -1;
    }
    if (!DELIMITER_CELL.test(t)) return -1;
    columns++;
  }
  return columns;
}

/** The shape of one line, with where its text starts; -1 for a line outside the simple subset. */
function classify(line: string): number {
  const c = line.charCodeAt(0);
  if (line.length === 0) return SimpleLine.Blank;
  // A table row: `|` at the margin and plain text (whether it is in a table is told by its neighbours).
  if (c === 124) return isPlainInline(line) ? SimpleLine.TableRow : -1;
  if (c === 45 || c === 42 || c === 43) {
    // `- `, `* ` or `+ ` and text.
    return line.charCodeAt(1) === 32 && plainText(line, 2) ? (2 << 3) | SimpleLine.Bullet : -1;
  }
  if (c === 35) {
    let n = 1;
    while (n < 7 && line.charCodeAt(n) === 35) n++;
    return n <= 6 && line.charCodeAt(n) === 32 && plainText(line, n + 1) ? ((n + 1) << 3) | SimpleLine.Heading : -1;
  }
  for (let i = 0; i < line.length; i++) {
    const s = line.charCodeAt(i);
    if (s !== 32 && s !== 9) return -1;
  }
  return SimpleLine.Blank;
}

/**
 * The shapes of `lines` (split as the parser splits them: at \n, \r\n or \r), when every one is blank, an ATX
 * heading or a bullet of plain text at the left margin; null otherwise, or when a line holds a NUL (which the
 * parser replaces). Stops at the first line outside the subset: a page that is not simple costs a look at its
 * first lines only.
 */
export function simpleLines(lines: string[]): SimpleLines | null {
  const n = lines.length;
  const packed = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const line = lines[i];
    const k = classify(line);
    if (k < 0 && line.startsWith('<!--')) {
      const end = commentEnd(lines, i, packed);
      if (end < 0) return null;
      i = end;
      continue;
    }
    if (k < 0 || (k !== SimpleLine.Blank && line.includes('\0'))) return null;
    packed[i] = k;
  }
  const lineMax = n > 0 && packed[n - 1] === SimpleLine.Blank ? n - 1 : n;
  return tablesRead(lines, packed, lineMax) ? { lines: packed, lineMax } : null;
}

const DETAILS_TAG = /<\/?details/i;

/**
 * The last line of the HTML comment block opening at `start` (the first line from it holding `-->`, else the parser's
 * last line: a blank last line, or the empty one after the final line end, is not one), its lines marked in `packed`; -1 where the block
 * is not read directly: after a table row (the table may take the line in), when the
 * first line holds a `|` (the parser tries a table there first), a line holds a NUL (the parser replaces it) or a
 * `<details>` tag (it would hold the blocks after it).
 */
function commentEnd(lines: string[], start: number, packed: Uint8Array): number {
  const before = start > 0 ? shapeOf(packed[start - 1]) : SimpleLine.Blank;
  if (before === SimpleLine.TableRow || lines[start].includes('|')) return -1;
  const last = lines.length > 0 && classify(lines[lines.length - 1]) === SimpleLine.Blank ? lines.length - 2 : lines.length - 1;
  let end = start;
  for (;;) {
    const line = lines[end];
    // (The tag's pattern only where the line holds a `<`: most lines of a long comment hold none.)
    if (line.includes('\0') || (line.includes('<') && DETAILS_TAG.test(line))) return -1;
    packed[end] = end === start ? SimpleLine.CommentStart : SimpleLine.InComment;
    if (line.includes('-->') || end >= last) return end;
    end++;
  }
}

/**
 * Whether every run of table rows is a table the parser reads as such, and nothing else: it starts the page or
 * follows a blank line or a heading (after a bullet it would continue the bullet's text), its second line is a
 * delimiter row of as many columns as its first, and every later row has that many cells (the parser pads or cuts
 * others, up to a limit). The run ends at a blank line, a heading or a bullet, as the table does.
 */
function tablesRead(lines: string[], packed: Uint8Array, lineMax: number): boolean {
  for (let i = 0; i < lineMax; i++) {
    if (packed[i] !== SimpleLine.TableRow) continue;
    const before = i > 0 ? shapeOf(packed[i - 1]) : SimpleLine.Blank;
    if (before !== SimpleLine.Blank && before !== SimpleLine.Heading) return false;
    const columns = cellCount(lines[i]);
    if (i + 1 >= lineMax || packed[i + 1] !== SimpleLine.TableRow || columns === 0 || delimiterColumns(lines[i + 1]) !== columns) return false;
    for (i += 2; i < lineMax && packed[i] === SimpleLine.TableRow; i++) if (cellCount(lines[i]) !== columns) return false;
  }
  return true;
}
