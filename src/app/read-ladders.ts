import { ingestLadders } from '../atlas/ingest-ladders.ts';
import type { InputFile } from '../ingest/index.ts';
import type { LadderData } from '../views/atlas-data.ts';
import { BUNDLED_INGEST_DATA } from './bundled-ingest-data.ts';
import { bundledLadderFiles } from './bundled-ladders.ts';

/**
 * Reads the bundled ladder files, plus the user's uploaded ones (under `ladders/<company>/`, office files
 * already opened), with the core's first stage and the bundled ingest rules: enough for the overview,
 * before the classifier has loaded.
 */
export function readLadders(uploaded: InputFile[] = []): LadderData {
  // An uploaded page named like a bundled file of the same company (a layer over its ladder) replaces it.
  const replaced = new Set(uploaded.map((f) => f.path));
  return { set: ingestLadders([...bundledLadderFiles().filter((f) => !replaced.has(f.path)), ...uploaded], { data: BUNDLED_INGEST_DATA }) };
}
