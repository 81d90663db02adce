import * as v from 'valibot';
import { got, isPlainObject, mapOf, nonEmptyString, positive, readData, record, type Problem } from '../schema/index.ts';
import { words } from '../text/index.ts';
import { TaxonomyError } from './taxonomy-error.ts';
import type { Taxonomy } from './types.ts';

const ID = v.pipe(
  v.string((i) => `must be a lower-case identifier such as "threat" ${got(i.input)}`),
  v.regex(/^[a-z][a-z0-9-]*$/, (i) => `must be a lower-case identifier such as "threat" ${got(i.input)}`),
);

const CUES = v.pipe(
  mapOf(
    v.pipe(v.string(), v.check((phrase) => words(phrase).length > 0, 'has no words')),
    positive('must be a positive number'),
    'must be an object mapping cue phrase to a positive weight',
  ),
  v.check((cues) => Object.keys(cues).length > 0, 'is empty; give at least one cue phrase'),
);

const TAXONOMY = record(
  {
    name: v.optional(v.string(), 'taxonomy'),
    version: v.pipe(v.optional(v.union([v.string(), v.number()]), ''), v.transform(String)),
    groups: v.pipe(
      v.array(record({ id: ID, label: nonEmptyString(), description: v.optional(v.string(), '') }, 'expected an object with "id" and "label"'), 'must be a non-empty array of {id, label}'),
      v.minLength(1, 'must be a non-empty array of {id, label}'),
    ),
    competencies: v.pipe(
      v.array(
        record(
          {
            id: ID,
            label: nonEmptyString(),
            group: v.string('must be a string naming one of the groups'),
            definition: nonEmptyString(),
            description: nonEmptyString(),
            cues: CUES,
          },
          'expected an object',
        ),
        'must be a non-empty array',
      ),
      v.minLength(1, 'must be a non-empty array'),
    ),
  },
  'expected a JSON object with "groups" and "competencies"',
);

/** Problems the schema cannot see: ids used twice, groups that do not exist. */
function references(raw: unknown): Problem[] {
  if (!isPlainObject(raw)) return [];
  const problems: Problem[] = [];
  const items = (key: string) => (Array.isArray(raw[key]) ? (raw[key] as unknown[]) : []);
  const groupIds = new Set<string>();
  for (const key of ['groups', 'competencies']) {
    const seen = new Set<string>();
    items(key).forEach((item, i) => {
      const id = isPlainObject(item) ? item.id : undefined;
      if (typeof id !== 'string') return;
      if (seen.has(id)) problems.push({ path: [{ key }, { key: i, value: item }], message: `duplicate id "${id}"`, bare: true });
      seen.add(id);
      if (key === 'groups') groupIds.add(id);
    });
  }
  if (groupIds.size) {
    items('competencies').forEach((item, i) => {
      if (isPlainObject(item) && typeof item.group === 'string' && !groupIds.has(item.group)) {
        problems.push({ path: [{ key: 'competencies' }, { key: i, value: item }, { key: 'group' }], message: `"${item.group}" is not one of the groups (${[...groupIds].join(', ')})` });
      }
    });
  }
  return problems;
}

/**
 * Read and validate a taxonomy from JSON text or an already-parsed object.
 * Throws a {@link TaxonomyError} listing every problem (with the path of the offending field).
 */
export function parseTaxonomy(input: unknown, { source = 'taxonomy' }: { source?: string } = {}): Taxonomy {
  return readData(TAXONOMY, input, { source, references, error: TaxonomyError });
}
