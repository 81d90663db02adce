const RISKY = /^[=+\-@\t\r|%]/;

/** Makes a cell safe for spreadsheets: text that a spreadsheet would run as a formula gets a leading quote. */
export function safeCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return RISKY.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
}

function quote(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV of `rows` with the given columns (accessor per column), formula-injection safe. */
export function toCsv<T>(rows: readonly T[], columns: readonly (readonly [string, (row: T) => unknown])[]): string {
  const lines = [columns.map(([name]) => quote(name)).join(',')];
  for (const r of rows) lines.push(columns.map(([, get]) => quote(safeCell(get(r)))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
