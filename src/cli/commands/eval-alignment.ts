import fs from 'node:fs';
import path from 'node:path';
import { atlas } from '../../atlas/index.ts';
import { alignmentYardstick, judgePairs, type JudgedPair, type YardstickResult } from '../../analyses/index.ts';
import { type Command, type Io, parseArgs, UsageError } from '../command.ts';
import { dataBundle, dataDir, DATA_OPTIONS } from '../load-atlas.ts';
import { BUNDLED_DATA, readLadderFiles } from '../load-data-dir.ts';
import { packagePath } from '../package-root.ts';

/** Other tracks of the bundled companies, with a tracks.json naming each one's company and use. */
export const DEFAULT_TRACKS = packagePath('tests/fixtures/ladders-dev');
/** Cross-company mappings judged by us, with the reasoning. */
export const DEFAULT_PAIRS = packagePath('tests/fixtures/alignment/judged-pairs.json');

interface TrackInfo {
  company: string;
  use?: 'tuning' | 'held-out';
}

const pct = (a: number, n: number) => `${a}/${n} = ${n ? ((100 * a) / n).toFixed(0) : '—'}%`;

/** Every file of a track folder, as ladder inputs of a company named after the folder. */
function trackFiles(dir: string, track: string) {
  const files: { path: string; content: Uint8Array }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) files.push({ path: `ladders/${track}/${path.relative(dir, p).split(path.sep).join('/')}`, content: fs.readFileSync(p) });
    }
  };
  walk(dir);
  return files;
}

function printYardstick(rows: { track: string; info: TrackInfo; result: YardstickResult; positions: string }[], io: Io, misses: boolean): void {
  for (const use of ['held-out', 'tuning', undefined] as const) {
    const group = rows.filter((r) => r.info.use === use);
    if (!group.length) continue;
    const e = group.reduce((t, r) => t + r.result.exact, 0);
    const w = group.reduce((t, r) => t + r.result.withinOne, 0);
    const n = group.reduce((t, r) => t + r.result.n, 0);
    io.out(`${use === 'held-out' ? 'Held-out tracks (never used to choose anything)' : use === 'tuning' ? 'Tuning tracks (looked at while the calibration was built)' : 'Other tracks'}: exact ${pct(e, n)}, within one ${pct(w, n)}`);
    for (const r of group) {
      io.out(`  ${r.track.padEnd(18)} → ${r.info.company}: exact ${pct(r.result.exact, r.result.n)}, within one ${pct(r.result.withinOne, r.result.n)}`);
      io.out(`      ${r.positions}`);
      if (misses) for (const m of r.result.rows.filter((x) => !x.exact)) io.out(`      ✗ ${m.level} (${m.position.toFixed(1)}) → ${m.ladder}: got ${m.got}, want ${m.want}`);
    }
  }
}

export const command: Command = {
  name: 'eval-alignment',
  summary: 'measure level alignment: other tracks of a company must map to the same codes; judged cross-company pairs',
  usage: 'ladders eval-alignment [--tracks DIR] [--pairs FILE] [--no-shared] [--misses] [--json] [--data DIR] [--scale-cues FILE]',
  async run(args, io) {
    const parsed = parseArgs(args, ['json', 'misses', 'no-shared'], ['tracks', 'pairs', ...DATA_OPTIONS]);
    const { flags } = parsed;
    const tracksDir = typeof flags.tracks === 'string' ? flags.tracks : DEFAULT_TRACKS;
    const pairsPath = typeof flags.pairs === 'string' ? flags.pairs : DEFAULT_PAIRS;
    const manifestPath = path.join(tracksDir, 'tracks.json');
    if (!fs.existsSync(manifestPath)) throw new UsageError(`${tracksDir}: no tracks.json (expected {"tracks": {"<folder>": {"company": "<bundled company id>"}}})`);
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { tracks: Record<string, TrackInfo> };
    const shared = !flags['no-shared'];
    const dir = dataDir(parsed);
    const data = dataBundle(parsed);
    const bundled = readLadderFiles(dir ?? BUNDLED_DATA);

    const yard = Object.entries(manifest.tracks).sort(([a], [b]) => (a < b ? -1 : 1)).map(([track, info]) => {
      const a = atlas([...bundled, ...trackFiles(path.join(tracksDir, track), track)], { data, analyse: { shared } });
      const result = alignmentYardstick(a.statements, a.analysis.levels, track, info.company);
      const mine = a.analysis.levels.filter((p) => p.company === track);
      const several = new Set(mine.map((p) => p.track)).size > 1;
      const positions = mine.map((p) => `${several ? `${p.track} ` : ''}${p.level}${p.variant ? `·${p.variant}` : ''} ${p.position.toFixed(1)}`).join('  ');
      return { track, info, result, positions };
    });

    const pairs = JSON.parse(fs.readFileSync(pairsPath, 'utf8')).pairs as JudgedPair[];
    const base = atlas(bundled, { data, analyse: { shared } });
    const judged = judgePairs(base.statements, base.analysis.levels, pairs);
    const ok = judged.filter((j) => j.ok).length;

    if (flags.json) {
      io.out(`${JSON.stringify({ shared, tracks: yard.map((y) => ({ track: y.track, ...y.info, ...y.result })), judged: { ok, n: judged.length, results: judged } }, null, 2)}\n`);
      return 0;
    }
    io.out(`Yardstick: each track loaded as a company of its own, every level mapped onto each ladder of its company (same code, or below/above).${shared ? '' : ' Shared statements not linked.'}\n`);
    printYardstick(yard, io, !!flags.misses);
    io.out(`\nJudged cross-company pairs (${path.basename(pairsPath)}): ${pct(ok, judged.length)}`);
    for (const j of judged.filter((x) => !x.ok)) io.out(`  ✗ ${j.pair.from} → ${j.pair.to}: got ${j.answers.join('/') || 'no level'}, accepted ${j.pair.accept.join('/')}`);
    return 0;
  },
};
