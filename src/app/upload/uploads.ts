import type { InputFile } from '../../ingest/index.ts';
import { parseOverrides, type Override, type Taxonomy } from '../../taxonomy/index.ts';
import { listLadders, loadTaxonomyChoice } from './storage.ts';
import { ladderInputFiles, type StoredLadder } from './stored-ladder.ts';
import { checkTaxonomyText } from './stored-taxonomy.ts';

/** What the user added in this browser, ready for the app's pipeline. */
export interface AtlasUploads {
  /** Ingestion inputs of every uploaded ladder (virtual paths `ladders/<company>/<file>`). */
  files: InputFile[];
  ladders: StoredLadder[];
  /** The uploaded taxonomy, when one replaces the bundled file. */
  taxonomy?: Taxonomy;
  taxonomyFile?: string;
  /** Problems found while reading the stored choices (shown in the panel). */
  problems: string[];
}

export const NO_UPLOADS: AtlasUploads = { files: [], ladders: [], problems: [] };

/** Reads the stored ladders and taxonomy choice from IndexedDB. */
export async function readUploads(): Promise<AtlasUploads> {
  const [ladders, taxonomyChoice] = await Promise.all([listLadders(), loadTaxonomyChoice()]);
  const uploads: AtlasUploads = { files: ladders.flatMap(ladderInputFiles), ladders, problems: [] };
  if (taxonomyChoice) {
    const checked = checkTaxonomyText(taxonomyChoice.fileName, taxonomyChoice.text);
    if (checked.taxonomy) {
      uploads.taxonomy = checked.taxonomy;
      uploads.taxonomyFile = taxonomyChoice.fileName;
    } else {
      uploads.problems.push(`The stored taxonomy ${taxonomyChoice.fileName} no longer reads (${checked.problems.join('; ')}); the bundled taxonomy is used.`);
    }
  }
  return uploads;
}

/**
 * The bundled overrides under the taxonomy in use: with an uploaded taxonomy, overrides naming
 * competencies it lacks no longer apply, so they are left out rather than stopping the app.
 */
export function overridesFor(csv: string, taxonomy: Taxonomy, uploaded: boolean): Override[] | undefined {
  if (!uploaded) return parseOverrides(csv, taxonomy);
  try {
    return parseOverrides(csv, taxonomy);
  } catch {
    return undefined;
  }
}
