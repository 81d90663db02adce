import { table, type ColumnTable } from 'arquero';
import type { ClassifiedStatement } from '../types.ts';
import { ARROW_COLUMNS } from './statement-columns.ts';

/**
 * The statement table as an arquero table, with the columns and types of `ladders statements --arrow` (lists as
 * lists, numbers as numbers, null where absent): for a data person in a notebook (`.objects()`, `.toArrowIPC()`,
 * Inputs.table). Built column by column, so it needs no code compiled at run time (the pages' CSP forbids that).
 */
export function statementTable(statements: readonly ClassifiedStatement[]): ColumnTable {
  return table(Object.fromEntries(ARROW_COLUMNS.map(([name, get]) => [name, statements.map(get)])));
}
