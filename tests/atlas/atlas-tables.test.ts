import { describe, expect, it } from 'vitest';
import { atlas, atlasFromTables, atlasTables, type AtlasTables } from '../../src/atlas/index.ts';
import { readDataBundle, readLadderFiles } from '../../src/cli/load-data-dir.ts';

const files = readLadderFiles('data');
const data = readDataBundle({ dir: 'data' });
const computed = atlas(files, { data });
const tables = atlasTables(computed);

describe('atlasTables / atlasFromTables', () => {
  const ways: [string, (t: AtlasTables) => AtlasTables][] = [
    ['as JSON (shipped with the build)', (t) => JSON.parse(JSON.stringify(t))],
    ['by structured clone (posted by a worker)', (t) => structuredClone(t)],
  ];
  for (const [way, carry] of ways) {
    it(`gives back the same statements, analyses and warnings ${way}`, () => {
      const back = atlasFromTables(carry(tables), { data });
      expect(back.set).toStrictEqual(computed.set);
      // Strict: the classification fields of an unclassified row are there, undefined, as classifyAll gives them.
      expect(back.statements).toStrictEqual(computed.statements);
      // An undefined field of an analysis row (a gap's `detail`) is left out by JSON: the same to every reader. A number
      // JSON cannot hold (NaN, Infinity) would come back null and fail here.
      for (const table of ['levels', 'similarity', 'similar', 'coverage', 'gaps', 'divergence', 'capNotes', 'competencies'] as const) expect(back.analysis[table]).toEqual(computed.analysis[table]);
      expect(back.warnings).toEqual(computed.warnings);
    });
  }

  it('does not repeat the statements: a classification per statement, null where none was made', () => {
    expect(tables.classes).toHaveLength(tables.set.statements.length);
    const unclassified = computed.statements.filter((s) => s.competencies === undefined).length;
    expect(unclassified).toBeGreaterThan(0);
    expect(tables.classes.filter((c) => c === null)).toHaveLength(unclassified);
    for (const c of tables.classes) if (c) expect(Object.keys(c)).not.toContain('text');
  });

  it('classifies other text as the atlas it came from (the classifier built from the data only then)', () => {
    const back = atlasFromTables(JSON.parse(JSON.stringify(tables)), { data });
    const text = 'Leads the incident response for the whole company and mentors the on-call engineers.';
    expect(back.classifyText(text)).toEqual(computed.classifyText(text));
  });
});
