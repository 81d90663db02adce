import type { IngestReply, IngestRequest } from './worker-protocol.ts';

type Final = Exclude<IngestReply, { type: 'progress' }>;

/** A read in progress: its outcome, and a way to stop it (a newer upload replaces it). */
export interface IngestJob {
  done: Promise<Final>;
  cancel(): void;
}

/**
 * Reads files in a fresh module Web Worker so a large upload never blocks the page; progress is
 * reported as it comes. The bytes are copied to the worker (the panel keeps its own copy to store).
 */
export function runIngest(request: IngestRequest, onProgress: (p: Extract<IngestReply, { type: 'progress' }>) => void): IngestJob {
  let worker: Worker | null = null;
  let finished = false;
  let settle: (reply: Final) => void = () => {};
  const done = new Promise<Final>((resolve) => (settle = resolve));
  const finish = (reply: Final) => {
    if (finished) return;
    finished = true;
    worker?.terminate();
    settle(reply);
  };
  import('./ingest-worker.ts').then(({ workerUrl }) => {
    if (finished) return;
    worker = new Worker(workerUrl, { type: 'module' });
    worker.onmessage = (event: MessageEvent<IngestReply>) => {
      if (event.data.type === 'progress') onProgress(event.data);
      else finish(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ type: 'failed', message: `the reader stopped: ${event.message || 'worker error'}` });
    };
    worker.postMessage(request);
  }, (error: unknown) => finish({ type: 'failed', message: `the reader did not load: ${error instanceof Error ? error.message : String(error)}` }));
  return { done, cancel: () => finish({ type: 'failed', message: 'cancelled' }) };
}
