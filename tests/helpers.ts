import { loadDataDir } from '../src/cli/load-data-dir.ts';
import type { LadderSet } from '../src/types.ts';

let cached: LadderSet | null = null;

/** The bundled seed ladders, ingested once per test file. */
export function seeds(): LadderSet {
  cached ??= loadDataDir('data');
  return cached;
}

export const file = (name: string) => (s: { source: { file: string } }) => s.source.file.endsWith(name);
