import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/index.ts';

const page = (level: string) => ({ path: `ladders/acme/${level.toLowerCase()}.md`, content: `# ${level}: Security Engineer\n\n## Craft\n- Fixes findings.\n` });

describe('ladder.json', () => {
  it('names the file and field of a bad value, ignores only that value, and loads the rest', () => {
    const meta = { path: 'ladders/acme/ladder.json', content: JSON.stringify({ name: 'Acme Corp', files: { 'l3.md': { track: 42 }, 'l2.md': { track: 'Cloud Security' } } }) };
    const set = ingestFiles([meta, page('L2'), page('L3')]);
    expect(set.diagnostics).toEqual([{ severity: 'warning', file: 'ladders/acme/ladder.json', message: '"files" › "l3.md" › "track" must be a non-empty string (got 42); ignored' }]);
    expect(set.levels.map((l) => [l.companyName, l.level, l.track])).toEqual([
      ['Acme Corp', 'L2', 'Cloud Security'],
      ['Acme Corp', 'L3', 'Security Engineer'],
    ]);
    expect(set.statements).toHaveLength(2);
  });

  it('reports each bad field and unknown field, keeping the good ones', () => {
    const meta = { path: 'ladders/acme/ladder.json', content: JSON.stringify({ name: '', track: 'Security', levels: 'L3, L2', files: [], colour: 'red' }) };
    const set = ingestFiles([meta, page('L2'), page('L3')]);
    expect(set.diagnostics.map((d) => d.message)).toEqual([
      'unknown metadata field "colour"; ignored',
      '"name" must be a non-empty string (got ""); ignored',
      '"levels" must be a list of level labels, lowest first; ignored',
      '"files" must map file names to objects such as {"track": "Security Engineer"}; ignored',
    ]);
    expect(new Set(set.levels.map((l) => `${l.companyName}/${l.track}`))).toEqual(new Set(['Acme/Security']));
  });
});
