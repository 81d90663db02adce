import { bundledIngestRules } from '../bundled-ingest-data.ts';
import { listLadders, loadTaxonomyChoice } from './storage.ts';
import { ladderInputFiles } from './stored-ladder.ts';
import { setUploadHint } from './upload-hint.ts';
import type { AtlasUploads } from './upload-types.ts';

/** Reads the stored ladders and taxonomy choice from IndexedDB; never throws (nothing stored → none). */
export async function readStoredUploads(): Promise<AtlasUploads> {
  const [ladders, taxonomy] = await Promise.all([listLadders(), loadTaxonomyChoice()]);
  if (!ladders.length && !taxonomy) setUploadHint(false);
  // Workbooks and Word documents are opened here (their libraries load only if one is stored), so the
  // app reads every stored file synchronously like the bundled ones.
  const inputs = ladders.flatMap(ladderInputFiles);
  const files = inputs.some((f) => typeof f.content !== 'string') ? await (await import('../../ingest/open-office-files.ts')).openOfficeFiles(inputs, bundledIngestRules()) : inputs;
  return { files, ladders, ...(taxonomy ? { taxonomy } : {}) };
}
