import { parseOverrides, parseTaxonomy, TaxonomyError, type Override, type Taxonomy } from '../../taxonomy/index.ts';
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

/** The taxonomy in use: the uploaded one when it still reads, else the bundled one. */
export function taxonomyInUse(uploaded: StoredTaxonomy | undefined, bundledText: string): { taxonomy: Taxonomy; uploaded: boolean } {
  const checked = uploaded ? checkTaxonomyText(uploaded.fileName, uploaded.text) : null;
  return checked?.taxonomy ? { taxonomy: checked.taxonomy, uploaded: true } : { taxonomy: parseTaxonomy(bundledText, { source: 'data/taxonomy.json' }), uploaded: false };
}

/**
 * The bundled overrides under the taxonomy in use. With an uploaded taxonomy, overrides that name
 * competencies it lacks cannot apply, so they are left out instead of stopping the app.
 */
export function overridesFor(csv: string, taxonomy: Taxonomy, uploaded: boolean): Override[] | undefined {
  if (!uploaded) return parseOverrides(csv, taxonomy);
  try {
    return parseOverrides(csv, taxonomy);
  } catch {
    return undefined;
  }
}
