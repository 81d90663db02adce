import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readUpload } from '../../../src/app/upload/read-upload.ts';
import type { IngestReply, IngestRequest } from '../../../src/app/upload/worker-protocol.ts';

const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`tests/e2e/fixtures/upload/${name}`)) });
function run(request: IngestRequest): IngestReply[] {
  const replies: IngestReply[] = [];
  readUpload(request, (r) => replies.push(r));
  return replies;
}

describe('readUpload (the worker\u2019s job)', () => {
  it('reports progress per file, then a summary with the company the long format names', () => {
    const replies = run({ files: [fixture('elmstead-long.csv')], name: '' });
    expect(replies.filter((r) => r.type === 'progress').map((r) => r.type === 'progress' && r.done)).toEqual([0, 1, 2]);
    const result = replies.at(-1);
    expect(result?.type).toBe('result');
    if (result?.type !== 'result') return;
    expect(result.detectedName).toBe('Elmstead');
    expect(result.summary.company).toBe('elmstead');
    expect(result.summary.levels.map((l) => l.level)).toEqual(['E1', 'E2', 'E3']);
    expect(result.levelsSort).toBe(true);
  });

  it('leaves the name empty when no file names the company, and uses the name, track and order given', () => {
    const unnamed = run({ files: [fixture('copperfield-grid.csv')], name: '' }).at(-1);
    expect(unnamed?.type === 'result' && [unnamed.detectedName, unnamed.summary.companyName]).toEqual([undefined, '']);
    const named = run({ files: [fixture('copperfield-grid.csv')], name: 'Copperfield Labs', track: 'Detection', levels: ['S3', 'S2', 'S1'] }).at(-1);
    expect(named?.type).toBe('result');
    if (named?.type !== 'result') return;
    expect(named.summary.company).toBe('copperfield-labs');
    expect(named.summary.tracks).toEqual(['Detection']);
    expect(named.summary.levels.map((l) => [l.level, l.levelOrder])).toEqual([['S3', 1], ['S2', 2], ['S1', 3]]);
  });

  it('flags level labels that do not sort by number so the panel can ask for the order', () => {
    const result = run({ files: [fixture('fenwick-broken.csv')], name: 'Fenwick' }).at(-1);
    expect(result?.type === 'result' && result.levelsSort).toBe(false);
  });

  it('refuses an upload over the line limit before parsing it', () => {
    const replies = run({ files: [{ name: 'tall.csv', bytes: new TextEncoder().encode('x\n'.repeat(100_001)) }], name: '' });
    expect(replies).toEqual([{ type: 'refused', message: 'The files hold 100,001 lines (tall.csv: 100,001), over the 100,000-line limit for one upload; not read.' }]);
  });
});
