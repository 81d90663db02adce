import { TaxonomyError, isPlainObject, readJson } from './taxonomy-error.ts';
import type { PriorRule, SectionPriors, Taxonomy } from './types.ts';

const DEFAULT_STRENGTH = 1.5;

/**
 * Read and validate the section-prior crosswalk from JSON text or an object.
 * With a taxonomy, weights for ids it does not define are dropped and listed in `warnings`
 * (so a swapped-in taxonomy still works with the shipped crosswalk).
 */
export function parsePriors(
  input: unknown,
  taxonomy?: Taxonomy,
  { source = 'section-priors' }: { source?: string } = {},
): SectionPriors {
  const raw = readJson(input, source);
  if (!isPlainObject(raw)) throw new TaxonomyError(source, ['expected a JSON object with "rules"']);
  const problems: string[] = [];
  const warnings: string[] = [];
  const strength = raw.strength ?? DEFAULT_STRENGTH;
  if (typeof strength !== 'number' || !Number.isFinite(strength) || strength < 0) {
    problems.push(`"strength" must be a non-negative number (got ${JSON.stringify(raw.strength)})`);
  }
  if (!Array.isArray(raw.rules)) throw new TaxonomyError(source, [...problems, '"rules" must be an array']);
  const known = taxonomy ? new Set(taxonomy.competencies.map((c) => c.id)) : null;
  const rules: PriorRule[] = [];
  raw.rules.forEach((r, i) => {
    const at = `rules[${i}]${isPlainObject(r) && typeof r.label === 'string' ? ` ("${r.label}")` : ''}`;
    if (!isPlainObject(r)) return void problems.push(`${at}: expected an object with "match" and "weights"`);
    const match = Array.isArray(r.match) ? r.match.filter((m): m is string => typeof m === 'string' && /[a-z0-9]/i.test(m)) : [];
    if (!Array.isArray(r.match) || match.length === 0 || match.length !== r.match.length) {
      problems.push(`${at}: "match" must be a non-empty array of section-name phrases`);
    }
    if (!isPlainObject(r.weights) || Object.keys(r.weights).length === 0) {
      return void problems.push(`${at}: "weights" must be an object mapping competency id to a positive number`);
    }
    const weights: Record<string, number> = {};
    for (const [id, w] of Object.entries(r.weights)) {
      if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0) problems.push(`${at}: weight for "${id}" must be a positive number`);
      else if (known && !known.has(id)) warnings.push(`${at}: "${id}" is not a competency in the taxonomy; weight ignored`);
      else weights[id] = w;
    }
    if (Object.keys(weights).length) rules.push({ label: typeof r.label === 'string' ? r.label : match.join(' / '), match, weights });
  });
  if (problems.length) throw new TaxonomyError(source, problems);
  return { strength: strength as number, rules, warnings };
}
