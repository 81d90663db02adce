import type { AtlasTables } from '../../atlas/index.ts';
import type { LadderSet } from '../../types.ts';
import type { AnalysisReply } from './analyse-uploads.ts';
import type { AtlasUploads } from './upload-types.ts';

/** An analysis in the worker: the ladders as read, then every table. Either rejects with the worker's message. */
export interface AnalysisJob {
  set: Promise<LadderSet>;
  tables: Promise<AtlasTables>;
}

/** Starts the analysis worker on the stored uploads (see analyse-uploads.ts); it ends itself once the tables are posted. */
export function runAnalysis(uploads: AtlasUploads): AnalysisJob {
  let settleSet: { resolve: (set: LadderSet) => void; reject: (e: Error) => void } | undefined;
  let settleTables: { resolve: (t: AtlasTables) => void; reject: (e: Error) => void } | undefined;
  const set = new Promise<LadderSet>((resolve, reject) => (settleSet = { resolve, reject }));
  const tables = new Promise<AtlasTables>((resolve, reject) => (settleTables = { resolve, reject }));
  // Read by whoever waits; a failure before anyone does must not surface as an unhandled rejection.
  tables.catch(() => {});
  const fail = (message: string) => {
    const error = new Error(message);
    settleSet?.reject(error);
    settleTables?.reject(error);
  };
  import('./analysis-worker.ts').then(({ workerUrl }) => {
    const worker = new Worker(workerUrl, { type: 'module' });
    let read: LadderSet | undefined;
    let classes: AtlasTables['classes'] = [];
    worker.onmessage = (event: MessageEvent<AnalysisReply>) => {
      const reply = event.data;
      if (reply.type === 'set') settleSet?.resolve((read = reply.set));
      else if (reply.type === 'classes') classes = reply.classes;
      else if (reply.type === 'analysis') {
        settleTables?.resolve({ set: read!, classes, analysis: reply.analysis, warnings: reply.warnings });
        worker.terminate();
      } else {
        fail(reply.message);
        worker.terminate();
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail(`the analysis stopped: ${event.message || 'worker error'}`);
      worker.terminate();
    };
    worker.postMessage(uploads);
  }, (error: unknown) => fail(`the analysis did not load: ${error instanceof Error ? error.message : String(error)}`));
  return { set, tables };
}
