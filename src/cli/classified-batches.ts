/**
 * The atlas's statements classified a batch at a time, for a command that prints each row once and keeps none.
 *
 * Classifying a statement reads no other statement (classifyAll maps row by row), so the rows come out exactly as
 * `atlas.statements` holds them. Held all at once, the classified table with its reasons is most of the process's
 * memory at 100× the seeds and more, and every collection copies it again; classified a batch before it is written,
 * each row dies young and the table is never whole. Nor are the rows' words and cue matches kept for analyses
 * (no analysis reads these rows).
 */
import type { Atlas } from '../atlas/index.ts';
import type { ClassifiedStatement } from '../types.ts';

/** Statements classified together: large enough that the per-call work (overrides looked up by id) is nothing. */
const BATCH = 256;

export function* classifiedInBatches(input: Pick<Atlas, 'set' | 'classify'>, size = BATCH): Generator<ClassifiedStatement> {
  const rows = input.set.statements;
  for (let i = 0; i < rows.length; i += size) yield* input.classify(rows.slice(i, i + size), { keepWords: false });
}
