import type { InputFile } from '../../ingest/index.ts';
import { listLadders, loadTaxonomyChoice } from './storage.ts';
import { ladderInputFiles, type StoredLadder } from './stored-ladder.ts';
import type { StoredTaxonomy } from './stored-taxonomy.ts';

/** What the user added in this browser, ready for the app's pipeline. */
export interface AtlasUploads {
  /** Ingestion inputs of every uploaded ladder (virtual paths `ladders/<company>/<file>`). */
  files: InputFile[];
  ladders: StoredLadder[];
  /** The uploaded taxonomy file, when one replaces the bundled one (parsed with the classifier). */
  taxonomy?: StoredTaxonomy;
}

export const NO_UPLOADS: AtlasUploads = { files: [], ladders: [] };

/** Reads the stored ladders and taxonomy choice from IndexedDB; never throws (nothing stored → none). */
export async function readUploads(): Promise<AtlasUploads> {
  const [ladders, taxonomy] = await Promise.all([listLadders(), loadTaxonomyChoice()]);
  return { files: ladders.flatMap(ladderInputFiles), ladders, ...(taxonomy ? { taxonomy } : {}) };
}
