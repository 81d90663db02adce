import * as v from 'valibot';
import { formatProblem, mapOf, nonNegative, positive, readData, record, type Problem } from '../schema/index.ts';
import { words } from '../text/index.ts';
import { TaxonomyError } from './taxonomy-error.ts';
import type { PriorRule, SectionPriors, Taxonomy } from './types.ts';

const PHRASES = 'must be a non-empty array of section-name phrases';
const WEIGHTS = 'must be an object mapping competency id to a positive number';

const PRIORS = record(
  {
    strength: v.optional(nonNegative('must be a non-negative number'), 1.5),
    rules: v.array(
      record(
        {
          label: v.optional(v.string()),
          match: v.pipe(v.array(v.pipe(v.string(PHRASES), v.check((m) => words(m).length > 0, PHRASES)), PHRASES), v.minLength(1, PHRASES)),
          weights: v.pipe(mapOf(v.string(), positive(), WEIGHTS), v.check((w) => Object.keys(w).length > 0, WEIGHTS)),
        },
        'expected an object with "match" and "weights"',
      ),
      'must be an array',
    ),
  },
  'expected a JSON object with "rules"',
);

/**
 * Read and validate the section-prior crosswalk from JSON text or an object.
 * With a taxonomy, weights for ids it does not define are dropped and listed in `warnings`
 * (so a swapped-in taxonomy still works with the shipped crosswalk).
 */
export function parsePriors(input: unknown, taxonomy?: Taxonomy, { source = 'section-priors' }: { source?: string } = {}): SectionPriors {
  const raw = readData(PRIORS, input, { source, error: TaxonomyError });
  const known = taxonomy ? new Set(taxonomy.competencies.map((c) => c.id)) : null;
  const warnings: Problem[] = [];
  const rules: PriorRule[] = [];
  raw.rules.forEach((r, i) => {
    const weights = Object.fromEntries(Object.entries(r.weights).filter(([id]) => !known || known.has(id)));
    for (const id of Object.keys(r.weights)) {
      if (!(id in weights)) warnings.push({ path: [{ key: 'rules' }, { key: i, value: r }], message: `"${id}" is not a competency in the taxonomy; weight ignored` });
    }
    if (Object.keys(weights).length) rules.push({ label: r.label ?? r.match.join(' / '), match: r.match, weights });
  });
  return { strength: raw.strength, rules, warnings: warnings.map(formatProblem) };
}

