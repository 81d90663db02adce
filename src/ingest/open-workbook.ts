import type { CellObject, WorkSheet } from '@e965/xlsx';

/** One sheet of a workbook as text: what the grid reader needs, and nothing of the library. */
export interface SheetCells {
  name: string;
  /** Hidden by the workbook's author. */
  hidden: boolean;
  /** Each row from the sheet's row 1, each row from column A: a cell's text as shown ('' when empty); trailing empty cells dropped. */
  rows: string[][];
  /** The sheet had more rows than a ladder may hold; only the first were read. */
  cut?: boolean;
}

/** A workbook opened into plain data (structured-cloneable: it crosses to and from the upload worker). */
export interface OpenedWorkbook {
  format: 'xlsx' | 'ods';
  sheets: SheetCells[];
}

/** Rows of one sheet read at most (the upload's line limit: a ladder is never this long). */
export const MAX_SHEET_ROWS = 100_000;

/**
 * Opens an XLSX or ODS workbook with SheetJS, loaded on first use (a separate chunk in the browser):
 * each sheet's cells as the text the spreadsheet shows — formatted numbers and dates, never formulas,
 * styles or macros. Throws on a file SheetJS cannot read; the caller turns that into a diagnostic.
 */
export async function openWorkbook(bytes: Uint8Array, format: 'xlsx' | 'ods'): Promise<OpenedWorkbook> {
  const XLSX = await import('@e965/xlsx');
  const book = XLSX.read(bytes, {
    type: 'array', dense: true, sheetRows: MAX_SHEET_ROWS + 1,
    cellFormula: false, cellHTML: false, cellStyles: false, cellNF: false, bookVBA: false, bookDeps: false, bookFiles: false, WTF: false,
  });
  const sheets = book.SheetNames.map((name, i): SheetCells => {
    const sheet = book.Sheets[name];
    const hidden = (book.Workbook?.Sheets?.[i]?.Hidden ?? 0) > 0;
    const rows = sheet ? sheetRows(sheet) : [];
    const cut = rows.length > MAX_SHEET_ROWS;
    return { name, hidden, rows: cut ? rows.slice(0, MAX_SHEET_ROWS) : rows, ...(cut ? { cut } : {}) };
  });
  return { format, sheets };
}

function sheetRows(sheet: WorkSheet): string[][] {
  const data = (sheet as { '!data'?: (CellObject | undefined)[][] })['!data'] ?? [];
  const rows: string[][] = [];
  let lastRow = -1;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    const cells: string[] = [];
    let last = -1;
    if (row) {
      for (let c = 0; c < row.length; c++) {
        const text = cellText(row[c]);
        cells.push(text);
        if (text.trim()) last = c;
      }
    }
    cells.length = last + 1;
    rows.push(cells);
    if (last >= 0) lastRow = r;
  }
  rows.length = lastRow + 1;
  return rows;
}

/** The text a cell shows: its formatted value when the file has one, else its value. */
function cellText(cell: CellObject | undefined): string {
  if (!cell || cell.t === 'z') return '';
  if (typeof cell.w === 'string') return cell.w;
  if (cell.v === undefined || cell.v === null) return '';
  return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
}
