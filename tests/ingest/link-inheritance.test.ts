import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/index.ts';

/** A page per level, named by front matter, saying what it includes. */
const page = (label: string, title: string, includes: string) => ({
  path: `ladders/acme/${label.replace(/\s/g, '-')}.md`,
  content: `---\nlevel: ${label}\n---\n# ${title}\n\n${includes}\n\n## Craft\n- I do the work of ${label}.\n`,
});

describe('linkInheritance', () => {
  it('links every level of a long ladder to the level just below it', () => {
    const files = Array.from({ length: 300 }, (_, i) => page(`L${String(i + 1).padStart(3, '0')}`, `Engineer ${i + 1}`, 'This level builds on the previous level.'));
    const set = ingestFiles(files, { track: 'Eng' });
    const levels = set.levels.filter((l) => l.track === 'Eng');
    expect(levels).toHaveLength(300);
    expect(levels[0].inherits).toBeUndefined();
    for (let i = 1; i < levels.length; i++) expect(levels[i].inherits?.level).toBe(levels[i - 1].level);
    // The relation names the sentence that says so.
    const said = set.statements.find((s) => s.id === levels[150].inherits?.statement);
    expect(said).toMatchObject({ level: levels[150].level, text: 'This level builds on the previous level.' });
  });

  it('finds a level by its title or its label, and warns where the words name no other level', () => {
    const set = ingestFiles([
      page('A1', 'Apprentice', 'This level builds on the previous level.'),
      page('A2', 'Builder', 'Everything in level a1, plus:'),
      page('A3', 'Adept', 'Everything in A2, plus:'),
      page('A4', 'Lead', 'Everything in Wizard, plus:'),
    ], { track: 'Eng' });
    expect(set.levels.map((l) => `${l.level}<${l.inherits?.level ?? ''}`)).toEqual(['A1<', 'A2<A1', 'A3<A2', 'A4<']);
    expect(set.diagnostics.filter((d) => /names no other level/.test(d.message)).map((d) => d.file)).toEqual(['ladders/acme/A1.md', 'ladders/acme/A4.md']);
  });
});
