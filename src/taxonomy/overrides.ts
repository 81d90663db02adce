import Papa from 'papaparse';
import { TaxonomyError } from './taxonomy-error.ts';
import type { Override, Taxonomy } from './types.ts';

/**
 * Read user overrides from CSV text with header `id,competency,comment` (comment optional).
 * With a taxonomy, an unknown competency id is an error naming the row.
 */
export function parseOverrides(csvText: string, taxonomy?: Taxonomy, { source = 'overrides' }: { source?: string } = {}): Override[] {
  const text = csvText.replace(/^\uFEFF/, '');
  if (!text.trim()) return [];
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() });
  const fields = parsed.meta.fields ?? [];
  const missing = ['id', 'competency'].filter((f) => !fields.includes(f));
  if (missing.length) throw new TaxonomyError(source, [`header must include ${missing.map((m) => `"${m}"`).join(' and ')} (found: ${fields.join(', ') || 'nothing'})`]);
  const known = taxonomy ? new Set(taxonomy.competencies.map((c) => c.id)) : null;
  const problems: string[] = [];
  const seen = new Set<string>();
  const out: Override[] = [];
  parsed.data.forEach((row, i) => {
    const line = i + 2;
    const id = (row.id ?? '').trim();
    const competency = (row.competency ?? '').trim();
    if (!id) return void problems.push(`row ${line}: "id" is empty`);
    if (!competency) return void problems.push(`row ${line} (${id}): "competency" is empty`);
    if (known && !known.has(competency)) return void problems.push(`row ${line} (${id}): "${competency}" is not a competency in the taxonomy`);
    if (seen.has(id)) return void problems.push(`row ${line}: statement "${id}" is overridden twice`);
    seen.add(id);
    out.push({ id, competency, comment: (row.comment ?? '').trim() });
  });
  if (problems.length) throw new TaxonomyError(source, problems);
  return out;
}

/** Override ids that match no statement (to report to the user). */
export function unmatchedOverrides(statements: { id: string }[], overrides: Override[]): Override[] {
  const ids = new Set(statements.map((s) => s.id));
  return overrides.filter((o) => !ids.has(o.id));
}
