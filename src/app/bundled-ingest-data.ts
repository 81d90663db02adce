import { ingestRules } from 'virtual:atlas-data/ingest-rules';
import type { DataBundle } from '../atlas/data-bundle.ts';
import { defaultRules, parseIngestRules, type IngestRules } from '../ingest/index.ts';
import { ingestData } from './bundled-inputs.ts';

/** What ingestion needs of the bundled data folder: its ingest rules (the page and the upload worker read ladders with them). */
export const BUNDLED_INGEST_DATA: DataBundle = ingestData(ingestRules);

let compiled: IngestRules | undefined;

/** The bundled ingest rules, compiled (their limits are the upload panel's too). */
export function bundledIngestRules(): IngestRules {
  return (compiled ??= ingestRules === undefined ? defaultRules : parseIngestRules(ingestRules, { source: BUNDLED_INGEST_DATA.ingestRules!.name }));
}
