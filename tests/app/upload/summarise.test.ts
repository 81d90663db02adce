import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../src/ingest/index.ts';
import { ladderInputFiles, makeStoredLadder } from '../../../src/app/upload/stored-ladder.ts';
import { formatDiagnostic, summariseLadder } from '../../../src/app/upload/summarise.ts';
import { bundled } from '../../helpers.ts';

const broken = [
  'company,level,level_title,section,kind,statement',
  'Acme,L1,Engineer,Craft,expectation,Fixes the bugs assigned to them.',
  'Acme,L1,Engineer,Craft,example,Fixed a crash in the login form,extra cell',
  'Acme,,Engineer,Craft,expectation,A row without a level.',
  'Acme,L2,Senior Engineer,Craft,expectation,TBD',
  'Acme,L2,Senior Engineer,People,summary,Guides a small group of engineers.',
].join('\n');

describe('summariseLadder', () => {
  it('summarises only the uploaded company, with problems at their file and line', () => {
    const ladder = makeStoredLadder({ name: 'Acme', files: [{ name: 'acme.csv', content: broken }, { name: 'empty.md', content: '' }] });
    const set = ingestFiles(ladderInputFiles(ladder));
    const summary = summariseLadder(set, 'acme');
    expect(summary.companyName).toBe('Acme');
    expect(summary.levels.map((l) => [l.level, l.levelTitle, l.levelOrder, l.statements])).toEqual([['L1', 'Engineer', 1, 2], ['L2', 'Senior Engineer', 2, 2]]);
    expect(summary.levels[0].samples).toEqual([
      { kind: 'expectation', section: 'Craft', text: 'Fixes the bugs assigned to them.', file: 'acme.csv', line: 2 },
      { kind: 'example', section: 'Craft', text: 'Fixed a crash in the login form', file: 'acme.csv', line: 3 },
    ]);
    expect(summary.byKind).toMatchObject({ expectation: 1, example: 1, placeholder: 1, summary: 1 });
    expect(summary.flags).toEqual({ placeholder: 1 });
    expect(summary.sections).toEqual([{ section: 'Craft', statements: 3 }, { section: 'People', statements: 1 }]);
    expect(summary.diagnostics.map(formatDiagnostic)).toEqual([
      'acme.csv, line 3: warning: 7 cells, header has 6',
      'acme.csv, line 4: warning: row has no level; skipped',
      'empty.md, line 1: error: file is empty',
    ]);
    expect(summary.files.map((f) => [f.file, f.shape])).toEqual([['acme.csv', 'long-csv'], ['empty.md', 'unknown']]);
  });

  it('leaves the bundled companies out of an uploaded ladder\u2019s summary', () => {
    const everything = bundled();
    const ladder = makeStoredLadder({ name: 'Acme', files: [{ name: 'acme.csv', content: broken }] });
    const set = ingestFiles(ladderInputFiles(ladder));
    const withBundled = { ...set, statements: [...everything.statements, ...set.statements], levels: [...everything.levels, ...set.levels], diagnostics: [...everything.diagnostics, ...set.diagnostics] };
    expect(summariseLadder(withBundled, 'acme').statements).toBe(4);
    expect(summariseLadder(withBundled, 'acme').levels).toHaveLength(2);
  });
});

describe('upload wording', () => {
  it('points to the level order field instead of a metadata file the user never sees', () => {
    const named = 'company,level,level_title,section,kind,statement\nAcme,Apprentice,Apprentice,Craft,,Learns the codebase.\nAcme,Journeyman,Journeyman,Craft,,Owns a service.\n';
    const ladder = makeStoredLadder({ name: 'Acme', files: [{ name: 'acme.csv', content: named }] });
    const summary = summariseLadder(ingestFiles(ladderInputFiles(ladder)), 'acme');
    const note = summary.diagnostics.find((d) => d.message.includes('do not sort by number'));
    expect(note?.message).toMatch(/set the level order \(lowest first\) to fix$/);
    expect(note?.message).not.toContain('ladder.json');
  });
});
