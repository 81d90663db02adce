import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe('ladders CLI on workbooks and Word documents', () => {
  it('ingests loose XLSX and DOCX files, naming cells and paragraphs in the report and the diagnostics', async () => {
    const r = await run('ingest', 'tests/fixtures/office/kestrel-security-grid.xlsx', 'tests/fixtures/office/kestrel-l3-senior-security-engineer.docx', '--company', 'kestrel', '--report');
    expect(r.code).toBe(1);
    expect(r.out).toContain('kestrel-security-grid.xlsx\n  shape       grid\n  levels      1, 2, 3, 4\n  statements  19 (expectation 16, placeholder 3)');
    expect(r.out).toContain('line 11 (Scratch!1) skipped: hidden sheet "Scratch"');
    expect(r.out).toContain('kestrel-l3-senior-security-engineer.docx\n  shape       docx-level-page');
    expect(r.err).toBe('kestrel-security-grid.xlsx:Notes!1: warning: sheet "Notes" is not a level × skill grid or a long-format table; skipped\n');
  }, 30_000);

  it('prints each statement at its cell or paragraph, in text, CSV and JSON', async () => {
    const text = await run('statements', 'tests/fixtures/office/kestrel-tracks.xlsx', '--company', 'kestrel');
    expect(text.code).toBe(0);
    expect(text.out.split('\n')[0]).toMatch(/^kestrel-tracks\.xlsx:'Security Engineer'!B2\tkestrel E1\tCraft\texpectation\tShips reviewed fixes/);
    const csv = await run('statements', 'tests/fixtures/office/kestrel-tracks.xlsx', '--company', 'kestrel', '--csv');
    expect(csv.out.split(/\r?\n/)[0]).toMatch(/,file,line,at$/);
    expect(csv.out).toContain(`kestrel-tracks.xlsx,2,'Security Engineer'!B2`);
    const json = JSON.parse((await run('statements', 'tests/fixtures/office/kestrel-l3-senior-security-engineer.docx', '--company', 'kestrel', '--json')).out);
    expect(json[0].source).toEqual({ file: 'kestrel-l3-senior-security-engineer.docx', line: 3, at: '¶2' });
  }, 30_000); // three runs, each loading the classifier
});
