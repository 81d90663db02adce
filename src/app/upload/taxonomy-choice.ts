import type { DataBundle } from '../../atlas/index.ts';
import { parseTaxonomy, TaxonomyError, type Taxonomy } from '../../taxonomy/index.ts';
import type { StoredTaxonomy } from './stored-taxonomy.ts';

/** Validates a taxonomy file with the classifier's own parser: the taxonomy, or every problem found. */
export function checkTaxonomyText(fileName: string, text: string): { taxonomy: Taxonomy; problems: [] } | { taxonomy: null; problems: string[] } {
  try {
    return { taxonomy: parseTaxonomy(text, { source: fileName }), problems: [] };
  } catch (error) {
    if (error instanceof TaxonomyError && error.problems.length) return { taxonomy: null, problems: error.problems.map((p) => `${fileName}: ${p}`) };
    return { taxonomy: null, problems: [error instanceof Error ? error.message : `${fileName}: ${String(error)}`] };
  }
}

/**
 * The data for atlas(): the uploaded taxonomy in place of the bundled one when it still reads. The bundled
 * overrides were written for the bundled taxonomy, so under the user's they are left out rather than stop the app.
 */
export function withUploadedTaxonomy(data: DataBundle, uploaded: StoredTaxonomy | undefined): { data: DataBundle; looseOverrides: boolean } {
  const own = uploaded ? checkTaxonomyText(uploaded.fileName, uploaded.text).taxonomy : null;
  return own && uploaded ? { data: { ...data, taxonomy: { name: uploaded.fileName, content: own } }, looseOverrides: true } : { data, looseOverrides: false };
}
