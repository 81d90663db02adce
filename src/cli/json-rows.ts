/**
 * A table as JSON (`JSON.stringify(rows, null, 2)`, byte for byte) written a batch of rows at a time, so a large
 * table never sits in memory as one string.
 */
import type { Io } from './command.ts';

/** Rows stringified together. */
const BATCH = 64;

export function writeJsonRows<T>(io: Pick<Io, 'out'>, rows: Iterable<T>, map: (row: T) => unknown = (r) => r): void {
  // A batch is stringified as an array of its own: its elements come out one level deep, exactly as in the whole
  // table, so the text between its brackets is that part of the table (one native call per batch, no re-indenting).
  // A batch's text is held back until the next one exists, to know whether a comma follows it; every write ends a
  // line (`out` would add a newline to one that did not).
  let opened = false;
  let held: string | undefined;
  let batch: unknown[] = [];
  const flush = () => {
    const text = JSON.stringify(batch, null, 2);
    batch = [];
    if (held !== undefined) io.out(`${opened ? '' : '[\n'}${held},\n`), (opened = true);
    held = text.slice(2, -2);
  };
  for (const row of rows) {
    batch.push(map(row));
    if (batch.length === BATCH) flush();
  }
  if (batch.length) flush();
  io.out(held === undefined ? '[]\n' : `${opened ? '' : '[\n'}${held}\n]\n`);
}
