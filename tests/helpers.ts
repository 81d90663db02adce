import { atlas, type Atlas } from '../src/atlas/index.ts';
import { readDataBundle, readLadderFiles } from '../src/cli/load-data-dir.ts';
import type { LadderSet } from '../src/types.ts';

import { SEED_FILES, seedFiles } from '../src/cli/bench/corpus.ts';

/** The user's five seed files (bundled in data/ beside the rest of the public ladders, byte for byte): the bench's list. */
export { SEED_FILES };

const cached = new Map<string, Atlas>();

/**
 * The atlas of a data folder's ladders, with the folder's own data files where it has them and the bundled ones
 * otherwise (as `ladders --data DIR` reads it), built once per test file.
 */
export function atlasOf(dir = 'data'): Atlas {
  let a = cached.get(dir);
  if (!a) cached.set(dir, (a = atlas(readLadderFiles(dir), { data: readDataBundle({ dir }) })));
  return a;
}

let seedAtlas: Atlas | undefined;

/** The atlas of the seed ladders only (with their companies' ladder.json) on the bundled data files, built once per test file. */
export function seedsAtlas(): Atlas {
  return (seedAtlas ??= atlas(seedFiles(readLadderFiles('data')), { data: readDataBundle({ dir: 'data' }) }));
}

/** The seed ladders only (with their companies' ladder.json), ingested once per test file. */
export function seeds(): LadderSet {
  return seedsAtlas().set;
}

/** Everything bundled in data/: the seeds and the rest of the public security ladders. */
export function bundled(): LadderSet {
  return atlasOf('data').set;
}

export const file = (name: string) => (s: { source: { file: string } }) => s.source.file.endsWith(name);
