import { table, toArrowIPC } from 'arquero';

/**
 * Apache Arrow IPC (stream format) of `rows` with the given columns, through an arquero table: column types come
 * from the values (strings, numbers, lists; null where absent), so pandas, polars, DuckDB and R read it as typed columns.
 */
export function toArrow<T>(rows: readonly T[], columns: readonly (readonly [string, (row: T) => unknown])[]): Uint8Array {
  return toArrowIPC(table(Object.fromEntries(columns.map(([name, get]) => [name, rows.map(get)]))));
}
