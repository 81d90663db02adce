import { ladderSet } from 'virtual:atlas-data/ladder-set';
import { analysis, classes, warnings } from 'virtual:atlas-data/tables';
import { atlasFromTables, type Atlas, type AtlasTables } from '../atlas/index.ts';
import { bundledData } from './bundled-data-files.ts';
import type { StoredTaxonomy } from './upload/stored-taxonomy.ts';
import { withUploadedTaxonomy } from './upload/taxonomy-choice.ts';

/**
 * The bundled ladders' atlas from the tables computed at build time: nothing is classified or analysed in the page.
 * The classifier is built from the bundled data only when a view classifies other text (a pasted job description).
 */
export function bundledAtlas(): Atlas {
  return atlasFromTables({ set: ladderSet, classes, analysis, warnings }, { data: bundledData() });
}

/** An atlas from tables the analysis worker computed (uploads), with the data it used (the uploaded taxonomy, if any). */
export function uploadsAtlas(tables: AtlasTables, taxonomy: StoredTaxonomy | undefined): Atlas {
  return atlasFromTables(tables, withUploadedTaxonomy(bundledData(), taxonomy));
}
