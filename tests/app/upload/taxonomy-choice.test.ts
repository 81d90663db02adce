import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStoredTaxonomy } from '../../../src/app/upload/stored-taxonomy.ts';
import { checkTaxonomyText, overridesFor, taxonomyInUse } from '../../../src/app/upload/taxonomy-choice.ts';

const bundled = readFileSync('data/taxonomy.json', 'utf8');
const firstId = (JSON.parse(bundled) as { competencies: { id: string }[] }).competencies[0].id;
/** An override in the bundled data's format, naming a competency of the bundled taxonomy. */
const overrides = `id,competency,comment\nacme.page.3,${firstId},set by a reviewer\n`;
const small = JSON.stringify({
  name: 'tiny', version: 1,
  groups: [{ id: 'work', label: 'Work' }],
  competencies: [
    { id: 'building', label: 'Building', group: 'work', definition: 'Makes things.', description: 'Writes and ships code.', cues: { build: 1, code: 1 } },
    { id: 'helping', label: 'Helping', group: 'work', definition: 'Helps people.', description: 'Mentors and unblocks others.', cues: { mentor: 1, help: 1 } },
  ],
});

describe('taxonomy choice', () => {
  it('accepts a valid taxonomy file and lists every problem of a broken one with the file name', () => {
    expect(checkTaxonomyText('mine.json', small).taxonomy?.competencies.map((c) => c.id)).toEqual(['building', 'helping']);
    const broken = checkTaxonomyText('mine.json', JSON.stringify({ groups: [{ id: 'work', label: 'Work' }], competencies: [{ id: 'x', label: 'X', group: 'play' }] }));
    expect(broken.taxonomy).toBeNull();
    expect(broken.problems.length).toBeGreaterThan(0);
    for (const p of broken.problems) expect(p).toMatch(/^mine\.json: /);
    expect(broken.problems.join(' ')).toMatch(/"play"/);
    expect(checkTaxonomyText('mine.json', '{ nope').problems[0]).toMatch(/^mine\.json/);
  });

  it('uses the uploaded taxonomy when it reads, else the bundled one', () => {
    expect(taxonomyInUse({ version: 1, fileName: 'mine.json', text: small }, bundled)).toMatchObject({ uploaded: true, taxonomy: { name: 'tiny' } });
    expect(taxonomyInUse({ version: 1, fileName: 'mine.json', text: '[]' }, bundled).uploaded).toBe(false);
    expect(taxonomyInUse(undefined, bundled).taxonomy.competencies).toHaveLength(16);
  });

  it('drops the bundled overrides that a swapped taxonomy cannot honour, but not under the bundled taxonomy', () => {
    const tiny = taxonomyInUse({ version: 1, fileName: 'mine.json', text: small }, bundled).taxonomy;
    expect(overridesFor(overrides, tiny, true)).toBeUndefined();
    expect(() => overridesFor(overrides, tiny, false)).toThrow();
    const own = taxonomyInUse(undefined, bundled).taxonomy;
    expect(overridesFor(overrides, own, true)).toEqual(overridesFor(overrides, own, false));
  });

  it('reads back a stored taxonomy record and rejects damaged ones', () => {
    const record = { version: 1 as const, fileName: 'mine.json', text: small };
    expect(parseStoredTaxonomy(structuredClone(record))).toEqual(record);
    for (const bad of [undefined, {}, { ...record, version: 0 }, { ...record, text: 5 }, { ...record, fileName: '' }]) expect(parseStoredTaxonomy(bad)).toBeNull();
  });
});
