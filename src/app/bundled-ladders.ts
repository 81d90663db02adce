import { ladderFiles } from 'virtual:atlas-data/ladders';
import type { InputFile } from '../ingest/index.ts';
import { ladderInputs } from './bundled-inputs.ts';

/** The bundled ladder files as ingestion inputs (text, or bytes for files that are not UTF-8). */
export function bundledLadderFiles(): InputFile[] {
  return ladderInputs(ladderFiles);
}
