import type { IngestReply, IngestRequest } from './worker-protocol.ts';

type Final = Exclude<IngestReply, { type: 'progress' }>;

/** A read in progress: its outcome, and a way to stop it (a newer upload replaces it). */
export interface IngestJob {
  done: Promise<Final>;
  cancel(): void;
}

/**
 * Reads files in a fresh Web Worker so a large upload never blocks the page; progress is reported as
 * it comes. The bytes are copied to the worker (the panel keeps its own copy to store).
 */
export function runIngest(request: IngestRequest, onProgress: (p: Extract<IngestReply, { type: 'progress' }>) => void): IngestJob {
  const worker = new Worker(new URL('./ingest-worker.ts', import.meta.url), { type: 'module' });
  let settle: (reply: Final) => void = () => {};
  const done = new Promise<Final>((resolve) => (settle = resolve));
  const finish = (reply: Final) => {
    worker.terminate();
    settle(reply);
  };
  worker.onmessage = (event: MessageEvent<IngestReply>) => {
    if (event.data.type === 'progress') onProgress(event.data);
    else finish(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish({ type: 'failed', message: `the reader stopped: ${event.message || 'worker error'}` });
  };
  worker.postMessage(request);
  return { done, cancel: () => finish({ type: 'failed', message: 'cancelled' }) };
}
