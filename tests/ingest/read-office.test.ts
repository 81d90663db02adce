import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestFiles, lineAccounting } from '../../src/ingest/index.ts';
import { ingestFilesAsync, openOfficeFiles } from '../../src/ingest/open-office-files.ts';
import type { InputFile } from '../../src/ingest/index.ts';
import { openWorkbook } from '../../src/ingest/open-workbook.ts';
import { columnName, sheetRef } from '../../src/ingest/read-workbook.ts';
import type { LadderSet } from '../../src/types.ts';

/** The fixtures our script writes (tests/fixtures/office/make-fixtures.mjs), as files of one company. */
const fixture = (name: string, company = 'kestrel'): InputFile => ({ path: `ladders/${company}/${name}`, content: new Uint8Array(fs.readFileSync(`tests/fixtures/office/${name}`)) });
const read = (...names: string[]) => ingestFilesAsync(names.map((n) => fixture(n)));
/** The first test of a file also loads SheetJS or mammoth: a generous bound on a loaded machine. */
const SLOW = { timeout: 30_000 };
const row = (set: LadderSet) => set.statements.map((s) => `${s.level}|${s.section}|${s.kind}|${s.flags.join(',')}|${s.text}|${s.source.at}`);

/** The grid sheet both workbooks hold: the quirks of exported grids, each cell named. */
const GRID_ROWS = [
  '1|Impact|expectation||Fixes the security findings assigned to them with help from a senior colleague.|Security!B4',
  '1|Impact|expectation||Writes tests for each fix.|Security!B4',
  '1|Knowledge|expectation||Knows the common classes of web vulnerability.|Security!C4',
  '1|Communication|expectation||Writes clear tickets.|Security!D4',
  '1|Scope|expectation||Own tasks|Security!E4',
  '2|Impact|expectation||Delivers small hardening projects on time.|Security!B5',
  '2|Impact|expectation||Joins the on-call rotation with a buddy.|Security!B5',
  '2|Knowledge|placeholder|empty-cell||Security!C5',
  '2|Communication|expectation||Writes design notes that peers can review.|Security!D5',
  '2|Scope|expectation||A service|Security!E5',
  '3|Impact|expectation||Leads the threat model of one product area.|Security!B6',
  '3|Knowledge|expectation|truncated|ledge of cloud identity and of the build pipeline, incl. signing and provenance of artefa-|Security!C6',
  '3|Communication|expectation||Presents findings to the team.|Security!D6',
  '3|Communication|expectation||Mentors one engineer.|Security!D6',
  '3|Scope|placeholder|empty-cell||Security!E6',
  '4|Impact|expectation||Sets the security roadmap of a group of teams and measures its outcome.|Security!B7',
  '4|Knowledge|expectation||Is the reference on detection engineering for the company.|Security!C7',
  '4|Communication|placeholder|empty-cell||Security!D7',
  '4|Scope|expectation||Several teams|Security!E7',
];

describe('workbooks (XLSX, ODS) through the grid reader', SLOW, () => {
  it('reads an XLSX grid like its TSV twin: sentences split, empty cells kept as placeholders, a cut cell flagged; each statement names its cell', async () => {
    const set = await read('kestrel-security-grid.xlsx');
    expect(row(set)).toEqual(GRID_ROWS);
    expect(set.files[0].shape).toBe('grid');
    expect(set.levels.map((l) => [l.track, l.level, l.levelOrder])).toEqual([1, 2, 3, 4].map((n) => ['Kestrel Security Engineering', String(n), n]));
    // Lines are sheet rows, numbered on across sheets: row 4 of the first sheet is line 4.
    expect(set.statements[0].source).toEqual({ file: 'ladders/kestrel/kestrel-security-grid.xlsx', line: 4, at: 'Security!B4' });
  });

  it('skips the other sheets with the reason: a notes sheet (with a warning naming it) and a hidden one', async () => {
    const set = await read('kestrel-security-grid.xlsx');
    expect(set.diagnostics).toEqual([{ severity: 'warning', file: 'ladders/kestrel/kestrel-security-grid.xlsx', line: 8, at: 'Notes!1', message: 'sheet "Notes" is not a level × skill grid or a long-format table; skipped' }]);
    const lines = set.files[0].lines;
    expect(lines.map((a) => `${a.at ?? ''}:${a.status}:${a.reason ?? ''}`)).toEqual([
      'Security!1:structure:title', ':blank:', 'Security!3:structure:grid header',
      'Security!4:statement:', 'Security!5:statement:', 'Security!6:statement:', 'Security!7:statement:',
      'Notes!1:skipped:sheet "Notes" is not a ladder', 'Notes!2:skipped:sheet "Notes" is not a ladder', 'Notes!3:skipped:sheet "Notes" is not a ladder',
      "Scratch!1:skipped:hidden sheet \"Scratch\"", "Scratch!2:skipped:hidden sheet \"Scratch\"",
    ]);
    expect(lineAccounting(set.files[0]).accounted).toBe(1);
  });

  it('accounts for every filled cell: in a statement, a header or title, or a skipped row', async () => {
    const file = fixture('kestrel-security-grid.xlsx');
    const { sheets } = await openWorkbook(file.content as Uint8Array, 'xlsx');
    const set = await ingestFilesAsync([file]);
    const byAt = new Map(set.files[0].lines.map((a) => [a.at, a]));
    const texts = new Set(set.statements.map((s) => s.text));
    for (const sheet of sheets) {
      sheet.rows.forEach((cells, r) => cells.forEach((cell, c) => {
        if (!cell.trim()) return;
        const account = byAt.get(`${sheetRef(sheet.name)}!${r + 1}`);
        expect(account, `${sheet.name}!${columnName(c)}${r + 1}`).toBeDefined();
        if (account!.status === 'statement' && c > 0) expect([...texts].some((t) => cell.includes(t) && t.length > 0), cell).toBe(true);
      }));
    }
  });

  it('reads the same grid saved as ODS', async () => {
    const set = await read('kestrel-security-grid.ods');
    expect(row(set)).toEqual(GRID_ROWS);
    expect(set.diagnostics.every((d) => d.severity === 'warning' && /sheet "(Notes|Scratch)" is not a level × skill grid/.test(d.message))).toBe(true);
  });

  it('reads an ODS whose writer compressed its mimetype entry (SheetJS does; the standard asks for it stored)', async () => {
    const XLSX = await import('@e965/xlsx');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Level', 'Craft', 'Scope'], ['L1', 'Ships fixes.', 'Tasks'], ['L2', 'Designs services.', 'A team']]), 'Grid');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'ods', compression: true }));
    const set = await ingestFilesAsync([{ path: 'ladders/kestrel/grid.ods', content: bytes }]);
    expect(set.diagnostics).toEqual([]);
    expect(set.statements.map((s) => `${s.level}|${s.text}|${s.source.at}`)).toEqual(['L1|Ships fixes.|Grid!B2', 'L1|Tasks|Grid!C2', 'L2|Designs services.|Grid!B3', 'L2|A team|Grid!C3']);
  });

  it('reads each sheet of a workbook as its own track, levels down the side on one and across the top on the other', async () => {
    const set = await read('kestrel-tracks.xlsx');
    expect(set.diagnostics).toEqual([]);
    expect(set.levels.map((l) => `${l.track}|${l.level}|${l.levelTitle}`)).toEqual([
      'Security Analyst|L1|Associate Analyst', 'Security Analyst|L2|Security Analyst', 'Security Engineer|E1|E1', 'Security Engineer|E2|E2',
    ]);
    expect(set.statements.filter((s) => s.track === 'Security Analyst').map((s) => `${s.level}|${s.section}|${s.source.at}`)).toEqual([
      "L1|Detection|'Security Analyst'!B2", "L2|Detection|'Security Analyst'!C2", "L1|Response|'Security Analyst'!B3", "L2|Response|'Security Analyst'!C3",
    ]);
    expect(set.files).toHaveLength(1);
    expect(set.files[0].levels).toEqual(['E1', 'E2', 'L1', 'L2']);
  });

  it('a track named for the file (ladder.json) still wins over the sheet names', async () => {
    const set = await ingestFilesAsync([fixture('kestrel-tracks.xlsx'), { path: 'ladders/kestrel/ladder.json', content: '{"files": {"kestrel-tracks.xlsx": {"track": "Security"}}}' }]);
    expect(new Set(set.levels.map((l) => l.track))).toEqual(new Set(['Security']));
  });

  it('reads the long format from a sheet, under a title row', async () => {
    const set = await read('kestrel-long.xlsx');
    expect(set.diagnostics).toEqual([]);
    expect(set.files[0].shape).toBe('long-csv');
    expect(row(set)).toEqual([
      'L1|Craft|expectation||Writes small, tested changes.|Export!F3',
      'L2|Craft|example||Led the move of the login service to a managed identity provider.|Export!F4',
      'L2|Scope|placeholder|empty-cell||Export!F5',
    ]);
    expect(set.files[0].lines[0]).toMatchObject({ at: 'Export!1', status: 'skipped', reason: 'text before the header' });
  });

  it('names cells as spreadsheets do', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(['Skills', 'Level grid', "Bob's", 'Q1_2024'].map(sheetRef)).toEqual(['Skills', "'Level grid'", "'Bob''s'", 'Q1_2024']);
  });
});

describe('Word documents (DOCX) through the HTML reader', SLOW, () => {
  it('reads a level page: title, summary, bullets with a nested one, a Responsibility │ Key behaviours table, examples, a placeholder; each statement names its paragraph', async () => {
    const set = await read('kestrel-l3-senior-security-engineer.docx');
    expect(set.diagnostics).toEqual([]);
    expect(set.files[0].shape).toBe('docx-level-page');
    expect(set.levels.map((l) => [l.level, l.levelTitle, l.track])).toEqual([['L3', 'Senior Security Engineer', 'Security Engineer']]);
    expect(row(set)).toEqual([
      'L3||summary||Owns the security of a product area and raises the bar of the teams around it.|¶2',
      'L3|Craft|expectation||Builds threat models that the product team keeps up to date.|¶5',
      'L3|Craft|expectation||Reviews the riskiest changes of the area before they ship.|¶6',
      'L3|Craft|expectation||Chooses controls by the risk they remove, not by habit.|¶7',
      'L3|Collaboration › Mentoring|expectation||Coaches two engineers through their first incident.|¶12',
      'L3|Collaboration › Mentoring|expectation||Gives review feedback that teaches.|¶13',
      'L3|Collaboration › Influence|expectation||Brings the platform team to fix a class of bug at its root.|¶15',
      'L3|Collaboration|example||Ran the tabletop exercise for the payments outage.|¶17',
      'L3|Collaboration|placeholder|placeholder|TBD.|¶18',
    ]);
    // Every paragraph is accounted for, the empty one (¶3) as markup.
    const lines = set.files[0].lines.filter((a) => a.status !== 'blank');
    expect(lines.map((a) => a.at)).toEqual(Array.from({ length: 18 }, (_, i) => `¶${i + 1}`));
    expect(lineAccounting(set.files[0]).accounted).toBe(1);
  });

  it('reads several levels in one document under a title', async () => {
    const set = await read('kestrel-detection-levels.docx');
    expect(set.diagnostics).toEqual([]);
    expect(set.files[0].shape).toBe('docx-multi-level');
    expect(set.levels.map((l) => [l.track, l.level, l.levelTitle])).toEqual([
      ['Kestrel Detection Engineering', 'L1', 'Detection Engineer'], ['Kestrel Detection Engineering', 'L2', 'Senior Detection Engineer'],
    ]);
    expect(row(set)).toEqual([
      'L1|Signals|expectation||Writes detections from a template with review.|¶4',
      'L2|Signals|expectation||Designs the detection strategy of one attack surface.|¶7',
      'L2|Signals|expectation||Retires detections that no longer pay for their noise.|¶8',
    ]);
  });
});

describe('office files and the synchronous reader', SLOW, () => {
  it('ingestFiles names an office file it was not given opened, and reads the rest', () => {
    const set = ingestFiles([fixture('kestrel-security-grid.xlsx'), { path: 'ladders/kestrel/l1.md', content: '# L1: Engineer\n\n## Craft\n- Builds.\n' }]);
    expect(set.statements.map((s) => s.text)).toEqual(['Builds.']);
    expect(set.diagnostics).toEqual([{
      severity: 'error', file: 'ladders/kestrel/kestrel-security-grid.xlsx', line: 1,
      message: 'a ZIP archive or binary Office file (a workbook, a Word document?): such files are read once opened (openOfficeFiles or ingestFilesAsync, as the CLI and the app do); not loaded',
    }]);
  });

  it('recognises office files by content, not name, and leaves text files to the text readers', async () => {
    const renamed = { ...fixture('kestrel-l3-senior-security-engineer.docx'), path: 'ladders/kestrel/page.bin' };
    const text = { path: 'ladders/kestrel/l1.md', content: new TextEncoder().encode('# L1: Engineer\n\n## Craft\n- Builds.\n') };
    const opened = await openOfficeFiles([renamed, text]);
    expect(opened[0].opened?.format).toBe('docx');
    expect(opened[1]).toBe(text);
    expect(ingestFiles(opened).levels.map((l) => l.level)).toEqual(['L1', 'L3']);
  });

  it('refuses other archives and old binary Office files, saying what would work', async () => {
    const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]);
    const set = await ingestFilesAsync([{ path: 'ladders/kestrel/old.xls', content: cfb }]);
    expect(set.diagnostics[0].message).toMatch(/^an old binary Office file \(\.xls, \.doc or \.ppt\); save it as \.xlsx, \.ods or \.docx/);
  });
});
