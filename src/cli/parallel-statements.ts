/**
 * `statements --json` on two threads: a large table's rows are classified and stringified by this thread and a worker
 * in turn, chunk by chunk, and written in order. Classifying a statement reads no other statement and each batch of
 * rows is stringified on its own (json-rows.ts), so the bytes are the ones one thread writes. Only for a large table
 * (starting the worker and parsing the data again there costs ~0.2 s; see {@link parallelLimits}), and only when the
 * CLI runs compiled (the worker loads the compiled module this code is part of).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { atlas, type Atlas, type DataBundle } from '../atlas/index.ts';
import type { Statement } from '../types.ts';
import { batchBytes, EMPTY, END, jsonBatches } from './json-rows.ts';

/** Rows per chunk handed to the worker (and done here in between). */
const CHUNK = 1024;
/** Chunks of rows the worker is given ahead of the one being written. */
const LEAD = 3;
/** Rows classified at a time (as classified-batches.ts: the rows die young). */
const BATCH = 256;

/**
 * The worker's old generation, MB (`LADDER_ATLAS_WORKER_HEAP_MB` sets it). Its live data is the data files parsed and
 * the chunk in hand; uncapped, V8 let its garbage grow long before collecting it: at 1000× the seeds peak RSS 592–661 MB
 * (median 634 of 8 alternated runs) against 531–624 MB (576) at 128, the same bytes, as fast (64 was no lower). Should
 * the worker still run out, or stop for any other reason, this thread classifies the rest (see writeStatementsParallel).
 */
const WORKER_HEAP_MB = Number(process.env.LADDER_ATLAS_WORKER_HEAP_MB) || 128;

/** The module holding this code: the compiled CLI's, when it runs compiled. */
const MODULE = import.meta.url;

/**
 * Statements from which the worker is used, and ladder bytes from which it is started before they are read (the
 * seeds hold one statement per ~120 bytes): by default where it cut wall time on a two-core machine (1000× the seeds,
 * 235,000 statements: 16.1 -> 13.3 s wall, 17.7 -> 21.7 s CPU; at 100× it saved 0.1 s of 2.3 for 0.6 s CPU, and under
 * load lost); asked for (`LADDER_ATLAS_WORKERS=1`), from a tenth of that. `LADDER_ATLAS_WORKERS=0`: never.
 */
export function parallelLimits(): { statements: number; bytes: number } | undefined {
  const asked = process.env.LADDER_ATLAS_WORKERS;
  if (asked === '0' || MODULE.endsWith('.ts') || !isMainThread) return undefined;
  return asked === '1' ? { statements: 10_000, bytes: 1_000_000 } : { statements: 50_000, bytes: 4_000_000 };
}

/** A chunk of rows, classified and stringified: the bytes written for it when another chunk came before it. */
export function chunkBytes(classify: Atlas['classify'], rows: Statement[]): Uint8Array {
  const parts: Buffer[] = [];
  let total = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    for (const text of jsonBatches(classify(rows.slice(i, i + BATCH), { keepWords: false }))) {
      const bytes = batchBytes(text, false);
      parts.push(bytes);
      total += bytes.length;
    }
  }
  // One buffer of its own (never a slice of Node's pool), so it moves to the other thread without a copy.
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) out.set(p, at), (at += p.length);
  return out;
}

/** A worker started before the ladders are read, so its start (loading the CLI, parsing the data) overlaps their reading. */
export interface StatementsWorker {
  /**
   * Writes the atlas's statements as {@link writeStatementsParallel} says, then stops the worker; `warn` hears of a
   * worker that stopped early (the table is still written whole).
   */
  write(input: Atlas, out: (bytes: Uint8Array) => void, warn: (message: string) => void): Promise<void>;
  /** Stops the worker unused. */
  stop(): Promise<void>;
}

/** Starts the worker that classifies as an atlas of `data` does. */
export function startStatementsWorker(data: DataBundle | undefined): StatementsWorker {
  // The compiled CLI is a script (compiled-cli.mjs) and is required; a compiled module (the bench's) is imported.
  const load = `const { module } = require('node:worker_threads').workerData;
(module.endsWith('.cjs') ? Promise.resolve(require(require('node:url').fileURLToPath(module))) : import(module)).then((m) => m.statementsWorker());`;
  const worker = new Worker(load, { eval: true, workerData: { module: MODULE, data }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  const done: Uint8Array[] = [];
  let waiting: { resolve: (b: Uint8Array) => void; reject: (e: unknown) => void } | undefined;
  let failed: unknown;
  worker.on('message', (bytes: Uint8Array) => (waiting ? (waiting.resolve(bytes), (waiting = undefined)) : done.push(bytes)));
  const fail = (error: unknown) => ((failed ??= error), waiting?.reject(error), (waiting = undefined));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the statements worker stopped (exit ${code})`)));
  const next = (): Promise<Uint8Array> =>
    done.length ? Promise.resolve(done.shift()!) : failed ? Promise.reject(failed) : new Promise((resolve, reject) => (waiting = { resolve, reject }));
  const stop = async () => {
    worker.removeAllListeners('exit');
    await worker.terminate();
  };
  return {
    stop,
    async write(input, out, warn) {
      try {
        await writeStatementsParallel(input, (rows) => worker.postMessage(rows), next, out, warn);
      } finally {
        await stop();
      }
    },
  };
}

/**
 * Writes the atlas's statements classified, as `writeJsonRows(io, classifiedInBatches(input))` writes them: even chunks
 * here, odd ones by a worker given the same data (`post` hands it a chunk, `next` is its next result), each written in
 * its turn. When the worker fails (`next` rejects), this thread classifies its chunk and every chunk after it, and
 * `warn` is told once: the bytes are the same.
 */
export async function writeStatementsParallel(
  input: Atlas,
  post: (rows: Statement[]) => void,
  next: () => Promise<Uint8Array>,
  out: (bytes: Uint8Array) => void,
  warn: (message: string) => void,
): Promise<void> {
  const rows = input.set.statements;
  const chunks = Math.ceil(rows.length / CHUNK);
  const slice = (j: number) => rows.slice(j * CHUNK, (j + 1) * CHUNK);
  let posted = 1;
  const postUpTo = (upTo: number) => {
    for (; posted < Math.min(upTo, chunks); posted += 2) post(slice(posted));
  };
  postUpTo(1 + 2 * LEAD);
  let first = true;
  let alone = false;
  for (let j = 0; j < chunks; j++) {
    let bytes: Uint8Array | undefined;
    if (j % 2 === 1 && !alone) {
      try {
        bytes = await next();
      } catch (error) {
        alone = true;
        warn(`the statements worker stopped (${error instanceof Error ? error.message : String(error)}); the rest was classified on one thread`);
      }
    }
    if (!bytes) {
      if (!alone) postUpTo(j + 1 + 2 * LEAD);
      bytes = chunkBytes(input.classify, slice(j));
    }
    if (!bytes.length) continue;
    if (first) bytes[0] = 0x5b; // '['
    first = false;
    out(bytes);
  }
  out(first ? EMPTY : END);
}

/** The worker's side: classifies and stringifies each chunk of rows it is given, with the data the main thread read. */
export function statementsWorker(): void {
  const { data } = workerData as { data: DataBundle | undefined };
  const classify = atlas([], { data }).classify;
  classify([]); // parses the data now, while the main thread reads the ladders
  parentPort!.on('message', (rows: Statement[]) => {
    const bytes = chunkBytes(classify, rows);
    parentPort!.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
  });
}
