/**
 * The one CSV writer of the CLI and the dashboard's exports: RFC 4180, CRLF lines, and no cell a spreadsheet
 * would run as a formula.
 */

/**
 * A spreadsheet runs a cell as a formula when it starts with one of these (`|` and `%` for DDE and old
 * Lotus syntax, full-width forms for CJK Excel), possibly after spaces.
 */
const FORMULA_START = /^[ \u00a0]*[=+\-@|%\t\r\uff1d\uff0b\uff0d\uff20]/;
/** A plain number (`-5`, `+1.5`, `2e-3`) is not a formula: it stays as written. */
const NUMBER = /^[ \u00a0]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \u00a0]*$/;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const safePart = (s: string) => (FORMULA_START.test(s) && !NUMBER.test(s) ? `'${s}` : s);

/**
 * A cell's text, safe for spreadsheets: a start a spreadsheet would run as a formula gets a leading `'`. So does
 * each part after a `;`, because Excel in a locale whose list separator is `;` splits `Scope;=2+2` into two
 * cells, the second a live formula. Numbers stay numbers (`-5`, not `'-5`).
 */
export function safeCell(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const s = cellText(value);
  return s.includes(';') ? s.split(';').map(safePart).join(';') : safePart(s);
}

function quote(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A column: its header and how to read its cell from a row. */
export type CsvColumn<T> = readonly [name: string, get: (row: T) => unknown];

/** RFC 4180 CSV of `rows` with the given columns; every cell (headers too) formula-injection safe. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  let text = '';
  for (const piece of csvPieces(rows, columns, Infinity)) text += piece;
  return text;
}

/**
 * {@link toCsv}'s text in pieces of whole lines, `batch` lines each (the header the first of them), made as the rows
 * come: for a table written as it is read, never held whole. Joined, the pieces are `toCsv` of the same rows.
 */
export function* csvPieces<T>(rows: Iterable<T>, columns: readonly CsvColumn<T>[], batch = 256): Generator<string> {
  const line = (cells: unknown[]) => cells.map((c) => quote(safeCell(c))).join(',');
  let lines = [line(columns.map(([name]) => name))];
  for (const r of rows) {
    lines.push(line(columns.map(([, get]) => get(r))));
    if (lines.length >= batch) yield `${lines.join('\r\n')}\r\n`, (lines = []);
  }
  if (lines.length) yield `${lines.join('\r\n')}\r\n`;
}

/** Column names of records: the keys of all rows in first-seen order. */
export function recordColumns(rows: readonly Record<string, unknown>[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

/** CSV of plain records (a table panel's rows), one column per key. */
export function recordsToCsv(rows: readonly Record<string, unknown>[], columns: readonly string[] = recordColumns(rows)): string {
  return toCsv(rows, columns.map((name) => [name, (row: Record<string, unknown>) => row[name]] as const));
}
