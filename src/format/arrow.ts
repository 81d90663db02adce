import { table, toArrowIPC } from 'arquero';
import { recordColumns } from './csv.ts';

/**
 * Apache Arrow IPC (stream format) of `rows` with the given columns, through an arquero table: column types come
 * from the values (strings, numbers, lists; null where absent), so pandas, polars, DuckDB and R read it as typed columns.
 */
export function toArrow<T>(rows: readonly T[], columns: readonly (readonly [string, (row: T) => unknown])[]): Uint8Array {
  return toArrowIPC(table(Object.fromEntries(columns.map(([name, get]) => [name, rows.map(get)]))));
}

const kindOf = (v: unknown) => (v === null || v === undefined ? null : Array.isArray(v) ? 'list' : typeof v);

/**
 * Arrow IPC of plain records (a dashboard panel's rows), one column per key: numbers, booleans and lists of strings
 * keep their type; a column mixing kinds (a number here, text there) is text; undefined is null.
 */
export function recordsToArrow(rows: readonly Record<string, unknown>[]): Uint8Array {
  const columns = recordColumns(rows).map((name) => {
    const kinds = new Set(rows.map((r) => kindOf(r[name])));
    kinds.delete(null);
    const [kind] = kinds;
    const keep = kinds.size === 1 && (kind === 'number' || kind === 'boolean' || kind === 'string' || (kind === 'list' && rows.every((r) => !Array.isArray(r[name]) || (r[name] as unknown[]).every((x) => typeof x === 'string'))));
    const text = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v));
    return [name, (r: Record<string, unknown>) => (keep ? (r[name] ?? null) : text(r[name]))] as const;
  });
  return toArrow(rows, columns);
}
