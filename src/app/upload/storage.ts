import { createStore, del, entries, get, keys, set, type UseStore } from 'idb-keyval';
import { compareText } from '../../text/index.ts';
import { parseStoredLadder, type StoredLadder } from './stored-ladder.ts';
import { parseStoredTaxonomy, type StoredTaxonomy } from './stored-taxonomy.ts';
import { setUploadHint } from './upload-hint.ts';

/**
 * Uploaded ladders and taxonomy, kept in this browser's IndexedDB only (database `ladder-atlas`).
 * Every function degrades to "nothing stored" where IndexedDB is unavailable (private windows of
 * some browsers), so the bundled ladders always load.
 */
let ladderStore: UseStore | undefined;
let settingStore: UseStore | undefined;
const ladders = () => (ladderStore ??= createStore('ladder-atlas-uploads', 'ladders'));
const settings = () => (settingStore ??= createStore('ladder-atlas-settings', 'settings'));
const TAXONOMY_KEY = 'taxonomy';

const available = () => typeof indexedDB !== 'undefined';

/** Every stored ladder that is still readable, in company order; unreadable records are skipped. */
export async function listLadders(): Promise<StoredLadder[]> {
  if (!available()) return [];
  try {
    const all = await entries<string, unknown>(ladders());
    return all.map(([, value]) => parseStoredLadder(value)).filter((l): l is StoredLadder => l !== null).sort((a, b) => compareText(a.company, b.company));
  } catch {
    return [];
  }
}

/** Stores (or replaces) a ladder under its company id. */
export async function saveLadder(ladder: StoredLadder): Promise<void> {
  await set(ladder.company, ladder, ladders());
  setUploadHint(true);
}

/** Removes a stored ladder. */
export async function removeLadder(company: string): Promise<void> {
  await del(company, ladders());
  await refreshHint();
}

/** The uploaded taxonomy, if one is in use. */
export async function loadTaxonomyChoice(): Promise<StoredTaxonomy | null> {
  if (!available()) return null;
  try {
    return parseStoredTaxonomy(await get(TAXONOMY_KEY, settings()));
  } catch {
    return null;
  }
}

export async function saveTaxonomyChoice(taxonomy: StoredTaxonomy): Promise<void> {
  await set(TAXONOMY_KEY, taxonomy, settings());
  setUploadHint(true);
}

/** Goes back to the bundled taxonomy. */
export async function resetTaxonomyChoice(): Promise<void> {
  await del(TAXONOMY_KEY, settings());
  await refreshHint();
}

async function refreshHint(): Promise<void> {
  const [ladderKeys, taxonomy] = await Promise.all([keys(ladders()), get(TAXONOMY_KEY, settings())]);
  setUploadHint(ladderKeys.length > 0 || taxonomy !== undefined);
}
