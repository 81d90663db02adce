/// <reference lib="webworker" />
/**
 * The upload reader's worker entry. It is an ordinary chunk of the app (loaded with `import()` for its
 * URL, then started as a module worker from that URL), so the worker shares the ingestion chunk the
 * page already has instead of carrying a second copy. Evaluated on the page it only exports its URL.
 */
import { readUpload } from './read-upload.ts';
import type { IngestReply, IngestRequest } from './worker-protocol.ts';

/** This module's own URL, to start it as a worker. */
export const workerUrl: string = import.meta.url;

const inWorker = typeof document === 'undefined' && typeof self !== 'undefined' && typeof (self as { importScripts?: unknown }).importScripts === 'function';
if (inWorker) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const post = (reply: IngestReply) => scope.postMessage(reply);
  scope.onmessage = (event: MessageEvent<IngestRequest>) => {
    readUpload(event.data, post).catch((error: unknown) => {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    });
  };
}
