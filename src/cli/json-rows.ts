/**
 * A table as JSON (`JSON.stringify(rows, null, 2)`, byte for byte, control characters escaped as every line the CLI
 * writes) written a batch of rows at a time, so a large table never sits in memory as one string.
 */
import { escapeControls } from '../text/index.ts';
import type { Io } from './command.ts';

/** Rows stringified together. */
const BATCH = 64;

/**
 * Writes the rows (each through `map`) as one JSON array. Where the output takes bytes (`io.outBytes`), each batch is
 * encoded once and written as it is; else as text lines through `io.out`.
 */
export function writeJsonRows<T>(io: Pick<Io, 'out' | 'outBytes'>, rows: Iterable<T>, map: (row: T) => unknown = (r) => r): void {
  // A batch is stringified as an array of its own: its elements come out one level deep, exactly as in the whole
  // table, so the text between its brackets is that part of the table (one native call per batch, no re-indenting).
  if (io.outBytes) writeBytes(io.outBytes, batches(rows, map));
  else writeLines(io.out, batches(rows, map));
}

function* batches<T>(rows: Iterable<T>, map: (row: T) => unknown): Generator<string> {
  let batch: unknown[] = [];
  for (const row of rows) {
    batch.push(map(row));
    if (batch.length === BATCH) yield JSON.stringify(batch, null, 2), (batch = []);
  }
  if (batch.length) yield JSON.stringify(batch, null, 2);
}

const COMMA = 0x2c;
export const END = Buffer.from('\n]\n');

/**
 * Each batch's text `[\n  …\n]` encoded once: written without its last two bytes (`\n]`), the first with its `[`,
 * every other with a comma in place of it. The output stream gets the bytes as they are: no second encoding, and no
 * pass of the control-character pattern over the text (a byte scan finds the few characters JSON leaves raw).
 */
function writeBytes(out: (bytes: Uint8Array) => boolean | void, texts: Iterable<string>): void {
  const scratch = new Utf8Scratch();
  let first = true;
  for (const text of texts) {
    const bytes = scratch.encode(text);
    if (!first) bytes[0] = COMMA;
    if (out(bytes.subarray(0, bytes.length - 2)) !== true) scratch.release();
    first = false;
  }
  out(first ? EMPTY : END);
}

/**
 * JSON text as UTF-8 (control characters escaped as escapedBytes does) in one buffer, written over for each text
 * while the output says it has written the last bytes and holds none of them (see Io.outBytes); else the next text gets
 * a buffer of its own. A fresh buffer per batch, as Buffer.from gives, cost 8% of `statements --json` at 100× the
 * seeds (1.93 -> 1.78 s wall, median of 8 alternated runs): each is a new allocation, and the text is measured first.
 */
export class Utf8Scratch {
  #buffer = Buffer.alloc(0);

  encode(text: string): Buffer {
    // At most three bytes per UTF-16 code unit (a surrogate pair's four bytes come from two units).
    if (this.#buffer.length < 3 * text.length) this.#buffer = Buffer.allocUnsafeSlow(Math.max(3 * text.length, 2 * this.#buffer.length));
    const bytes = this.#buffer.subarray(0, this.#buffer.write(text, 'utf8'));
    return hasRawControl(bytes) ? Buffer.from(escapeControls(text), 'utf8') : bytes;
  }

  /** The bytes last given out are the output's now: the next text is encoded elsewhere. */
  release(): void {
    this.#buffer = Buffer.alloc(0);
  }
}

/** A batch's text as the bytes written for it: its `[` kept for the table's first batch, else a comma in its place. */
export function batchBytes(text: string, first: boolean): Buffer {
  const bytes = escapedBytes(text);
  if (!first) bytes[0] = COMMA;
  return bytes.subarray(0, bytes.length - 2);
}

/** JSON text as UTF-8, control characters escaped as every line the CLI writes (a byte scan first: most text has none). */
function escapedBytes(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  return hasRawControl(bytes) ? Buffer.from(escapeControls(text), 'utf8') : bytes;
}

/** Batches of rows as JSON texts, each `JSON.stringify(batch, null, 2)`. */
export function jsonBatches<T>(rows: Iterable<T>, map: (row: T) => unknown = (r) => r): Iterable<string> {
  return batches(rows, map);
}

/** What ends a table of bytes: `\n]\n` after its batches, `[]\n` when it had none. */
export const EMPTY = Buffer.from('[]\n');

/**
 * Whether UTF-8 JSON text holds a character escapeControls escapes that JSON.stringify leaves raw: DEL, a C1 control
 * (C2 80–9F), a line or paragraph separator or bidirectional embedding/override (E2 80 A8–AE), a bidirectional isolate
 * (E2 81 A6–A9). JSON escapes every C0 control inside strings, and its own line ends are plain LF.
 */
export function hasRawControl(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0x7f) >= 0) return true;
  for (let i = bytes.indexOf(0xc2); i >= 0; i = bytes.indexOf(0xc2, i + 1)) if (bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9f) return true;
  for (let i = bytes.indexOf(0xe2); i >= 0; i = bytes.indexOf(0xe2, i + 1)) {
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    if ((b1 === 0x80 && b2 >= 0xa8 && b2 <= 0xae) || (b1 === 0x81 && b2 >= 0xa6 && b2 <= 0xa9)) return true;
  }
  return false;
}

/**
 * The same text as lines through `out` (which adds a newline to a line without one, and escapes control characters):
 * a batch's text is held back until the next one exists, to know whether a comma follows it.
 */
function writeLines(out: (text: string) => void, texts: Iterable<string>): void {
  let opened = false;
  let held: string | undefined;
  for (const text of texts) {
    if (held !== undefined) out(`${opened ? '' : '[\n'}${held},\n`), (opened = true);
    held = text.slice(2, -2);
  }
  out(held === undefined ? '[]\n' : `${opened ? '' : '[\n'}${held}\n]\n`);
}
