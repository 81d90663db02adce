import { dataFiles, ladderFiles } from 'virtual:atlas-data';
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

/** A bundled top-level data file (`taxonomy.json`, …); throws naming the file when it is missing. */
export function bundledDataFile(name: string): string {
  const text = dataFiles[name];
  if (text === undefined) throw new Error(`data/${name} is missing from the build`);
  return text;
}

/** Whether a top-level data file was bundled. */
export function hasDataFile(name: string): boolean {
  return dataFiles[name] !== undefined;
}
