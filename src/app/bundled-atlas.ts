import { ladderSet } from 'virtual:atlas-data/ladder-set';
import { analysis, classes, warnings } from 'virtual:atlas-data/tables';
import { atlasFromTables, type Atlas } from '../atlas/index.ts';
import { bundledData } from './bundled-data-files.ts';

/**
 * The bundled ladders' atlas from the tables computed at build time: nothing is classified or analysed in the page.
 * The classifier is built from the bundled data only when a view classifies other text (a pasted job description).
 */
export function bundledAtlas(): Atlas {
  return atlasFromTables({ set: ladderSet, classes, analysis, warnings }, { data: bundledData() });
}
