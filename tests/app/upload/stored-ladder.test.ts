import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../src/ingest/index.ts';
import { companySlug, ladderInputFiles, makeStoredLadder, metadataText, parseStoredLadder, safeFileNames } from '../../../src/app/upload/stored-ladder.ts';

const csv = 'company,level,level_title,section,kind,statement\nWhoever,A1,Analyst,Craft,,Reviews access requests against the policy.\nWhoever,A2,Senior Analyst,Craft,,Designs the access review process for a department.\n';
const page = new TextEncoder().encode('# L1: Security Analyst\n\n## Craft\n\n- Triages alerts from the detection pipeline.\n- Writes up what they found in plain words.\n');

describe('stored ladders', () => {
  it('makes company ids like ingestion does from folder names', () => {
    expect(companySlug('Acme Corp.')).toBe('acme-corp');
    expect(companySlug('  Zürich Bank  ')).toBe('zurich-bank');
    expect(companySlug('!!!')).toBe('');
  });

  it('keeps file names safe and unique', () => {
    expect(safeFileNames(['../../etc/passwd', '.hidden.md', 'a.md', 'A.md', 'dir\\b.csv', ''])).toEqual(['passwd', 'hidden.md', 'a.md', 'A-2.md', 'b.csv', 'ladder']);
  });

  it('puts uploaded files under ladders/<company>/ with a metadata file holding the name, track and level order', () => {
    const ladder = makeStoredLadder({ name: ' Acme Corp ', track: 'Security', levels: ['A1', ' A2 '], files: [{ name: 'my.csv', content: csv }] });
    expect(ladder).toMatchObject({ version: 1, company: 'acme-corp', name: 'Acme Corp', track: 'Security', levels: ['A1', 'A2'] });
    const files = ladderInputFiles(ladder);
    expect(files.map((f) => f.path)).toEqual(['ladders/acme-corp/my.csv', 'ladders/acme-corp/ladder.json']);
    expect(JSON.parse(files[1].content as string)).toEqual({ name: 'Acme Corp', track: 'Security', levels: ['A1', 'A2'] });
  });

  it('ingests as the named company, with provenance at the virtual path and the user\u2019s track', () => {
    const ladder = makeStoredLadder({ name: 'Acme Corp', track: 'Security Analyst', files: [{ name: 'my.csv', content: csv }, { name: 'page.md', content: page }] });
    const set = ingestFiles(ladderInputFiles(ladder));
    expect(new Set(set.statements.map((s) => s.company))).toEqual(new Set(['acme-corp']));
    expect(set.levels.every((l) => l.companyName === 'Acme Corp' && l.track === 'Security Analyst')).toBe(true);
    expect(set.statements.find((s) => s.text.startsWith('Reviews access'))?.source).toEqual({ file: 'ladders/acme-corp/my.csv', line: 2 });
    expect(set.statements.find((s) => s.text.startsWith('Triages'))?.source).toEqual({ file: 'ladders/acme-corp/page.md', line: 5 });
  });

  it('merges the user\u2019s own ladder.json with the name they gave, and passes a broken one on for ingestion to report', () => {
    expect(JSON.parse(metadataText({ name: 'Acme' }, { name: 'ladder.json', content: '{"levels": ["P1", "P2"], "name": "Old"}' }))).toEqual({ levels: ['P1', 'P2'], name: 'Acme' });
    expect(metadataText({ name: 'Acme' }, { name: 'ladder.json', content: '{ not json' })).toBe('{ not json');
    const ladder = makeStoredLadder({ name: 'Acme', files: [{ name: 'ladder.json', content: '[1]' }, { name: 'my.csv', content: csv }] });
    const set = ingestFiles(ladderInputFiles(ladder));
    expect(set.diagnostics).toContainEqual({ severity: 'error', file: 'ladders/acme/ladder.json', message: 'metadata must be a JSON object; ignored' });
    expect(set.statements).toHaveLength(2);
  });

  it('reads back what it stored, bytes and text alike', () => {
    const ladder = makeStoredLadder({ name: 'Acme', files: [{ name: 'my.csv', content: csv }, { name: 'page.md', content: page }] });
    const back = parseStoredLadder(structuredClone(ladder));
    expect(back).toEqual(ladder);
    expect(back?.files[1].content).toBeInstanceOf(Uint8Array);
  });

  it('rejects damaged or foreign records instead of loading them', () => {
    const good = makeStoredLadder({ name: 'Acme', files: [{ name: 'my.csv', content: csv }] });
    for (const bad of [
      null, 'text', { ...good, version: 2 }, { ...good, company: 'Not A Slug' }, { ...good, company: '../x' }, { ...good, name: ' ' },
      { ...good, files: [] }, { ...good, files: [{ name: 'a/b.csv', content: csv }] }, { ...good, files: [{ name: '.x', content: csv }] },
      { ...good, files: [{ name: 'a.csv', content: 42 }] }, { ...good, track: 7 }, { ...good, levels: [1, 2] },
    ]) {
      expect(parseStoredLadder(bad)).toBeNull();
    }
  });
});

describe('several tracks in one upload', () => {
  const engineer = '# L2: Security Engineer\n\n## Craft\n\n- Reviews pull requests for injection mistakes.\n';
  const analyst = '# L2: Security Analyst\n\n## Operations\n\n- Investigates suspicious sign-ins.\n';

  it('keeps pages of different tracks as separate ladders', () => {
    const ladder = makeStoredLadder({ name: 'Harbor', files: [{ name: 'eng.md', content: engineer }, { name: 'ana.md', content: analyst }] });
    const set = ingestFiles(ladderInputFiles(ladder));
    expect(set.levels.map((l) => [l.track, l.level])).toEqual([['Security Analyst', 'L2'], ['Security Engineer', 'L2']]);
  });

  it('applies a track the user corrected for one file, keyed by the stored (safe) file name', () => {
    const ladder = makeStoredLadder({ name: 'Harbor', fileTracks: { 'dir/ana.md': 'Detection and Response' }, files: [{ name: 'eng.md', content: engineer }, { name: 'dir/ana.md', content: analyst }] });
    expect(ladder.fileTracks).toEqual({ 'ana.md': 'Detection and Response' });
    expect(JSON.parse(ladderInputFiles(ladder).at(-1)!.content as string).files).toEqual({ 'ana.md': { track: 'Detection and Response' } });
    const set = ingestFiles(ladderInputFiles(ladder));
    expect(set.levels.map((l) => [l.track, l.level])).toEqual([['Detection and Response', 'L2'], ['Security Engineer', 'L2']]);
    expect(parseStoredLadder(structuredClone(ladder))).toEqual(ladder);
    expect(parseStoredLadder({ ...ladder, fileTracks: { 'ana.md': 3 } })).toBeNull();
  });

  it('a layer over a bundled company: its pages join that folder without a ladder.json of their own, a set track as a track folder', () => {
    const page = '# IC1: Security Engineer\n\n## Craft\n- Fixes what they are asked to fix, with review.\n';
    const layer = makeStoredLadder({ name: 'Dropbox', layerOver: 'dropbox', files: [{ name: 'ic1.md', content: page }, { name: 'ladder.json', content: '{"name": "Mine"}' }] });
    expect(layer).toMatchObject({ company: 'dropbox', name: 'Dropbox', layer: true });
    expect(ladderInputFiles(layer).map((f) => f.path)).toEqual(['ladders/dropbox/ic1.md']);
    const onTrack = makeStoredLadder({ name: 'Dropbox', layerOver: 'dropbox', track: 'Product Security', files: [{ name: 'ic1.md', content: page }] });
    expect(ladderInputFiles(onTrack).map((f) => f.path)).toEqual(['ladders/dropbox/Product Security/ic1.md']);
    const set = ingestFiles([...ladderInputFiles(onTrack), { path: 'ladders/dropbox/ladder.json', content: '{"name": "Dropbox", "track": "Security Engineer"}' }]);
    expect(set.levels.map((l) => [l.companyName, l.track, l.level])).toEqual([['Dropbox', 'Product Security', 'IC1']]);
    expect(parseStoredLadder(structuredClone(layer))).toEqual(layer);
    expect(parseStoredLadder({ ...layer, layer: 'yes' })).toBeNull();
  });
});
