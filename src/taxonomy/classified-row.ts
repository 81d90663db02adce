/**
 * A statement joined with its classification, as one new row. `{ ...statement, ...classification }` says the same,
 * but V8 copies a spread of a 13-field row key by key through its slow path (about 8 µs a row, the largest single
 * cost of classifying); a literal of the same fields in the same order takes a fraction of that and gives every
 * row one hidden class, which keeps the analyses' field reads fast. Rows whose fields are not the ingest's, in its
 * order, are spread as before, so the keys (and the JSON written from them) are the same either way.
 */
import type { Classification, ClassifiedStatement, Statement } from '../types.ts';

/** The fields of an ingested statement, in the order the readers write them. */
const STATEMENT_FIELDS = ['id', 'company', 'track', 'level', 'levelTitle', 'levelOrder', 'section', 'kind', 'text', 'flags', 'source', 'attribute', 'variant'] as const;

/** Whether a row has exactly the ingest's fields, in its order (then the literal below is the same row as a spread). */
export function hasStatementFields(s: Statement): boolean {
  const keys = Object.keys(s);
  if (keys.length !== STATEMENT_FIELDS.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== STATEMENT_FIELDS[i]) return false;
  return true;
}

/**
 * The row with the classification's fields after the statement's: `competency`, `competencies`, `secondary` (only
 * when given), `confidence`, `why`. `plain`: the row has the ingest's fields ({@link hasStatementFields}).
 */
export function classifiedRow(s: Statement, c: Partial<Classification>, plain: boolean): ClassifiedStatement {
  const { competency, competencies, secondary, confidence, why } = c;
  if (!plain) return secondary ? { ...s, competency, competencies, secondary, confidence, why } : { ...s, competency, competencies, confidence, why };
  // prettier-ignore
  return secondary
    ? { id: s.id, company: s.company, track: s.track, level: s.level, levelTitle: s.levelTitle, levelOrder: s.levelOrder, section: s.section, kind: s.kind, text: s.text, flags: s.flags, source: s.source, attribute: s.attribute, variant: s.variant, competency, competencies, secondary, confidence, why }
    : { id: s.id, company: s.company, track: s.track, level: s.level, levelTitle: s.levelTitle, levelOrder: s.levelOrder, section: s.section, kind: s.kind, text: s.text, flags: s.flags, source: s.source, attribute: s.attribute, variant: s.variant, competency, competencies, confidence, why };
}
