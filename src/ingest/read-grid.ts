import type { Diagnostic, Flag } from '../types.ts';
import { type Row, delimitedRows, guessDelimiter, isPipeSeparator } from './delimited-rows.ts';
import { type DraftLevel, type DraftStatement, type ReadResult, splitLines } from './draft.ts';
import { LineMarks, NOT_READ } from './line-marks.ts';
import { type IngestRules, isNote, isPlaceholder } from './ingest-rules.ts';
import { type LevelLabel, parseLevelCell } from './level-label.ts';
import { cleanText } from './markdown-inline.ts';
import { isExternalReference, sectionName } from './normalise-text.ts';
import { repairMojibake } from './repair-mojibake.ts';
import { splitSentences } from './split-sentences.ts';

/** Index of the grid's header line: the first line the delimiter splits into 3+ cells. */
export function findHeaderLine(lines: string[]): number {
  return lines.findIndex((l) => guessCells(l) >= 3);
}

/** A line starting with `#` (a comment or a Markdown heading), and a line holding two delimiters. */
const HASH_LINE = /^\s*#/;
const TWO_DELIMITERS = /[\t,;|][^\t,;|]*[\t,;|]/;

/**
 * How many cells a line splits into by its delimiter, 0 for a line of fewer than three. (The patterns are constants:
 * a pattern literal here made a new RegExp object for every line of every file, `detectShape` asking of them all.)
 */
function guessCells(line: string): number {
  if (HASH_LINE.test(line) || !TWO_DELIMITERS.test(line)) return 0;
  // Pieces counted, not split out: every line of a 1 MB table is asked about until one has three cells.
  const tabs = count(line, 9, 0, line.length) + 1;
  if (tabs >= 3) return tabs;
  const d = guessDelimiter(line);
  return d === '|' ? pipeCells(line) : count(line, d.charCodeAt(0), 0, line.length) + 1;
}

/** How many times the code unit `c` occurs in `text` from `from` to `to`. */
function count(text: string, c: number, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === c) n++;
  return n;
}

/** The cells of a pipe row, `line.trim().replace(/^\||\|$/g, '').split('|').length`, counted without the strings. */
export function pipeCells(line: string): number {
  const t = line.trim();
  const from = t.charCodeAt(0) === 124 ? 1 : 0;
  const to = t.length > from && t.charCodeAt(t.length - 1) === 124 ? t.length - 1 : t.length;
  return count(t, 124, from, to) + 1;
}

export type Orientation = 'levels-as-rows' | 'levels-as-columns';

/** A column (or row) that names each level's job title rather than an expectation. */
const TITLE_HEADER = /^(job |level |role |position )?(title|name)s?$|^role$/i;

/** Which axis holds the levels: the first column or the header row (null: neither looks like level labels). */
export function orientation(header: string[], rows: Row[], levelCell: (cell: string) => LevelLabel | null = parseLevelCell): Orientation | null {
  const share = (xs: string[]) => xs.filter((x) => levelCell(x)).length / Math.max(1, xs.length);
  const rowLabels = rows.map((r) => r.cells[0] ?? '').filter((c) => c.trim());
  const colLabels = header.slice(1).filter((c) => c.trim());
  const rowShare = share(rowLabels);
  const colShare = share(colLabels);
  if (rowShare >= 0.6 && rowShare >= colShare) return 'levels-as-rows';
  if (colShare >= 0.6) return 'levels-as-columns';
  const corner = header[0].toLowerCase();
  const [rowsName] = corner.split(/[\\/]/);
  if (/level|grade|band|title|role|rank/.test(rowsName)) return 'levels-as-rows';
  if (/skill|competenc|area|dimension|attribute|pillar|category|trait/.test(rowsName)) return 'levels-as-columns';
  return null;
}

/**
 * `parseLevelCell`, remembering each cell's answer: a grid of many rows names the same few levels on each (65,536
 * rows of `L1` parsed each label twice, once to tell the axis and once for the level). The answer is only read.
 */
function levelCells(): (cell: string) => LevelLabel | null {
  const seen = new Map<string, LevelLabel | null>();
  return (cell) => {
    let parsed = seen.get(cell);
    if (parsed === undefined) seen.set(cell, (parsed = parseLevelCell(cell)));
    return parsed;
  };
}

function levelOf(cell: string, levelCell: (cell: string) => LevelLabel | null): { label: string; number: number | null; title: string } {
  const t = cleanText(cell);
  const parsed: LevelLabel | null = levelCell(t);
  if (!parsed) return { label: t, number: null, title: t };
  const title = parsed.label === t ? t : parsed.rest || (/^\d/.test(parsed.label) ? `Level ${parsed.label}` : parsed.label);
  return { label: parsed.label === t || /^\d/.test(parsed.label) ? parsed.label : parsed.label, number: parsed.number, title };
}

/** A sentence of a cell as the grid reads it: its clean text, kind and flags (copied for each statement made from it). */
interface CellSentence {
  text: string;
  kind: DraftStatement['kind'];
  flags: Flag[];
}

/** Cells remembered by a reader of one grid; past this many, cells are read without being remembered. */
const MAX_REMEMBERED_CELLS = 1 << 16;

/**
 * A non-blank cell's sentences, remembering each cell's reading: a grid repeats cells ("-", "N/A", a phrase down a
 * column) and a grid of many rows is almost nothing else (65,536 rows of `L1,I do a.,Team` cleaned, split and
 * matched against the rules' patterns each time). The reading depends on the cell's text alone.
 */
function cellReader(rules: IngestRules): (raw: string) => CellSentence[] {
  const seen = new Map<string, CellSentence[]>();
  return (raw) => {
    let readings = seen.get(raw);
    if (readings) return readings;
    const repaired = repairMojibake(raw);
    const sentences = splitSentences(repaired.text);
    readings = sentences.map((s, k) => {
      const t = cleanText(s);
      const flags: Flag[] = [];
      if (repaired.repaired) flags.push('mojibake-repaired');
      if ((k === 0 && /^[\p{Ll}]/u.test(t)) || (k === sentences.length - 1 && /(\w-|…|\.\.\.)$/u.test(t))) flags.push('truncated');
      if (isExternalReference(s)) flags.push('external-reference');
      let kind: DraftStatement['kind'] = 'expectation';
      if (isPlaceholder(t, rules)) {
        kind = 'placeholder';
        flags.push('placeholder');
      } else if (isNote(t, rules)) kind = 'note';
      return { text: t, kind, flags };
    });
    if (seen.size < MAX_REMEMBERED_CELLS) seen.set(raw, readings);
    return readings;
  };
}

/**
 * A statement's part within its line: the column (`3`, an empty cell) or column and sentence (`3.1`); one string
 * for each of the first columns and sentences, made once, not once a statement.
 */
const partNames: string[][] = [];
function partName(column: number, sentence: number): string {
  if (column >= 256 || sentence >= 63) return sentence < 0 ? `${column}` : `${column}.${sentence + 1}`;
  const byColumn = (partNames[column] ??= []);
  return (byColumn[sentence + 1] ??= sentence < 0 ? `${column}` : `${column}.${sentence + 1}`);
}

/**
 * What the grid reader consumes, from a text file or a spreadsheet: the source lines (to account for
 * each), the header row and the rows after it.
 */
export interface GridSource {
  /** One entry per source line (a text line, a sheet row); blank ones need no account. */
  lines: string[];
  /** The header row, then the data rows, with their line spans. */
  rows: Row[];
  /** A title found above the header (a `## heading`, a lone cell): the track or document name. */
  title?: { text: string; line: number };
  /** Parse problems, by line. */
  errors: { line: number; message: string }[];
  /** Lines that are table furniture (Markdown pipe separators). */
  furniture?: number[];
  /** The delimiter, for messages; absent for a spreadsheet. */
  delimiter?: string;
  /** A spreadsheet's cell names (`Skills!C4`) by line and column; its rows are never ragged. */
  cellName?: (line: number, column: number) => string;
}

/**
 * Reads a level × skill grid (TSV, CSV, semicolon or pipe separated), with levels as rows or as
 * columns. Each cell becomes one statement per sentence; an empty cell becomes a placeholder record so
 * gap reports can count it; a cell cut at either end is flagged `truncated`, never completed.
 */
export function readGrid(file: string, text: string, rules: IngestRules, lines: string[] = splitLines(text)): ReadResult {
  const h = findHeaderLine(lines);
  let title: GridSource['title'];
  for (let i = 0; i < Math.max(h, 0) && !title; i++) {
    const heading = /^\s*#{1,6}\s+(.*)$/.exec(lines[i]);
    if (heading) title = { text: heading[1], line: i + 1 };
  }
  if (h < 0) return readGridSource(file, { lines, rows: [], errors: [], title }, rules);
  const delimiter = lines[h].split('\t').length >= 3 ? '\t' : guessDelimiter(lines[h]);
  const { rows, errors } = delimitedRows(lines.slice(h).join('\n'), delimiter, h + 1);
  const furniture = delimiter === '|' ? lines.flatMap((l, i) => (i >= h && isPipeSeparator(l) ? [i + 1] : [])) : [];
  return readGridSource(file, { lines, rows, errors, title, furniture, delimiter }, rules);
}

/** The grid reader proper, on rows from any source (a text grid, a sheet of a workbook). */
export function readGridSource(file: string, src: GridSource, rules: IngestRules): ReadResult {
  const { lines, rows } = src;
  // Each line's account made once, at the end (rows never share a line, so no mark overrides another).
  const ledger = new LineMarks(lines);
  const diagnostics: Diagnostic[] = [];
  const headerLine = rows[0]?.line ?? lines.length + 1;
  let trackHint: string | undefined;
  for (let i = 0; i < headerLine - 1; i++) {
    if (!lines[i].trim()) continue;
    if (src.title && src.title.line === i + 1) {
      trackHint = sectionName(cleanText(repairMojibake(src.title.text).text));
      ledger.structure(i + 1, i + 1, 'title');
    } else ledger.skip(i + 1, i + 1, 'text before the grid');
  }
  if (!rows.length) {
    diagnostics.push({ severity: 'error', file, line: 1, message: 'no grid header found (expected a line with 3 or more tab- or comma-separated cells); file not loaded' });
    return { shape: 'grid', levels: [], statements: [], lines: ledger.accounts(undefined, NOT_READ), diagnostics, trackHint };
  }
  const delimiter = src.delimiter ?? '';
  for (const e of src.errors) diagnostics.push({ severity: 'warning', file, line: e.line, message: `grid: ${e.message}` });
  for (const l of src.furniture ?? []) ledger.structure(l, l, 'table separator');
  const cellName = src.cellName;
  /** A cell's statement, field by field (an object spread per statement is V8's slow path; 1 MB of rows makes 100,000). */
  const draft = (line: number, column: number, level: string, section: string, part: string, kind: DraftStatement['kind'], text: string, flags: Flag[]): DraftStatement =>
    cellName ? { line, at: cellName(line, column), level, section, part, kind, text, flags } : { line, level, section, part, kind, text, flags };
  const [headerRow, ...dataRows] = rows;
  const header = headerRow.cells.map((c) => cleanText(repairMojibake(c).text));
  ledger.structure(headerRow.line, headerRow.endLine, 'grid header');
  const levelCell = levelCells();
  const orient = orientation(header, dataRows, levelCell);
  if (!orient) {
    diagnostics.push({ severity: 'error', file, line: headerRow.line, message: `cannot tell which axis holds the levels: neither the first column nor the header row looks like level labels (header: ${header.slice(0, 4).join(' | ')}…); file not loaded` });
    for (const r of dataRows) ledger.skip(r.line, r.endLine, 'grid not loaded: levels not found');
    return { shape: 'grid', levels: [], statements: [], lines: ledger.accounts(undefined, NOT_READ), diagnostics, trackHint };
  }

  /** Which header cells name the levels' titles, by column. */
  const titleColumn = header.map((h) => TITLE_HEADER.test(h));
  const readCell = cellReader(rules);
  const levels: DraftLevel[] = [];
  const statements: DraftStatement[] = [];
  const levelAt = new Map<number, DraftLevel>();
  if (orient === 'levels-as-columns') {
    header.slice(1).forEach((c, k) => {
      if (!c) return;
      const lv = levelOf(c, levelCell);
      const d = { label: lv.label, number: lv.number, title: lv.title, line: headerRow.line };
      levels.push(d);
      levelAt.set(k + 1, d);
    });
  }

  for (const row of dataRows) {
    const cells = row.cells;
    if (cells.length !== header.length && !(src.cellName && cells.length > header.length)) {
      diagnostics.push({
        severity: 'warning', file, line: row.line,
        message: `${cells.length} cells, header has ${header.length}` + (cells.length > header.length ? '; extra cells kept under "column N" sections' : '; missing cells counted as empty'),
      });
    }
    if (cells.length === 1 && header.length > 2) {
      diagnostics.push({ severity: 'warning', file, line: row.line, message: src.cellName ? 'a row with only its first cell filled inside the grid; skipped' : `a line with no ${JSON.stringify(delimiter === '\t' ? 'tab' : delimiter)} separators inside the grid; skipped` });
      ledger.skip(row.line, row.endLine, 'line without cells inside the grid');
      continue;
    }
    const rowLabel = cleanText(repairMojibake(cells[0] ?? '').text);
    if (!rowLabel) {
      diagnostics.push({ severity: 'warning', file, line: row.line, message: `row has no ${orient === 'levels-as-rows' ? 'level' : 'skill'} label in its first cell; row skipped` });
      ledger.skip(row.line, row.endLine, 'row without a label');
      continue;
    }
    let rowLevel: DraftLevel | null = null;
    if (orient === 'levels-as-rows') {
      const lv = levelOf(rowLabel, levelCell);
      rowLevel = { label: lv.label, number: lv.number, title: lv.title, line: row.line };
      levels.push(rowLevel);
    }
    if (orient === 'levels-as-columns' && TITLE_HEADER.test(rowLabel)) {
      cells.slice(1).forEach((cell, k) => {
        const lv = levelAt.get(k + 1);
        if (lv && cleanText(cell)) lv.title = cleanText(cell);
      });
      ledger.structure(row.line, row.endLine, 'level titles');
      continue;
    }
    const width = Math.max(header.length, cells.length);
    const rowSection = orient === 'levels-as-rows' ? '' : sectionName(rowLabel);
    for (let c = 1; c < width; c++) {
      if (orient === 'levels-as-rows' && c < header.length && titleColumn[c]) {
        if (rowLevel && cleanText(cells[c] ?? '')) rowLevel.title = cleanText(cells[c]);
        continue;
      }
      const level = orient === 'levels-as-rows' ? rowLevel! : levelAt.get(c);
      if (!level) {
        if ((cells[c] ?? '').trim()) {
          diagnostics.push({ severity: 'warning', file, line: row.line, message: `cell in column ${c + 1} has no level heading; skipped` });
        }
        continue;
      }
      const section = orient === 'levels-as-rows' ? (header[c] || `column ${c + 1}`) : rowSection;
      const raw = cells[c] ?? '';
      if (!raw.trim()) {
        statements.push(draft(row.line, c, level.label, section, partName(c, -1), 'placeholder', '', ['empty-cell']));
        continue;
      }
      const readings = readCell(raw);
      for (let k = 0; k < readings.length; k++) {
        const r = readings[k];
        statements.push(draft(row.line, c, level.label, section, partName(c, k), r.kind, r.text, r.flags.length ? r.flags.slice() : []));
      }
    }
    ledger.statement(row.line, row.endLine);
  }
  return { shape: 'grid', levels, statements, lines: ledger.accounts(), diagnostics, trackHint };
}
