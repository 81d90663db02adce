import { listLadders, loadTaxonomyChoice } from './storage.ts';
import { ladderInputFiles } from './stored-ladder.ts';
import { setUploadHint } from './upload-hint.ts';
import type { AtlasUploads } from './upload-types.ts';

/** Reads the stored ladders and taxonomy choice from IndexedDB; never throws (nothing stored → none). */
export async function readStoredUploads(): Promise<AtlasUploads> {
  const [ladders, taxonomy] = await Promise.all([listLadders(), loadTaxonomyChoice()]);
  if (!ladders.length && !taxonomy) setUploadHint(false);
  return { files: ladders.flatMap(ladderInputFiles), ladders, ...(taxonomy ? { taxonomy } : {}) };
}
