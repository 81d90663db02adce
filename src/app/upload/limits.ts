import { textEncoding } from '../../ingest/text-encoding.ts';
import { bundledIngestRules } from '../bundled-ingest-data.ts';

/**
 * What an upload may hold. Stated in the panel and enforced: a file over the size limit is left out
 * (named) before anything is read, rows are counted in the worker before parsing, statements after.
 */
export const UPLOAD_LIMITS = {
  /** Files in one upload. */
  files: 50,
  /** One file (the ingestion rule every reader applies). */
  fileBytes: bundledIngestRules().maxFileBytes,
  /** All files of one upload together. */
  totalBytes: 20 * 1024 * 1024,
  /** Lines over all files, counted before parsing. */
  rows: 100_000,
  /** Statements of one uploaded ladder, so every view stays interactive. */
  statements: 5_000,
} as const;

export type UploadLimits = { [K in keyof typeof UPLOAD_LIMITS]: number };

const mb = (n: number) => `${(n / 1048576).toFixed(n % 1048576 ? 1 : 0)} MB`;
const count = (n: number) => n.toLocaleString('en-US');

/** The limits as one sentence for the panel. */
export function describeLimits(limits: UploadLimits = UPLOAD_LIMITS): string {
  return `Up to ${limits.files} files, ${mb(limits.fileBytes)} each and ${mb(limits.totalBytes)} in all, ` +
    `${count(limits.rows)} lines and ${count(limits.statements)} statements per ladder.`;
}

/** What to do with chosen files, by name and size, before any is read. */
export interface SizeCheck<T> {
  /** The files to read. */
  read: T[];
  /** Files over the per-file limit, each named with its size: left out, never read, while the others are. */
  leftOut: string[];
  /** Problems that refuse the whole upload (none chosen, too many files, too much in all); empty when it may be read. */
  refused: string[];
}

/**
 * Checks chosen files by their sizes (a browser File's size, known before reading): one over the per-file limit is
 * left out by name and the rest are read; too many files, or too much in all, refuse the upload.
 */
export function checkFileSizes<T extends { name: string; size: number }>(files: readonly T[], limits: UploadLimits = UPLOAD_LIMITS): SizeCheck<T> {
  const read = files.filter((f) => f.size <= limits.fileBytes);
  const leftOut = files.filter((f) => f.size > limits.fileBytes).map((f) => `${f.name} is ${mb(f.size)}, over the ${mb(limits.fileBytes)} limit for one file.`);
  const refused: string[] = [];
  if (files.length === 0) refused.push('No files chosen.');
  if (files.length > limits.files) refused.push(`${count(files.length)} files chosen; at most ${limits.files} per upload.`);
  const total = read.reduce((sum, f) => sum + f.size, 0);
  if (total > limits.totalBytes) refused.push(`The files hold ${mb(total)} together, over the ${mb(limits.totalBytes)} limit for one upload.`);
  return { read, leftOut, refused };
}

/**
 * Lines in a file's bytes as ingestion will split them: `\n`, `\r\n` or a lone `\r` ends a line, in
 * UTF-8 or UTF-16 (a last line without a line break counts).
 */
export function countLines(bytes: Uint8Array): number {
  const { encoding, bom } = textEncoding(bytes);
  const step = encoding === 'utf-8' ? 1 : 2;
  const at = encoding === 'utf-16be' ? (i: number) => (bytes[i] << 8) | bytes[i + 1] : encoding === 'utf-16le' ? (i: number) => bytes[i] | (bytes[i + 1] << 8) : (i: number) => bytes[i];
  const end = bytes.length - ((bytes.length - bom) % step);
  let lines = 0;
  let last = -1;
  for (let i = bom; i < end; i += step) {
    const c = at(i);
    if (c === 0x0a || (c === 0x0d && (i + step >= end || at(i + step) !== 0x0a))) lines++;
    last = c;
  }
  return last === -1 || last === 0x0a || last === 0x0d ? lines : lines + 1;
}

/** A refusal when the files hold more lines than allowed, else null. */
export function checkRows(files: readonly { name: string; lines: number }[], limits: UploadLimits = UPLOAD_LIMITS): string | null {
  const total = files.reduce((sum, f) => sum + f.lines, 0);
  if (total <= limits.rows) return null;
  const largest = [...files].sort((a, b) => b.lines - a.lines)[0];
  return `The files hold ${count(total)} lines (${largest.name}: ${count(largest.lines)}), over the ${count(limits.rows)}-line limit for one upload; not read.`;
}

/** A refusal when a ladder holds more statements than allowed, else null. */
export function checkStatements(statements: number, limits: UploadLimits = UPLOAD_LIMITS): string | null {
  return statements > limits.statements
    ? `This ladder holds ${count(statements)} statements, over the ${count(limits.statements)} a ladder may hold here so every view stays interactive; split it or remove rows, then upload again.`
    : null;
}
