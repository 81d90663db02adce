import { classifyText } from './classify-statement.ts';
import { classifiedRow, hasStatementFields } from './classified-row.ts';
import type { Classification, ClassifiedStatement, Kind, Statement } from '../types.ts';
import type { ClassifyAllOptions } from './types.ts';

/** Statement kinds that carry a behaviour and so get a competency. */
export const CLASSIFIED_KINDS: readonly Kind[] = ['expectation', 'example', 'summary'];

/** What an unclassified row carries: the classification's fields, undefined. */
const UNCLASSIFIED: Partial<Classification> = {};

/**
 * Classify a statement table, in order. Expectations, examples and summaries get `competency`,
 * `competencies`, `confidence` and `why`; other kinds come back unchanged. An override for a
 * statement id wins (score 1, confidence 1) and is recorded in `why.override` next to the cues.
 */
export function classifyAll(statements: Statement[], { taxonomy, priors, model, overrides = [] }: ClassifyAllOptions): ClassifiedStatement[] {
  const byId = new Map(overrides.map((o) => [o.id, o]));
  return statements.map((s) => {
    const override = byId.get(s.id);
    const plain = hasStatementFields(s);
    // Unclassified rows carry the same fields, undefined (one object shape for the whole table: faster analyses).
    if (!CLASSIFIED_KINDS.includes(s.kind) && !override) return classifiedRow(s, UNCLASSIFIED, plain);
    const result = classifyText(s.text, { taxonomy, priors, model, section: s.section });
    if (!override) return classifiedRow(s, result, plain);
    return classifiedRow(
      s,
      {
        competency: override.competency,
        competencies: [{ id: override.competency, score: 1 }],
        confidence: 1,
        why: { ...result.why, override: { competency: override.competency, comment: override.comment } },
      },
      plain,
    );
  });
}
