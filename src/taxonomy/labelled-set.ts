import Papa from 'papaparse';
import { TaxonomyError } from './taxonomy-error.ts';
import type { Statement } from '../types.ts';

/** One row of a labelled development set: a statement located by file, line and text, with acceptable competencies. */
export interface LabelledRow {
  file: string;
  line: number;
  section: string;
  text: string;
  /** Acceptable competency ids, preferred first. */
  acceptable: string[];
}

/** A labelled row joined to the statement it labels (null when the data no longer holds it). */
export interface LabelledMatch {
  row: LabelledRow;
  statement: Statement | null;
}

/** Read a labelled set: CSV with columns `file,line,section,text,acceptable` (acceptable = ids joined by `|`). */
export function parseLabelledSet(csvText: string, { source = 'labelled set' }: { source?: string } = {}): LabelledRow[] {
  const parsed = Papa.parse<Record<string, string>>(csvText.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const fields = parsed.meta.fields ?? [];
  const missing = ['text', 'acceptable'].filter((f) => !fields.includes(f));
  if (missing.length) throw new TaxonomyError(source, [`missing column(s) ${missing.join(', ')}`]);
  return parsed.data.map((r) => ({
    file: (r.file ?? '').trim(),
    line: Number(r.line) || 0,
    section: (r.section ?? '').trim(),
    text: r.text ?? '',
    acceptable: (r.acceptable ?? '').split('|').map((s) => s.trim()).filter(Boolean),
  }));
}

/** Text as compared when joining labels to statements: lower case, links dropped, punctuation and spacing collapsed. */
export const normalLabelText = (s: string) => s.toLowerCase().replace(/\([^)]*https?:[^)]*\)|\]\([^)]*\)/g, '').replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Join labelled rows to statements by file + line + text (so the labels survive id changes).
 * Text is compared loosely (case, punctuation, spacing); when the exact text is gone from that
 * line, the statement on the same line sharing the most words (at least 60%) is taken.
 */
export function joinLabelled(rows: LabelledRow[], statements: Statement[]): LabelledMatch[] {
  const byLine = new Map<string, Statement[]>();
  for (const s of statements) {
    const key = `${s.source.file}#${s.source.line}`;
    byLine.set(key, [...(byLine.get(key) ?? []), s]);
  }
  return rows.map((row) => {
    const candidates = byLine.get(`${row.file}#${row.line}`) ?? [];
    const want = normalLabelText(row.text);
    const exact = candidates.find((s) => normalLabelText(s.text) === want);
    if (exact) return { row, statement: exact };
    const words = new Set(want.split(' '));
    let best: Statement | null = null;
    let bestScore = 0.6;
    for (const s of candidates) {
      const other = new Set(normalLabelText(s.text).split(' '));
      const shared = [...words].filter((w) => other.has(w)).length;
      const score = shared / Math.max(words.size, other.size);
      if (score >= bestScore) [best, bestScore] = [s, score];
    }
    return { row, statement: best };
  });
}
