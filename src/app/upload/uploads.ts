import { listLadders, loadTaxonomyChoice } from './storage.ts';
import { setUploadHint } from './upload-hint.ts';
import type { AtlasUploads } from './upload-types.ts';

/**
 * Reads the stored ladders and taxonomy choice from IndexedDB; never throws (nothing stored → none). The files are
 * not read here: the analysis worker reads them with the bundled ladders (analyse-uploads.ts), off the main thread.
 */
export async function readStoredUploads(): Promise<AtlasUploads> {
  const [ladders, taxonomy] = await Promise.all([listLadders(), loadTaxonomyChoice()]);
  if (!ladders.length && !taxonomy) setUploadHint(false);
  return { ladders, ...(taxonomy ? { taxonomy } : {}) };
}
