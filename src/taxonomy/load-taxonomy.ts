import { TaxonomyError, isPlainObject, readJson } from './taxonomy-error.ts';
import type { Competency, CompetencyGroup, Taxonomy } from './types.ts';

const ID = /^[a-z][a-z0-9-]*$/;

/**
 * Read and validate a taxonomy from JSON text or an already-parsed object.
 * Throws a {@link TaxonomyError} listing every problem (with the path of the offending field).
 */
export function parseTaxonomy(input: unknown, { source = 'taxonomy' }: { source?: string } = {}): Taxonomy {
  const raw = readJson(input, source);
  const problems: string[] = [];
  if (!isPlainObject(raw)) throw new TaxonomyError(source, ['expected a JSON object with "groups" and "competencies"']);

  const groups = readGroups(raw.groups, problems);
  const groupIds = new Set(groups.map((g) => g.id));
  const competencies = readCompetencies(raw.competencies, groupIds, problems);
  if (problems.length) throw new TaxonomyError(source, problems);
  return {
    name: typeof raw.name === 'string' ? raw.name : 'taxonomy',
    version: typeof raw.version === 'string' || typeof raw.version === 'number' ? String(raw.version) : '',
    groups,
    competencies,
  };
}

function readGroups(value: unknown, problems: string[]): CompetencyGroup[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push('"groups" must be a non-empty array of {id, label}');
    return [];
  }
  const seen = new Set<string>();
  const groups: CompetencyGroup[] = [];
  value.forEach((g, i) => {
    const at = `groups[${i}]`;
    if (!isPlainObject(g)) return void problems.push(`${at}: expected an object with "id" and "label"`);
    const id = checkId(g.id, at, seen, problems);
    if (typeof g.label !== 'string' || !g.label.trim()) problems.push(`${at}${id ? ` ("${id}")` : ''}: "label" must be a non-empty string`);
    if (id) groups.push({ id, label: String(g.label ?? id), description: typeof g.description === 'string' ? g.description : '' });
  });
  return groups;
}

function readCompetencies(value: unknown, groupIds: Set<string>, problems: string[]): Competency[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push('"competencies" must be a non-empty array');
    return [];
  }
  const seen = new Set<string>();
  const out: Competency[] = [];
  value.forEach((c, i) => {
    let at = `competencies[${i}]`;
    if (!isPlainObject(c)) return void problems.push(`${at}: expected an object`);
    const id = checkId(c.id, at, seen, problems);
    if (id) at += ` ("${id}")`;
    for (const field of ['label', 'definition', 'description'] as const) {
      if (typeof c[field] !== 'string' || !(c[field] as string).trim()) problems.push(`${at}: "${field}" must be a non-empty string`);
    }
    if (typeof c.group !== 'string') problems.push(`${at}: "group" must be a string naming one of the groups`);
    else if (groupIds.size && !groupIds.has(c.group)) {
      problems.push(`${at}: "group" "${c.group}" is not one of the groups (${[...groupIds].join(', ')})`);
    }
    const cues = readCues(c.cues, at, problems);
    if (id) {
      out.push({
        id,
        label: String(c.label ?? id),
        group: String(c.group ?? ''),
        definition: String(c.definition ?? ''),
        description: String(c.description ?? ''),
        cues,
      });
    }
  });
  return out;
}

function readCues(value: unknown, at: string, problems: string[]): Record<string, number> {
  if (!isPlainObject(value)) {
    problems.push(`${at}: "cues" must be an object mapping cue phrase to a positive weight`);
    return {};
  }
  const cues: Record<string, number> = {};
  for (const [phrase, weight] of Object.entries(value)) {
    if (!/[a-z0-9]/i.test(phrase)) problems.push(`${at}: cue "${phrase}" has no words`);
    else if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
      problems.push(`${at}: cue "${phrase}" must have a positive number as weight (got ${JSON.stringify(weight)})`);
    } else cues[phrase] = weight;
  }
  if (Object.keys(value).length === 0) problems.push(`${at}: "cues" is empty; give at least one cue phrase`);
  return cues;
}

function checkId(value: unknown, at: string, seen: Set<string>, problems: string[]): string | null {
  if (typeof value !== 'string' || !ID.test(value)) {
    problems.push(`${at}: "id" must be a lower-case identifier such as "threat" (got ${JSON.stringify(value)})`);
    return null;
  }
  if (seen.has(value)) {
    problems.push(`${at}: duplicate id "${value}"`);
    return null;
  }
  seen.add(value);
  return value;
}
