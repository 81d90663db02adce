import { classifyWordsWhy, cueMatches } from './classify-statement.ts';
import { keepRowCues } from './row-cues.ts';
import { keepRowWords, splitText } from '../text/index.ts';
import { classifiedRow, hasStatementFields } from './classified-row.ts';
import type { Classification, ClassifiedStatement, Kind, Statement } from '../types.ts';
import type { ClassifyAllOptions, Override } from './types.ts';

/** Statement kinds that carry a behaviour and so get a competency. */
export const CLASSIFIED_KINDS: readonly Kind[] = ['expectation', 'example', 'summary'];

/** What an unclassified row carries: the classification's fields, undefined. */
const UNCLASSIFIED: Partial<Classification> = {};

/**
 * Classify a statement table, in order. Expectations, examples and summaries get `competency`,
 * `competencies`, `confidence` and `why`; other kinds come back unchanged. An override for a
 * statement id wins (score 1, confidence 1) and is recorded in `why.override` next to the cues.
 */
export function classifyAll(statements: Statement[], { taxonomy, priors, model, overrides = [], keepWords = true, reasons = true }: ClassifyAllOptions): ClassifiedStatement[] {
  const byId = new Map(overrides.map((o) => [o.id, o]));
  return statements.map((s) => {
    const override = byId.size ? byId.get(s.id) : undefined;
    const plain = hasStatementFields(s);
    // Unclassified rows carry the same fields, undefined (one object shape for the whole table: faster analyses).
    if (!CLASSIFIED_KINDS.includes(s.kind) && !override) return classifiedRow(s, UNCLASSIFIED, plain);
    // The row's words and cue matches, found once here, stay with the classified row for the analyses to read (unless
    // the caller says no analysis will read this row).
    const split = splitText(s.text);
    const matches = cueMatches(split.stems, taxonomy, split.ids);
    const result = classifyWordsWhy(s.text, split, { taxonomy, priors, model, section: s.section }, matches, reasons);
    const row = override ? overridden(s, result, override, plain) : classifiedRow(s, result, plain);
    if (keepWords === true) keepRowWords(row, split);
    if (keepWords) keepRowCues(row, taxonomy, matches);
    return row;
  });
}

/** The row as the reviewer decided (score 1, confidence 1), the classifier's reasons kept beside the override. */
function overridden(s: Statement, result: Partial<Classification>, override: Override, plain: boolean): ClassifiedStatement {
  const why = result.why && { ...result.why, override: { competency: override.competency, comment: override.comment } };
  return classifiedRow(s, { competency: override.competency, competencies: [{ id: override.competency, score: 1 }], confidence: 1, why }, plain);
}
