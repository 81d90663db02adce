import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/index.ts';
import { companyFolder, pickedLadder } from '../../src/notebook/index.ts';

const seed = (p: string) => readFileSync(`data/${p}`, 'utf8');
const OCTOPUS_L2 = 'ladders/octopus/octopus-l2-security-engineer.md';

describe('pickedLadder', () => {
  it('keeps the ladders/ part of a picked --data folder and ignores its other files', () => {
    const picked = pickedLadder([
      { path: 'my-data/ladders/acme/l2.md', content: seed(OCTOPUS_L2) },
      { path: 'my-data/taxonomy.json', content: '{}' },
      { path: 'my-data/ladders/acme/.DS_Store', content: '' },
    ]);
    expect(picked.files.map((f) => f.path)).toEqual(['ladders/acme/l2.md']);
    expect(picked.ignored).toEqual(['my-data/ladders/acme/.DS_Store', 'my-data/taxonomy.json']);
  });

  it('treats a picked folder of files as one company named after the folder', () => {
    const picked = pickedLadder([
      { path: 'acme/l3.md', content: 'x' },
      { path: 'acme/l2.md', content: 'y' },
    ]);
    expect(picked.files.map((f) => f.path)).toEqual(['ladders/acme/l2.md', 'ladders/acme/l3.md']);
  });

  it('leaves loose files as they are, so ingestion takes the company from the file, or the name the reader gives', () => {
    const csv = 'company,level,level_title,section,kind,statement\nAcme,E1,Engineer,Craft,expectation,Writes secure code.\n';
    const picked = pickedLadder([{ path: 'acme-ladder.csv', content: csv }]);
    expect(picked.files.map((f) => f.path)).toEqual(['acme-ladder.csv']);
    expect(ingestFiles(picked.files).statements.map((s) => [s.company, s.level, s.text])).toEqual([['acme', 'E1', 'Writes secure code.']]);
    expect(ingestFiles(picked.files, { company: 'Someone Else' }).statements.map((s) => s.company)).toEqual(['someone-else']);
  });

  it('gives ingestion the same statements as the bundled folder when the data folder is picked whole', () => {
    const picked = pickedLadder([{ path: `data/${OCTOPUS_L2}`, content: seed(OCTOPUS_L2) }]);
    const fromPick = ingestFiles(picked.files);
    const bundled = ingestFiles([{ path: OCTOPUS_L2, content: seed(OCTOPUS_L2) }]);
    expect(fromPick.statements).toEqual(bundled.statements);
  });
});

describe('companyFolder', () => {
  it('reads the company folder of a data-folder path', () => {
    expect(companyFolder('ladders/acme/l2.md')).toBe('acme');
    expect(companyFolder('data/ladders/acme/l2.md')).toBe('acme');
    expect(companyFolder('acme-ladder.csv')).toBeNull();
  });
});
