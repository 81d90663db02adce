import Papa from 'papaparse';

export interface Row {
  /** 1-based line where the row starts. */
  line: number;
  /** Last line of the row (quoted cells can span lines). */
  endLine: number;
  cells: string[];
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const SEPARATOR_CELL = /^:?-{3,}:?$/;

/** True for a Markdown pipe-table row (`| a | b |`). */
export const isPipeRow = (line: string) => PIPE_ROW.test(line);
/** True for a Markdown pipe-table separator (`|---|:--:|`). */
export function isPipeSeparator(line: string): boolean {
  // Cell by cell: one pattern over the whole line split runs of spaces every way (quadratic).
  const t = line.trim();
  if (!t.includes('-')) return false;
  const inner = t.slice(t.startsWith('|') ? 1 : 0, t.endsWith('|') && t.length > 1 ? -1 : undefined);
  return inner.split('|').every((c) => SEPARATOR_CELL.test(c.trim()));
}

/** Which of tab, comma, semicolon or pipe splits `line` into the most cells. */
export function guessDelimiter(line: string): string {
  if (isPipeRow(line)) return '|';
  const cells = plainLine(line) ? (d: string) => line.split(d).length : (d: string) => Papa.parse<string[]>(line, { delimiter: d }).data[0]?.length ?? 0;
  const counts = ['\t', ',', ';', '|'].map((d) => [d, cells(d)] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

/**
 * A non-empty line without quotes or line breaks: papaparse splits it at every delimiter (its own fast path),
 * so `split` gives the same cells without a parser per delimiter. The shape is guessed from lines of every
 * file, Markdown pages included, and a prose line with two commas took four parses.
 */
function plainLine(line: string): boolean {
  return line.length > 0 && !line.includes('"') && !line.includes('\n') && !line.includes('\r');
}

/** The cells of one line, quotes honoured (`"company","level"` gives `company`, `level`). */
export function splitCells(line: string, delimiter: string): string[] {
  // papaparse drops a leading byte-order mark; a line without one and without quotes it splits as `split` does.
  if (plainLine(line) && line.charCodeAt(0) !== 0xfeff) return line.split(delimiter);
  return Papa.parse<string[]>(line, { delimiter }).data[0] ?? [];
}

/** Parses delimited text with papaparse, keeping the line span of every row. Blank rows are dropped. */
export function delimitedRows(text: string, delimiter: string, firstLine = 1): { rows: Row[]; errors: { line: number; message: string }[] } {
  if (delimiter === '|') return pipeRows(text, firstLine);
  if (plainRows(text, delimiter)) return splitRows(text, delimiter, firstLine);
  return parsedRows(text, delimiter, firstLine);
}

/**
 * Text papaparse reads by splitting (its "fast mode"): no quote, so every line is a row cut at every delimiter;
 * no carriage return, so lines end at `\n` (the line break papaparse guesses then); no byte-order mark, which
 * papaparse drops, moving its offsets.
 */
function plainRows(text: string, delimiter: string): boolean {
  return (delimiter === '\t' || delimiter === ',' || delimiter === ';') && text.charCodeAt(0) !== 0xfeff && !text.includes('"') && !text.includes('\r');
}

/**
 * `parsedRows` of `plainRows` text without papaparse: a row per line, split at the delimiter, on the line it is
 * (a 1 MB grid of many rows spent a tenth of its reading in the parser's results objects, one per row).
 */
function splitRows(text: string, delimiter: string, firstLine: number): { rows: Row[]; errors: { line: number; message: string }[] } {
  const rows: Row[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const cells = lines[i].split(delimiter);
    if (blankCells(cells)) continue;
    rows.push({ line: firstLine + i, endLine: firstLine + i, cells });
  }
  return { rows, errors: [] };
}

/** Every cell empty or white space: a row the readers drop. */
function blankCells(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i].trim() !== '') return false;
  return true;
}

/** `delimitedRows` by papaparse, for any text (exported to check `splitRows` against it). */
export function parsedRows(text: string, delimiter: string, firstLine = 1): { rows: Row[]; errors: { line: number; message: string }[] } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + firstLine;
  };
  const rows: Row[] = [];
  const errors: { line: number; message: string }[] = [];
  let prev = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    step: (r) => {
      let start = prev;
      while (text[start] === '\r' || text[start] === '\n') start++;
      const end = Math.max(start, r.meta.cursor - 1);
      prev = r.meta.cursor;
      for (const e of r.errors) errors.push({ line: lineOf(start), message: e.message });
      if (r.data.length === 1 && r.data[0].trim() === '') return;
      if (r.data.every((c) => c.trim() === '')) return;
      rows.push({ line: lineOf(start), endLine: lineOf(end), cells: r.data });
    },
  });
  return { rows, errors };
}

/** Markdown pipe tables: outer pipes dropped, `\|` kept as a literal pipe, quotes literal, separators skipped. */
function pipeRows(text: string, firstLine: number): { rows: Row[]; errors: { line: number; message: string }[] } {
  const rows: Row[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (!line.trim() || isPipeSeparator(line)) return;
    const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
    const cells = inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').replace(/<br\s*\/?>/gi, '  ').trim());
    rows.push({ line: firstLine + i, endLine: firstLine + i, cells });
  });
  return { rows, errors: [] };
}
