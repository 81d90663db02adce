import { describe, expect, it } from 'vitest';
import { parseTaxonomy, TaxonomyError } from '../../src/taxonomy/index.ts';
import { taxonomy, taxonomyText } from './helpers.ts';

const DESIGN: Record<string, string[]> = {
  scope: ['scope', 'autonomy', 'strategy'],
  craft: ['expertise', 'threat', 'delivery', 'incident', 'risk'],
  people: ['mentoring', 'hiring', 'communication', 'collaboration'],
  leadership: ['leadership', 'business', 'innovation', 'growth'],
};

const minimal = () => ({
  groups: [{ id: 'g', label: 'G' }],
  competencies: [{ id: 'a', label: 'A', group: 'g', definition: 'd', description: 'd', cues: { alpha: 1 } }],
});

function problemsOf(input: unknown): string {
  try {
    parseTaxonomy(input, { source: 'my-taxonomy.json' });
  } catch (e) {
    expect(e).toBeInstanceOf(TaxonomyError);
    return (e as Error).message;
  }
  throw new Error('expected a TaxonomyError');
}

describe('parseTaxonomy', () => {
  it('reads the shipped taxonomy: the 16 competencies in the 4 groups of the design brief', () => {
    expect(taxonomy.groups.map((g) => g.id)).toEqual(Object.keys(DESIGN));
    for (const [group, ids] of Object.entries(DESIGN)) {
      expect(taxonomy.competencies.filter((c) => c.group === group).map((c) => c.id)).toEqual(ids);
    }
    expect(taxonomy.competencies).toHaveLength(16);
    for (const c of taxonomy.competencies) {
      expect(c.definition.length, c.id).toBeGreaterThan(10);
      expect(Object.keys(c.cues).length, c.id).toBeGreaterThanOrEqual(10);
    }
  });

  it('accepts text or an already-parsed object alike', () => {
    expect(parseTaxonomy(JSON.parse(taxonomyText()))).toEqual(taxonomy);
  });

  it('names the file and the syntax problem for invalid JSON', () => {
    expect(problemsOf('{"groups": [')).toMatch(/^my-taxonomy\.json: not valid JSON/);
  });

  it('names a competency whose group does not exist', () => {
    const t = minimal();
    t.competencies[0].group = 'crft';
    expect(problemsOf(t)).toContain('competencies[0] ("a"): "group" "crft" is not one of the groups (g)');
  });

  it('names duplicate ids, bad cue weights, missing fields and empty cue lists together', () => {
    const t = minimal() as { groups: unknown[]; competencies: Record<string, unknown>[] };
    t.competencies.push({ id: 'a', label: 'A2', group: 'g', definition: 'd', description: 'd', cues: { x: 1 } });
    t.competencies.push({ id: 'b', label: 'B', group: 'g', description: 'd', cues: { beta: -2 } });
    t.competencies.push({ id: 'c', label: 'C', group: 'g', definition: 'd', description: 'd', cues: {} });
    const message = problemsOf(t);
    expect(message).toContain('competencies[1]: duplicate id "a"');
    expect(message).toContain('competencies[2] ("b"): "definition" is missing');
    expect(message).toContain('competencies[2] ("b"): "cues" › "beta" must be a positive number (got -2)');
    expect(message).toContain('competencies[3] ("c"): "cues" is empty');
  });

  it('rejects ids that are not lower-case identifiers and a missing competencies list', () => {
    expect(problemsOf({ groups: [{ id: 'Group One', label: 'x' }] })).toMatch(/groups\[0\]: "id" must be a lower-case identifier such as "threat" \(got "Group One"\)[\s\S]*"competencies" is missing/);
  });

  it('names an empty label, a cue phrase without words and a group that is not an object', () => {
    const t = minimal() as { groups: unknown[]; competencies: Record<string, unknown>[] };
    t.groups.push('people');
    t.competencies[0].label = ' ';
    t.competencies[0].cues = { alpha: 1, '—': 2 };
    const message = problemsOf(t);
    expect(message).toContain('groups[1]: expected an object with "id" and "label"');
    expect(message).toContain('competencies[0] ("a"): "label" must be a non-empty string (got " ")');
    expect(message).toContain('competencies[0] ("a"): "cues" › "—" has no words');
  });

  it('reads a cue phrase in any script as words', () => {
    const t = minimal();
    t.competencies[0].cues = { café: 1 } as never;
    expect(parseTaxonomy(t).competencies[0].cues).toEqual({ café: 1 });
  });

  it('rejects a file that is not an object', () => {
    expect(problemsOf('[]')).toContain('expected a JSON object');
  });
});
