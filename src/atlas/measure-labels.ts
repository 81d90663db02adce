import { evaluate, type Evaluation } from '../taxonomy/evaluate.ts';
import { joinLabelled, type LabelledRow } from '../taxonomy/labelled-set.ts';
import type { Classification, Statement } from '../types.ts';
import type { Atlas } from './atlas.ts';

export interface LabelledResult {
  row: LabelledRow;
  /** The statement the row labels, when the ladders still hold it. */
  statement: Statement | null;
  predicted: string | null;
  why: Classification['why'] | undefined;
}

/**
 * The classifier against a labelled set, as `ladders eval` and the methodology notebook measure it: a row found
 * among the atlas's statements is classified in place, any other from its own text and section; overrides are
 * left out so they cannot flatter the score.
 */
export function measureLabels(a: Atlas, rows: readonly LabelledRow[]): { evaluation: Evaluation; found: number; results: LabelledResult[] } {
  const matches = joinLabelled([...rows], a.set.statements);
  const inPlace = new Map(a.classify(matches.flatMap((m) => (m.statement ? [m.statement] : [])), { overrides: false }).map((s) => [s.id, s]));
  const results = matches.map(({ row, statement }) => {
    const c = statement ? inPlace.get(statement.id)! : a.classifyText(row.text, row.section);
    return { row, statement, predicted: c.competency ?? null, why: c.why };
  });
  const evaluation = evaluate(results.map((r) => ({ acceptable: r.row.acceptable, predicted: r.predicted })), a.taxonomy.competencies.map((c) => c.id));
  return { evaluation, found: matches.filter((m) => m.statement).length, results };
}
