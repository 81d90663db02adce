/// <reference lib="webworker" />
/**
 * The analysis worker's entry: the bundled and the uploaded ladders read, classified and analysed off the page
 * (analyse-uploads.ts). Like the upload reader, an ordinary chunk of the app started as a module worker from its
 * own URL; evaluated on the page it only exports that URL.
 */
import { analyseUploads, type AnalysisReply } from './analyse-uploads.ts';
import type { AtlasUploads } from './upload-types.ts';

/** This module's own URL, to start it as a worker. */
export const workerUrl: string = import.meta.url;

const inWorker = typeof document === 'undefined' && typeof self !== 'undefined' && typeof (self as { importScripts?: unknown }).importScripts === 'function';
if (inWorker) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const post = (reply: AnalysisReply) => scope.postMessage(reply);
  scope.onmessage = (event: MessageEvent<AtlasUploads>) => {
    analyseUploads(event.data, post).catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
  };
}
