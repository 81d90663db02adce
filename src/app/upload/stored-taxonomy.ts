import { parseTaxonomy, TaxonomyError, type Taxonomy } from '../../taxonomy/index.ts';

/** An uploaded taxonomy as kept in IndexedDB: the file name and its text, parsed again on load. */
export interface StoredTaxonomy {
  version: 1;
  fileName: string;
  text: string;
}

/** Validates a taxonomy file: the parsed taxonomy, or every problem found (file name first). */
export function checkTaxonomyText(fileName: string, text: string): { taxonomy: Taxonomy; problems: [] } | { taxonomy: null; problems: string[] } {
  try {
    return { taxonomy: parseTaxonomy(text, { source: fileName }), problems: [] };
  } catch (error) {
    if (error instanceof TaxonomyError) return { taxonomy: null, problems: error.problems.length ? error.problems.map((p) => `${fileName}: ${p}`) : [error.message] };
    return { taxonomy: null, problems: [`${fileName}: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

/** Validates a record read back from storage; null when it is unusable. */
export function parseStoredTaxonomy(value: unknown): StoredTaxonomy | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (v.version !== 1 || typeof v.fileName !== 'string' || typeof v.text !== 'string') return null;
  return { version: 1, fileName: v.fileName, text: v.text };
}
