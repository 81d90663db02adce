import { ingestFiles, type InputFile } from '../ingest/index.ts';
import type { LadderData } from '../views/atlas-data.ts';
import { bundledLadderFiles } from './bundled-ladders.ts';

/**
 * Ingests the bundled ladder files, plus the user's uploaded ones (under `ladders/<company>/`), with the
 * CLI's ingestion code (enough for the overview).
 */
export function readLadders(uploaded: InputFile[] = []): LadderData {
  return { set: ingestFiles([...bundledLadderFiles(), ...uploaded]) };
}
