export { csvPieces, type CsvColumn, recordColumns, recordsToCsv, safeCell, toCsv } from './csv.ts';
export { sourceLabel } from './source-label.ts';
