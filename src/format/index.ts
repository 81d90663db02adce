export { safeCell, toCsv } from './csv.ts';
