/** An uploaded taxonomy as kept in IndexedDB: the file name and its text, parsed again on load. */
export interface StoredTaxonomy {
  version: 1;
  fileName: string;
  text: string;
}

/** Validates a record read back from storage; null when it is unusable. */
export function parseStoredTaxonomy(value: unknown): StoredTaxonomy | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (v.version !== 1 || typeof v.fileName !== 'string' || !v.fileName || typeof v.text !== 'string') return null;
  return { version: 1, fileName: v.fileName, text: v.text };
}
