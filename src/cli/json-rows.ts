/**
 * A table as JSON (`JSON.stringify(rows, null, 2)`, byte for byte) written a batch of rows at a time, so a large
 * table never sits in memory as one string.
 */
import type { Io } from './command.ts';

/** Characters gathered before a write. */
const BATCH = 1 << 16;

export function writeJsonRows<T>(io: Pick<Io, 'out'>, rows: Iterable<T>, map: (row: T) => unknown = (r) => r): void {
  let chunk = '[\n';
  let first = true;
  for (const row of rows) {
    if (!first) {
      chunk += ',\n';
      // Written at a line end: `out` ends every write with a newline.
      if (chunk.length >= BATCH) (io.out(chunk), (chunk = ''));
    }
    first = false;
    // An element sits one level deep: its lines take two more spaces (JSON strings hold no raw newline).
    const text = JSON.stringify(map(row), null, 2);
    chunk += `  ${text === undefined ? 'null' : text.replaceAll('\n', '\n  ')}`;
  }
  io.out(first ? '[]\n' : `${chunk}\n]\n`);
}
