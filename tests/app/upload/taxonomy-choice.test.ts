import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStoredTaxonomy } from '../../../src/app/upload/stored-taxonomy.ts';
import { checkTaxonomyText, withUploadedTaxonomy } from '../../../src/app/upload/taxonomy-choice.ts';
import { atlas, dataBundle } from '../../../src/atlas/index.ts';

const bundled = readFileSync('data/taxonomy.json', 'utf8');
const data = dataBundle({ 'taxonomy.json': bundled });
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
    const uses = (text: string) => atlas([], withUploadedTaxonomy(data, { version: 1, fileName: 'mine.json', text })).taxonomy;
    expect(uses(small).name).toBe('tiny');
    expect(uses('[]').competencies).toHaveLength(16);
    expect(atlas([], withUploadedTaxonomy(data, undefined)).taxonomy.competencies).toHaveLength(16);
  });

  it('leaves out the bundled overrides that a swapped taxonomy cannot honour, but not under the bundled taxonomy', () => {
    const withOverrides = { ...data, overrides: { name: 'overrides.csv', content: overrides } };
    const tiny = atlas([], withUploadedTaxonomy(withOverrides, { version: 1, fileName: 'mine.json', text: small }));
    expect(tiny.overrides).toEqual([]);
    expect(tiny.warnings[0]).toMatch(/^overrides\.csv: left out, written for another taxonomy/);
    const own = atlas([], withUploadedTaxonomy(withOverrides, undefined));
    expect(own.overrides).toEqual([{ id: 'acme.page.3', competency: firstId, comment: 'set by a reviewer' }]);
  });

  it('reads back a stored taxonomy record and rejects damaged ones', () => {
    const record = { version: 1 as const, fileName: 'mine.json', text: small };
    expect(parseStoredTaxonomy(structuredClone(record))).toEqual(record);
    for (const bad of [undefined, {}, { ...record, version: 0 }, { ...record, text: 5 }, { ...record, fileName: '' }]) expect(parseStoredTaxonomy(bad)).toBeNull();
  });
});
