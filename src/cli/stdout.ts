/** The CLI's standard output (the Node shell's side of Io.out and Io.outBytes). */
import fs from 'node:fs';
import type { Writable } from 'node:stream';

/** Writes bytes from `offset` on, returning how many it wrote (a blocking write to standard output, by default). */
export type WriteSync = (data: Uint8Array, offset: number) => number;

const toStdout: WriteSync = (data, offset) => fs.writeSync(1, data, offset);

/**
 * Writes `data` to standard output, and returns true when it is written and nothing holds it any more (the caller may
 * then write over it: see Io.outBytes). Where nothing is queued on the stream, the bytes are written at once: a file
 * or a pipe takes them in blocking writes. Through the stream, a pipe's writes complete only when the event loop next
 * turns, so a table written in one synchronous loop was held whole in memory until it ended (`statements --json`
 * at 1000× the seeds piped: 925–986 MB peak, against 552–695 MB to a file). Anything queued already (and Windows,
 * where pipes are asynchronous) goes through the stream, in order; so does what is left when the output would block
 * (EAGAIN). A failed write (EPIPE: the reader has gone) is the stream's error, as it would have been.
 */
export function writeOut(data: Uint8Array, stream: Writable = process.stdout, writeSync: WriteSync = toStdout): boolean {
  if (stream.writableLength > 0 || process.platform === 'win32') return (stream.write(data), stream.writableLength === 0);
  if (stream === process.stdout) blockingPipe();
  let at = 0;
  try {
    while (at < data.length) at += writeSync(data, at);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return (stream.write(data.subarray(at)), false);
    stream.emit('error', error);
    return true;
  }
}

let blocking = false;

/**
 * Node opens a pipe on standard output non-blocking (a full pipe would make every direct write fail with EAGAIN and
 * leave the rest to the stream); it is made blocking once, as Node makes a terminal's (tty.WriteStream does the same
 * through the same handle method). The handle is Node's internal `_handle`: where it has no such method, nothing changes.
 */
function blockingPipe(): void {
  if (blocking) return;
  blocking = true;
  (process.stdout as { _handle?: { setBlocking?(on: boolean): number } })._handle?.setBlocking?.(true);
}
