export { safeCell, toCsv } from './csv.ts';
export { sourceLabel } from './source-label.ts';
