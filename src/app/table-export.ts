/** Serialises table rows for download (CSV that spreadsheets cannot execute, and JSON) and names the files. */
import { slug } from '../text/index.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a cell that a spreadsheet would read as a formula with a single quote. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? "'" + cell : cell;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function quote(cell: string): string {
  return /[",\n\r]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
}

/** Column names: the keys of all rows in first-seen order. */
export function tableColumns(rows: readonly Record<string, unknown>[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

/** RFC 4180 CSV with a header row; every text cell (header included) is formula-injection safe; numbers stay numbers. */
export function toCSV(rows: readonly Record<string, unknown>[], columns = tableColumns(rows)): string {
  const safe = (value: unknown) => (typeof value === 'number' ? String(value) : neutraliseFormula(cellText(value)));
  const line = (cells: unknown[]) => cells.map((c) => quote(safe(c))).join(',');
  return [line(columns), ...rows.map((row) => line(columns.map((c) => row[c])))].join('\r\n') + '\r\n';
}

/** Pretty-printed JSON array of the rows. */
export function toJSON(rows: readonly Record<string, unknown>[]): string {
  return JSON.stringify(rows, null, 2) + '\n';
}


/** `coverage-octopus-l3`: the panel's export name followed by the selection it shows. */
export function exportFileName(name: string, selection: Record<string, string | undefined>): string {
  const parts = ['company', 'track', 'level', 'variant', 'competency'].map((k) => selection[k]).filter((v): v is string => !!v);
  return [name, ...parts.map(slug)].filter(Boolean).join('-');
}
