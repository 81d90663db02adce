import type { LadderSummary } from './summarise.ts';

/** What the panel asks the ingestion worker to read. */
export interface IngestRequest {
  files: { name: string; bytes: Uint8Array }[];
  /** Display name the user gave; empty to detect it from the files. */
  name: string;
  track?: string;
  levels?: string[];
  /** Track per file name, where the user corrected it. */
  fileTracks?: Record<string, string>;
  /** The files are pages added to a bundled company: its id and its ladder.json (track, level order), read with them. */
  layer?: { company: string; meta?: string };
}

/** What the worker answers: progress while reading, then a summary or a refusal. */
export type IngestReply =
  | { type: 'progress'; done: number; total: number; step: string }
  | { type: 'refused'; message: string }
  | { type: 'result'; summary: LadderSummary; detectedName?: string; detectedTrack?: string; levelsSort: boolean }
  | { type: 'failed'; message: string };
