import type { StoredLadder } from './stored-ladder.ts';
import type { StoredTaxonomy } from './stored-taxonomy.ts';

/** What the user added in this browser, as stored: read and analysed with the bundled ladders in a worker. */
export interface AtlasUploads {
  ladders: StoredLadder[];
  /** The uploaded taxonomy file, when one replaces the bundled one (parsed with the classifier). */
  taxonomy?: StoredTaxonomy;
}

export const NO_UPLOADS: AtlasUploads = { ladders: [] };
