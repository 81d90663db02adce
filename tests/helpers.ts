import { loadDataDir, readLadderFiles } from '../src/cli/load-data-dir.ts';
import { ingestFiles } from '../src/ingest/index.ts';
import type { LadderSet } from '../src/types.ts';

/** The user's five seed files (bundled in data/ beside the rest of the public ladders, byte for byte). */
export const SEED_FILES = [
  'ladders/dropbox/dropbox-ic6-principal-security-engineer.md',
  'ladders/octopus/octopus-l2-security-engineer.md',
  'ladders/octopus/octopus-l3-senior-cloud-security-engineer.md',
  'ladders/octopus/octopus-l4-security-engineer-technical-lead.md',
  'ladders/teleport/teleport-security-engineering-levels.tsv',
];

let cachedSeeds: LadderSet | null = null;
let cachedBundled: LadderSet | null = null;

/** The seed ladders only (with their companies' ladder.json), ingested once per test file. */
export function seeds(): LadderSet {
  cachedSeeds ??= ingestFiles(readLadderFiles('data').filter((f) => SEED_FILES.includes(f.path) || f.path.endsWith('/ladder.json')));
  return cachedSeeds;
}

/** Everything bundled in data/: the seeds and the rest of the public security ladders. */
export function bundled(): LadderSet {
  cachedBundled ??= loadDataDir('data');
  return cachedBundled;
}

export const file = (name: string) => (s: { source: { file: string } }) => s.source.file.endsWith(name);
