import { ladderFiles } from 'virtual:atlas-data/ladders';
import type { InputFile } from '../ingest/index.ts';

function bytes(base64: string): Uint8Array {
  const raw = atob(base64);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** The bundled ladder files as ingestion inputs (text, or bytes for files that are not UTF-8). */
export function bundledLadderFiles(): InputFile[] {
  return ladderFiles.map((f) => ('base64' in f ? { path: f.path, content: bytes(f.base64) } : f));
}
