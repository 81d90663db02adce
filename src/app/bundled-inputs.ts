import { dataBundle, type DataBundle } from '../atlas/index.ts';
import type { InputFile } from '../ingest/index.ts';

/** A file of the data folder as the build ships it: text when it is valid UTF-8, else its bytes as base64. */
export type ShippedFile = { path: string; content: string } | { path: string; base64: string };

/** The data folder as the build ships it (see the atlas-data plugin in vite.config.ts). */
export interface ShippedData {
  ladderFiles: readonly ShippedFile[];
  /** ingest-rules.json when it is not the project's own (ingestion carries those). */
  ingestRules: string | undefined;
  /** The other top-level data files by name (taxonomy.json, scale-cues.json, …). */
  dataFiles: Readonly<Record<string, string | undefined>>;
}

const INGEST_RULES = 'data/ingest-rules.json';

function bytes(base64: string): Uint8Array {
  const raw = atob(base64);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** The shipped ladder files as ingestion inputs (text, or bytes for files that are not UTF-8). */
export function ladderInputs(files: readonly ShippedFile[]): InputFile[] {
  return files.map((f) => ('base64' in f ? { path: f.path, content: bytes(f.base64) } : f));
}

/** What ingestion needs of the data folder: its ingest rules. */
export function ingestData(ingestRules: string | undefined): DataBundle {
  return ingestRules === undefined ? {} : { ingestRules: { name: INGEST_RULES, content: ingestRules } };
}

/** Every data file (taxonomy, priors, overrides, scale cues, ingest rules), for atlas(); names as `data/<file>` in messages. */
export function atlasData(shipped: Pick<ShippedData, 'ingestRules' | 'dataFiles'>): DataBundle {
  return { ...dataBundle(shipped.dataFiles, 'data/'), ...ingestData(shipped.ingestRules) };
}
