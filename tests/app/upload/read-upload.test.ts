import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readUpload } from '../../../src/app/upload/read-upload.ts';
import type { IngestReply, IngestRequest } from '../../../src/app/upload/worker-protocol.ts';

const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`tests/e2e/fixtures/upload/${name}`)) });
async function run(request: IngestRequest): Promise<IngestReply[]> {
  const replies: IngestReply[] = [];
  await readUpload(request, (r) => replies.push(r));
  return replies;
}
const office = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`tests/fixtures/office/${name}`)) });

describe('readUpload (the worker\u2019s job)', { timeout: 30_000 }, () => {
  it('reports progress per file, then a summary with the company the long format names', async () => {
    const replies = await run({ files: [fixture('elmstead-long.csv')], name: '' });
    expect(replies.filter((r) => r.type === 'progress').map((r) => r.type === 'progress' && r.done)).toEqual([0, 1, 2]);
    const result = replies.at(-1);
    expect(result?.type).toBe('result');
    if (result?.type !== 'result') return;
    expect(result.detectedName).toBe('Elmstead');
    expect(result.summary.company).toBe('elmstead');
    expect(result.summary.levels.map((l) => l.level)).toEqual(['E1', 'E2', 'E3']);
    expect(result.levelsSort).toBe(true);
  });

  it('leaves the name empty when no file names the company, and uses the name, track and order given', async () => {
    const unnamed = (await run({ files: [fixture('copperfield-grid.csv')], name: '' })).at(-1);
    expect(unnamed?.type === 'result' && [unnamed.detectedName, unnamed.summary.companyName]).toEqual([undefined, '']);
    const named = (await run({ files: [fixture('copperfield-grid.csv')], name: 'Copperfield Labs', track: 'Detection', levels: ['S3', 'S2', 'S1'] })).at(-1);
    expect(named?.type).toBe('result');
    if (named?.type !== 'result') return;
    expect(named.summary.company).toBe('copperfield-labs');
    expect(named.summary.tracks).toEqual(['Detection']);
    expect(named.summary.levels.map((l) => [l.level, l.levelOrder])).toEqual([['S3', 1], ['S2', 2], ['S1', 3]]);
  });

  it('flags level labels that do not sort by number so the panel can ask for the order', async () => {
    const result = (await run({ files: [fixture('fenwick-broken.csv')], name: 'Fenwick' })).at(-1);
    expect(result?.type === 'result' && result.levelsSort).toBe(false);
  });

  it('refuses an upload over the line limit before parsing it', async () => {
    const replies = await run({ files: [{ name: 'tall.csv', bytes: new TextEncoder().encode('x\n'.repeat(100_001)) }], name: '' });
    expect(replies).toEqual([{ type: 'refused', message: 'The files hold 100,001 lines (tall.csv: 100,001), over the 100,000-line limit for one upload; not read.' }]);
  });

  it('opens workbooks and Word documents in the worker, each statement at its cell or paragraph', async () => {
    const replies = await run({ files: [office('kestrel-security-grid.xlsx'), office('kestrel-l3-senior-security-engineer.docx')], name: 'Kestrel' });
    expect(replies.filter((r) => r.type === 'progress').map((r) => r.type === 'progress' && r.step)).toContain('Opening kestrel-security-grid.xlsx');
    const result = replies.at(-1);
    if (result?.type !== 'result') throw new Error(JSON.stringify(result));
    expect(result.summary.files.map((f) => [f.file, f.shape, f.statements])).toEqual([
      ['kestrel-l3-senior-security-engineer.docx', 'docx-level-page', 9], ['kestrel-security-grid.xlsx', 'grid', 19],
    ]);
    expect(result.summary.levels.find((l) => l.level === '1')?.samples[0]).toMatchObject({ file: 'kestrel-security-grid.xlsx', at: 'Security!B4' });
    expect(result.summary.levels.find((l) => l.level === 'L3')?.samples[0]).toMatchObject({ file: 'kestrel-l3-senior-security-engineer.docx', at: '¶2' });
    expect(result.summary.diagnostics.map((d) => [d.file, d.at])).toEqual([['kestrel-security-grid.xlsx', 'Notes!1']]);
  });

  it('counts a workbook\'s rows against the line limit once it is opened', async () => {
    const XLSX = await import('@e965/xlsx');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(Array.from({ length: 1_001 }, (_, i) => [`L${(i % 5) + 1}`, 'x'])), 'Rows');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }));
    const text = { name: 'long.csv', bytes: new TextEncoder().encode('level,statement\n'.repeat(99_000)) };
    const replies = await run({ files: [text, { name: 'rows.xlsx', bytes }], name: 'Tall' });
    expect(replies.at(-1)).toEqual({ type: 'refused', message: 'The files hold 100,001 lines (long.csv: 99,000), over the 100,000-line limit for one upload; not read.' });
  });

  it('reads pages added to a bundled company with its ladder.json, in its folder (a layer over its ladder)', async () => {
    const meta = readFileSync('data/ladders/dropbox/ladder.json', 'utf8');
    const replies = await run({ files: [office('kestrel-l3-senior-security-engineer.docx')], name: 'Dropbox', layer: { company: 'dropbox', meta } });
    const result = replies.at(-1);
    if (result?.type !== 'result') throw new Error(JSON.stringify(result));
    expect(result.detectedName).toBeUndefined();
    expect(result.summary.company).toBe('dropbox');
    expect(result.summary.companyName).toBe('Dropbox');
    expect(result.summary.levels.map((l) => [l.track, l.level])).toEqual([[JSON.parse(meta).track ?? 'Security Engineer', 'L3']]);
    const onTrack = (await run({ files: [office('kestrel-l3-senior-security-engineer.docx')], name: 'Dropbox', track: 'Product Security', layer: { company: 'dropbox', meta } })).at(-1);
    expect(onTrack?.type === 'result' && onTrack.summary.tracks).toEqual(['Product Security']);
  });
});
