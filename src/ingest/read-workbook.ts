import type { Diagnostic, LineAccount } from '../types.ts';
import type { Row } from './delimited-rows.ts';
import type { ReadResult } from './draft.ts';
import type { IngestRules } from './ingest-rules.ts';
import { MAX_SHEET_ROWS, type OpenedWorkbook, type SheetCells } from './open-workbook.ts';
import { cleanText } from './markdown-inline.ts';
import { type GridSource, orientation, readGridSource } from './read-grid.ts';
import { isLongHeader, readLongRows } from './read-long-csv.ts';

/** One sheet's reading: a ladder (grid or long format) or nothing, with its rows accounted for. */
export interface SheetPart extends ReadResult {
  sheet: string;
  /** The sheet's own track, when the workbook holds several ladders: its title row, else its name. */
  sheetTrack?: string;
}

/** Header rows tried per sheet before it is called "not a ladder" (a title, a date line, then the header). */
const HEADER_TRIES = 20;

/** A sheet name as spreadsheets write it in a reference: `Skills`, `'Level grid'`. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Column letters of a 0-based column: 0 → A, 26 → AA. */
export function columnName(column: number): string {
  let s = '';
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const filled = (cell: string | undefined) => !!cell && cell.trim() !== '';
const filledCount = (row: string[]) => row.reduce((n, c) => n + (filled(c) ? 1 : 0), 0);
const firstFilled = (row: string[]) => row.findIndex(filled);

/**
 * Reads a workbook with the grid and long-format readers: each sheet whose rows make a level × skill
 * grid (levels down the first column or across the header row) or a long-format table is a ladder;
 * other sheets are skipped with the reason. Lines are sheet rows, numbered on from one sheet to the
 * next; every row and statement also names its place (`Skills!4`, `Skills!C4`).
 */
export function readWorkbook(file: string, book: OpenedWorkbook, rules: IngestRules): SheetPart[] {
  const parts: SheetPart[] = [];
  let offset = 0;
  for (const sheet of book.sheets) {
    const part = readSheet(file, sheet, rules);
    parts.push(shift(part, offset, sheet.name));
    offset += sheet.rows.length;
  }
  const ladders = parts.filter((p) => p.levels.length);
  if (ladders.length > 1) for (const p of ladders) p.sheetTrack = p.trackHint ?? p.sheet;
  if (!ladders.length) {
    const names = book.sheets.map((s) => s.name).join(', ') || 'none';
    const first = parts[0] ?? { sheet: '', shape: 'unknown', levels: [], statements: [], lines: [], diagnostics: [] };
    first.diagnostics.unshift({
      severity: 'error', file, line: 1,
      message: `no sheet holds a ladder (sheets: ${names}): expected a level × skill grid — levels down the first column or across the header row, e.g. "Level | Impact | Scope" then "L1 | … | …" — or a long-format table (columns level, statement); file not loaded`,
    });
    if (!parts.length) parts.push(first);
  }
  return parts;
}

function readSheet(file: string, sheet: SheetCells, rules: IngestRules): SheetPart {
  const lines = sheet.rows.map((r) => r.join('\t'));
  const skipAll = (reason: string, diagnostics: Diagnostic[] = []): SheetPart => ({
    sheet: sheet.name, shape: 'unknown', levels: [], statements: [], diagnostics,
    lines: lines.map((l, i): LineAccount => (l.trim() ? { line: i + 1, status: 'skipped', reason } : { line: i + 1, status: 'blank' })),
  });
  if (sheet.hidden) return skipAll(`hidden sheet "${sheet.name}"`);
  const found = findTable(sheet.rows);
  if (!found) {
    const nonBlank = lines.filter((l) => l.trim()).length;
    const diagnostics: Diagnostic[] = nonBlank
      ? [{ severity: 'warning', file, line: sheet.rows.findIndex((r) => filledCount(r) > 0) + 1, message: `sheet "${sheet.name}" is not a level × skill grid or a long-format table; skipped` }]
      : [];
    return skipAll(`sheet "${sheet.name}" is not a ladder`, diagnostics);
  }
  const { header, left, long } = found;
  const width = Math.max(1, sheet.rows[header].length - left);
  const rows: Row[] = [];
  for (let r = header; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r].slice(left);
    if (!cells.some(filled)) continue;
    const onlyFirst = filledCount(cells) === 1 && filled(cells[0]);
    while (!onlyFirst && cells.length < width) cells.push('');
    rows.push({ line: r + 1, endLine: r + 1, cells: onlyFirst ? [cells[0]] : cells });
  }
  let title: GridSource['title'];
  for (let r = 0; r < header && !title; r++) {
    if (filledCount(sheet.rows[r]) === 1) title = { text: cleanText(sheet.rows[r][firstFilled(sheet.rows[r])]), line: r + 1 };
  }
  const ref = sheetRef(sheet.name);
  const src: GridSource = { lines, rows, title, errors: [], cellName: (line, column) => `${ref}!${columnName(left + column)}${line}` };
  const result = long ? readLongRows(file, src, rules) : readGridSource(file, src, rules);
  if (sheet.cut) {
    result.diagnostics.push({ severity: 'warning', file, line: MAX_SHEET_ROWS, message: `sheet "${sheet.name}" has more than ${MAX_SHEET_ROWS.toLocaleString('en-US')} rows; only the first ${MAX_SHEET_ROWS.toLocaleString('en-US')} were read` });
  }
  return { ...result, sheet: sheet.name };
}

/**
 * The header row of the sheet's table and its first column: the first of the early rows with two or
 * more filled cells whose table (from the leftmost filled column below it) has a long-format header or
 * level labels on one axis.
 */
function findTable(rows: string[][]): { header: number; left: number; long: boolean } | null {
  // Leftmost filled column from each row to the end, computed once from the bottom.
  const leftFrom = new Array<number>(rows.length + 1).fill(Infinity);
  for (let r = rows.length - 1; r >= 0; r--) {
    const f = firstFilled(rows[r]);
    leftFrom[r] = f >= 0 ? Math.min(f, leftFrom[r + 1]) : leftFrom[r + 1];
  }
  let tries = 0;
  for (let r = 0; r < rows.length && tries < HEADER_TRIES; r++) {
    if (filledCount(rows[r]) < 2) continue;
    tries++;
    const left = leftFrom[r];
    const header = rows[r].slice(left).map((c) => cleanText(c));
    if (isLongHeader(header)) return { header: r, left, long: true };
    if (header.length < 3) continue;
    const body: Row[] = [];
    for (let k = r + 1; k < rows.length; k++) if (filledCount(rows[k]) > 0) body.push({ line: k + 1, endLine: k + 1, cells: rows[k].slice(left) });
    if (body.length && orientation(header, body)) return { header: r, left, long: false };
  }
  return null;
}

/** Moves a sheet's reading to the workbook's line numbering, naming each row's and each problem's place. */
function shift(part: SheetPart, offset: number, sheet: string): SheetPart {
  const ref = sheetRef(sheet);
  return {
    ...part,
    lines: part.lines.map((a) => ({ ...a, line: a.line + offset, ...(a.status === 'blank' ? {} : { at: `${ref}!${a.line}` }) })),
    statements: part.statements.map((s) => ({ ...s, line: s.line + offset })),
    levels: part.levels.map((l) => ({ ...l, line: l.line + offset })),
    diagnostics: part.diagnostics.map((d) => (d.line === undefined ? d : { ...d, line: d.line + offset, at: d.at ?? `${ref}!${d.line}` })),
  };
}
