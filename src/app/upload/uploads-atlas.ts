import { atlasFromTables, type Atlas, type AtlasTables } from '../../atlas/index.ts';
import { bundledData } from '../bundled-data-files.ts';
import type { StoredTaxonomy } from './stored-taxonomy.ts';
import { withUploadedTaxonomy } from './taxonomy-choice.ts';

/**
 * An atlas from the tables the analysis worker computed (the bundled ladders with the uploads), with the data it
 * used (the uploaded taxonomy, if any). The bundled ladders' own build-time tables are not loaded for it.
 */
export function uploadsAtlas(tables: AtlasTables, taxonomy: StoredTaxonomy | undefined): Atlas {
  return atlasFromTables(tables, withUploadedTaxonomy(bundledData(), taxonomy));
}
