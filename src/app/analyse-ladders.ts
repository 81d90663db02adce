import { atlas, type Atlas } from '../atlas/index.ts';
import type { LadderData } from '../views/atlas-data.ts';
import { bundledData } from './bundled-data-files.ts';
import type { StoredTaxonomy } from './upload/stored-taxonomy.ts';
import { withUploadedTaxonomy } from './upload/taxonomy-choice.ts';

/**
 * The core's atlas of the ladders already read for the first view, on the bundled data (a taxonomy file the
 * user uploaded replaces the bundled one). Loaded after the first paint; every table the views draw is computed
 * here, so switching views does not wait for it.
 */
export function analyseLadders(ladders: LadderData, uploadedTaxonomy?: StoredTaxonomy): Atlas {
  const a = atlas(ladders, withUploadedTaxonomy(bundledData(), uploadedTaxonomy));
  for (const table of ['levels', 'similarity', 'coverage', 'gaps', 'divergence'] as const) void a.analysis[table];
  return a;
}
