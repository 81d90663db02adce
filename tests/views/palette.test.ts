import { describe, expect, it } from 'vitest';
import { companyColor, companyColors, OKABE_ITO } from '../../src/views/palette.ts';
import { atlasOf } from '../helpers.ts';

// Issue 15: "adding an upload recolours the bundled companies (Octopus orange → green)".
describe('company colours stay put', () => {
  const bundled = atlasOf('data').set.levels;
  it('the bundled companies keep the colours their ladder.json names', () => {
    const c = companyColors(bundled);
    expect([c.get('dropbox'), c.get('octopus'), c.get('teleport')]).toEqual(['#0072B2', '#E69F00', '#009E73']);
  });
  it('adding uploads (ids sorting before and after them) recolours no company, and uploads take colours no bundled company has', () => {
    const before = companyColors(bundled);
    const uploads = ['aaa-first', 'acme', 'zeta', 'octopus-two'].map((company) => ({ company }));
    const after = companyColors([...bundled, ...uploads]);
    for (const [id, colour] of before) expect(after.get(id), id).toBe(colour);
    for (const u of uploads) {
      expect(OKABE_ITO).toContain(after.get(u.company));
      expect([...before.values()]).not.toContain(after.get(u.company));
      // An upload's colour depends on its id alone: the same with or without the other uploads.
      expect(companyColors([...bundled, u]).get(u.company)).toBe(after.get(u.company));
    }
  });
  it('a chart scale lists only the companies shown, in their fixed colours', () => {
    const scale = companyColor(['teleport', 'dropbox'], [...bundled, { company: 'aaa' }]);
    expect(scale).toEqual({ domain: ['dropbox', 'teleport'], range: ['#0072B2', '#009E73'] });
  });
});
