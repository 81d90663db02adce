import type { InputFile } from '../../ingest/index.ts';
import type { StoredLadder } from './stored-ladder.ts';
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
