import { KINDS, type Diagnostic, type Flag, type Kind } from '../types.ts';
import { delimitedRows, guessDelimiter } from './delimited-rows.ts';
import { type DraftLevel, type DraftStatement, type ReadResult, splitLines } from './draft.ts';
import { LineMarks, NOT_READ } from './line-marks.ts';
import type { GridSource } from './read-grid.ts';
import { type IngestRules, isNote, isPlaceholder } from './ingest-rules.ts';
import { parseLevelCell } from './level-label.ts';
import { cleanText } from './markdown-inline.ts';
import { isExternalReference } from './normalise-text.ts';
import { repairMojibake } from './repair-mojibake.ts';

const COLUMNS = {
  company: ['company', 'organisation', 'organization'],
  track: ['track', 'ladder', 'role family'],
  level: ['level', 'level_label', 'grade'],
  level_title: ['level_title', 'level title', 'title'],
  section: ['section', 'competency area', 'area', 'category'],
  kind: ['kind', 'type'],
  statement: ['statement', 'text', 'expectation', 'behaviour', 'behavior'],
} as const;

/** A cell's clean text (mojibake repaired, Markdown cleaned); empty for a column the file does not have. */
function cellText(cells: string[], i: number): string {
  return i >= 0 ? cleanText(repairMojibake(cells[i] ?? '').text) : '';
}

/** True when a header row names at least a level and a statement column (the simple long format). */
export function isLongHeader(cells: string[]): boolean {
  const names = cells.map((c) => c.trim().toLowerCase());
  return COLUMNS.level.some((c) => names.includes(c)) && COLUMNS.statement.some((c) => names.includes(c));
}

/**
 * Reads the simple long format: one row per statement with columns
 * `company, level, level_title, section, kind, statement` (kind optional, default expectation).
 */
export function readLongCsv(file: string, text: string, rules: IngestRules, lines: string[] = splitLines(text)): ReadResult {
  const first = lines.findIndex((l) => l.trim());
  const { rows, errors } = delimitedRows(lines.slice(first).join('\n'), guessDelimiter(lines[first]), first + 1);
  return readLongRows(file, { lines, rows, errors }, rules);
}

/** The long-format reader proper, on rows from any source (a CSV file, a sheet of a workbook); the first row is the header. */
export function readLongRows(file: string, src: Pick<GridSource, 'lines' | 'rows' | 'errors' | 'cellName'>, rules: IngestRules): ReadResult {
  const { lines, rows, errors } = src;
  // Each line's account made once, at the end (rows never share a line, so no mark overrides another).
  const ledger = new LineMarks(lines);
  const diagnostics: Diagnostic[] = [];
  for (const e of errors) diagnostics.push({ severity: 'warning', file, line: e.line, message: `CSV: ${e.message}` });
  const [head, ...data] = rows;
  const names = head.cells.map((c) => c.trim().toLowerCase());
  const col = (k: keyof typeof COLUMNS) => names.findIndex((n) => (COLUMNS[k] as readonly string[]).includes(n));
  const idx = { company: col('company'), track: col('track'), level: col('level'), level_title: col('level_title'), section: col('section'), kind: col('kind'), statement: col('statement') };
  ledger.structure(head.line, head.line, 'header');
  ledger.skip(1, head.line - 1, 'text before the header');
  const levels = new Map<string, DraftLevel>();
  const statements: DraftStatement[] = [];
  let company: string | undefined;
  let track: string | undefined;
  for (const row of data) {
    const get = (i: number) => cellText(row.cells, i);
    if (row.cells.length !== head.cells.length && !src.cellName) {
      diagnostics.push({ severity: 'warning', file, line: row.line, message: `${row.cells.length} cells, header has ${head.cells.length}` });
    }
    const level = get(idx.level);
    if (!level) {
      diagnostics.push({ severity: 'warning', file, line: row.line, message: 'row has no level; skipped' });
      ledger.skip(row.line, row.endLine, 'row without a level');
      continue;
    }
    company ??= get(idx.company) || undefined;
    track ??= get(idx.track) || undefined;
    if (!levels.has(level)) {
      const parsed = parseLevelCell(level);
      levels.set(level, { label: level, number: parsed?.number ?? null, title: get(idx.level_title) || (/^\d/.test(level) ? `Level ${level}` : level), line: row.line });
    }
    const text = get(idx.statement);
    let kind = (get(idx.kind).toLowerCase() || 'expectation') as Kind;
    if (!KINDS.includes(kind)) {
      diagnostics.push({ severity: 'warning', file, line: row.line, message: `unknown kind "${get(idx.kind)}" (expected one of ${KINDS.join(', ')}); read as expectation` });
      kind = 'expectation';
    }
    const flags: Flag[] = [];
    if (!text) {
      kind = 'placeholder';
      flags.push('empty-cell');
    } else if (isPlaceholder(text, rules)) {
      kind = 'placeholder';
      flags.push('placeholder');
    }
    if (isExternalReference(row.cells[idx.statement] ?? '')) flags.push('external-reference');
    const section = get(idx.section);
    statements.push(src.cellName ? { line: row.line, at: src.cellName(row.line, idx.statement), level, section, kind, text, flags } : { line: row.line, level, section, kind, text, flags });
    ledger.statement(row.line, row.endLine);
  }
  return { shape: 'long-csv', levels: [...levels.values()], statements, lines: ledger.accounts(undefined, NOT_READ), diagnostics, company, trackHint: track };
}
