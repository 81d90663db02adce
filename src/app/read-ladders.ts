import { ingestFiles } from '../ingest/index.ts';
import type { LadderData } from '../views/atlas-data.ts';
import { bundledLadderFiles } from './bundled-ladders.ts';

/** Ingests the bundled ladder files with the CLI's ingestion code (enough for the overview). */
export function readLadders(): LadderData {
  return { set: ingestFiles(bundledLadderFiles()) };
}
