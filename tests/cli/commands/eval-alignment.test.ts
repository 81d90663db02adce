import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';

async function run(...argv: string[]) {
  let out = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: () => {} });
  return { code, out };
}

interface Report {
  tracks: { track: string; use: string; exact: number; withinOne: number; n: number; rows: { level: string; want: string; got: string }[] }[];
  judged: { ok: number; n: number };
}

describe('ladders eval-alignment', () => {
  it('maps other tracks of a company onto its bundled ladders at the same codes, and agrees with our judged pairs', async () => {
    const { code, out } = await run('eval-alignment', '--json');
    expect(code).toBe(0);
    const r: Report = JSON.parse(out);
    const heldOut = r.tracks.filter((t) => t.use === 'held-out');
    expect(heldOut.map((t) => t.track)).toEqual(['dropbox-tpm', 'octopus-cloud', 'octopus-data']);
    const sum = (ts: Report['tracks'], k: 'exact' | 'withinOne' | 'n') => ts.reduce((a, t) => a + t[k], 0);
    // The targets of issue 11: at least 90% exact, every answer within one level.
    expect(sum(heldOut, 'exact') / sum(heldOut, 'n')).toBeGreaterThanOrEqual(0.9);
    expect(sum(r.tracks, 'withinOne')).toBe(sum(r.tracks, 'n'));
    expect(sum(r.tracks, 'exact') / sum(r.tracks, 'n')).toBeGreaterThanOrEqual(0.9);
    // A track that starts below the bundled ladder says so: Dropbox's IC1s sit below the security ladder's IC2.
    const ic1 = r.tracks.find((t) => t.track === 'dropbox-tpm')!.rows.find((x) => x.level === 'dropbox-tpm:IC1')!;
    expect(ic1).toMatchObject({ want: 'below', got: 'below' });
    expect(r.judged.ok / r.judged.n).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
