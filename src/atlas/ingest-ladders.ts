import { defaultRules, ingestFiles, parseIngestRules, type IngestRules, type InputFile } from '../ingest/index.ts';
import type { LadderSet } from '../types.ts';
import type { DataBundle } from './data-bundle.ts';
import { parseOnce } from './parse-data.ts';

export interface LadderOptions {
  /** The data files; only `ingestRules` is read here. */
  data?: DataBundle;
  /** Company of files that are not under `ladders/<company>/` (loose files, an upload). */
  company?: string;
  /** Track of such files, when the user names it. */
  track?: string;
}

const rules = (content: unknown, source: string) => parseIngestRules(content, { source });

/** The ingest rules of a bundle (its own, else the defaults), parsed once. */
export function ladderRules(data?: DataBundle): IngestRules {
  return data?.ingestRules ? parseOnce(data.ingestRules, rules) : defaultRules;
}

/**
 * The first stage of {@link atlas} on its own: ladder files to one statement table, read with the bundle's
 * ingest rules. For shells that show the ladders before the classifier has loaded (the dashboard's first view,
 * the upload worker).
 */
export function ingestLadders(files: readonly InputFile[], { data, company, track }: LadderOptions = {}): LadderSet {
  return ingestFiles([...files], { ...(data?.ingestRules ? { rules: parseOnce(data.ingestRules, rules) } : {}), company, track });
}
