/**
 * `npm run bench`: the pipeline at 1×, 10×, 100× and 1000× the user's seed files (each copy a company of its own;
 * 100× ≈ 23,500 statements and 1,000 levels), and a 5,000-statement upload beside the bundled ladders.
 * - In process, each size in a fresh child process: wall and CPU time per stage (median of the runs after the first),
 *   the first run's total (cold, as one command runs: code not yet optimised, caches empty), V8 heap in use after the
 *   stages (largest) and peak RSS.
 * - Whole process: `ladders statements --json` and `ladders levels --json` on the copies written to a folder
 *   (`--data DIR`), output to a file: wall time and peak RSS.
 * - With `--peer`: the pandas + scikit-learn peer (src/cli/bench/peer.py) on the same folders, beside each whole-process run,
 *   and its stages in one process (`--python PATH` picks the Python; else the first python3 that has the libraries).
 * Numbers are printed, never asserted. Options: `--sizes 1,10,100,1000`, `--runs N` (per size, default by size),
 * `--no-process`, `--no-upload`, `--stages ingest,classify,…`, `--json FILE` (all results as JSON), `--tsx`, `--peer`,
 * `--repeat N` (each whole-process run N times, alternated; medians and ranges printed).
 * The in-process children run this script compiled (one esbuild bundle, as the CLI and the dashboard ship the code);
 * `--tsx` runs them through tsx's loader instead, which wraps every function (1× took ~40 ms that way, ~23 ms compiled).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DATA_FILE_NAMES } from '../atlas/index.ts';
import { BUNDLED_DATA, readDataBundle, readLadderFiles } from './load-data-dir.ts';
import { compileScript } from './bench/compile-script.ts';
import { seedFiles, syntheticFiles, writeFiles } from './bench/corpus.ts';
import { PEER_NEEDS, peerPython, peerStages, runPeer, type PeerStages } from './bench/peer.ts';
import { runStages, STAGES, type StageRun } from './bench/stages.ts';
import { runUploadCase } from './bench/upload-case.ts';
import { runCli, type ProcessRun } from './bench/whole-process.ts';

export { syntheticFiles } from './bench/corpus.ts';

const SELF = fileURLToPath(import.meta.url);
/**
 * Runs per size. At 1× a run takes ~20 ms once V8 has optimised the code, and it has not by the 20th run: the median
 * of 20 runs was 35–50 ms where that of 100 was 16–25 ms (same machine, alternated). The cold first run is printed apart.
 */
const DEFAULT_RUNS: Record<number, number> = { 1: 100, 10: 5, 100: 3, 1000: 1 };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

interface SizeResult {
  k: number;
  statements: number;
  levels: number;
  runs: number;
  stages: { stage: string; ms: number; cpuMs: number; note?: string }[];
  heapMB: number;
  rssMB: number;
  /** Wall ms of the first run's stages (cold: code not yet optimised, caches empty), as one CLI command runs them. */
  firstMs: number;
}

/** In a child process: one size, `runs` times after a first (cold) run, medians per stage; the first run's total apart. */
function child(k: number, runs: number, only: Set<string>): SizeResult {
  const data = readDataBundle({});
  const files = syntheticFiles(seedFiles(readLadderFiles(BUNDLED_DATA)), k);
  const results: StageRun[] = [];
  // The first run, cold as in a command of its own, is a warm-up when more follow.
  const cold = runStages(files, data, only);
  if (runs === 1) results.push(cold);
  for (let r = results.length; r < runs; r++) results.push(runStages(files, data, only));
  const first = results[0];
  return {
    k,
    statements: first.statements,
    levels: first.levels,
    runs,
    stages: first.stages.map((s, i) => ({ stage: s.stage, ms: median(results.map((x) => x.stages[i].ms)), cpuMs: median(results.map((x) => x.stages[i].cpuMs)), ...(s.note ? { note: s.note } : {}) })),
    heapMB: Math.max(...results.map((x) => x.heapMB)),
    rssMB: process.resourceUsage().maxRSS / 1024,
    firstMs: cold.stages.reduce((t, s) => t + s.ms, 0),
  };
}

const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 1 : 0) : '—');

function printSizes(rows: SizeResult[]): void {
  const stages = [...new Set(rows.flatMap((r) => r.stages.map((s) => s.stage)))];
  console.log('In process (wall ms, median of the runs after the first; CPU ms in brackets; first run: its total, cold as one command)');
  console.log(['size', 'statements', 'levels', ...stages, 'total', 'first run', 'heap MB', 'RSS MB', 'runs'].map((h, i) => (i < 3 ? h.padEnd(i ? 10 : 5) : h.padStart(14))).join(' '));
  for (const r of rows) {
    const total = r.stages.reduce((t, s) => t + s.ms, 0);
    const cpu = r.stages.reduce((t, s) => t + s.cpuMs, 0);
    const cells = stages.map((name) => {
      const s = r.stages.find((x) => x.stage === name);
      return s ? `${f0(s.ms)}${s.note ? '*' : ''} (${f0(s.cpuMs)})` : '—';
    });
    console.log([`${r.k}×`.padEnd(5), String(r.statements).padEnd(10), String(r.levels).padEnd(10), ...cells, `${f0(total)} (${f0(cpu)})`, f0(r.firstMs), f0(r.heapMB), f0(r.rssMB), String(r.runs)].map((c, i) => (i < 3 ? c : c.padStart(14))).join(' '));
    for (const s of r.stages.filter((x) => x.note)) console.log(`        * ${s.stage}: ${s.note}`);
  }
}

/** The median of whole-process runs: wall time and peak RSS each its own median; the first run's output size, and an exit code other than 0 if any run had one. */
function medianRun(runs: readonly ProcessRun[]): ProcessRun {
  const exit = runs.find((r) => r.exit !== 0)?.exit ?? 0;
  return { ms: median(runs.map((r) => r.ms)), rssMB: median(runs.map((r) => r.rssMB)), bytes: runs[0].bytes, exit };
}

/** The peer's stages in one process (one run, cold as a command), and our in-process total at the same size for scale. */
function printPeerStages(peer: ({ k: number } & PeerStages)[], ours: SizeResult[]): void {
  const stages = [...new Set(peer.flatMap((p) => Object.keys(p.ms)))];
  console.log('\nPeer in process (one run, wall ms; its stages are not ours: placement is rank order, mapping the best level by cosine and distance)');
  console.log(['size', 'statements', 'levels', ...stages, 'total', 'ours (warm)', 'ours (first)'].map((h, i) => (i < 3 ? h.padEnd(i ? 10 : 5) : h.padStart(12))).join(' '));
  for (const p of peer) {
    const own = ours.find((r) => r.k === p.k);
    const total = Object.values(p.ms).reduce((a, b) => a + b, 0);
    const ownTotal = own ? own.stages.reduce((t, s) => t + s.ms, 0) : NaN;
    const cells = [...stages.map((s) => f0(p.ms[s] ?? NaN)), f0(total), f0(ownTotal), f0(own?.firstMs ?? NaN)];
    console.log([`${p.k}×`.padEnd(5), String(p.statements).padEnd(10), String(p.levels).padEnd(10), ...cells.map((c) => c.padStart(12))].join(' '));
  }
}

async function main(): Promise<void> {
  const childK = option('child');
  const only = new Set(option('stages')?.split(',') ?? STAGES);
  if (childK) {
    process.stdout.write(JSON.stringify(child(Number(childK), Number(option('runs')), only)));
    return;
  }
  const sizes = (option('sizes') ?? '1,10,100,1000').split(',').map(Number);
  const runsOpt = option('runs');
  console.log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}; node ${process.version}; in process ${process.argv.includes('--tsx') ? 'through tsx' : 'compiled'}\n`);
  const rows: SizeResult[] = [];
  const script = process.argv.includes('--tsx') ? [...process.execArgv, SELF] : [await compileScript(import.meta.url, 'bench')];
  for (const k of sizes) {
    const runs = runsOpt ? Number(runsOpt) : DEFAULT_RUNS[k] ?? 1;
    const out = execFileSync(process.execPath, [...script, '--child', String(k), '--runs', String(runs), '--stages', [...only].join(',')], { maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
    rows.push(JSON.parse(out.toString()));
  }
  printSizes(rows);

  const processRows: { k: number; command: string; program: string; run: ProcessRun }[] = [];
  const peerRows: ({ k: number } & PeerStages)[] = [];
  if (!process.argv.includes('--no-process')) {
    console.log('\nWhole process (`ladders <command> --json --data DIR`, stdout to a file; wall ms, peak RSS MB, output MB)');
    console.log('  ladders: src/cli/bin.mjs as installed (the compiled CLI, built before timing); tsx: the sources through the TypeScript loader (LADDER_ATLAS_COMPILE=0)');
    const repeat = Math.max(1, Math.floor(Number(option('repeat') ?? 1)) || 1);
    if (repeat > 1) console.log(`  each run ${repeat} times, alternated (every other round in the opposite order); the median printed, then the range`);
    const python = process.argv.includes('--peer') ? peerPython(option('python') ? [option('python')!] : undefined) : undefined;
    if (process.argv.includes('--peer')) console.log(python ? `  peer: src/cli/bench/peer.py (pandas + scikit-learn) with ${python}, \`statements\` or \`levels\` on the same folder; its time over ours after it` : `  peer: not run: it needs ${PEER_NEEDS}`);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-cli-'));
    const programs: Record<string, Record<string, string>> = { ladders: {}, tsx: { LADDER_ATLAS_COMPILE: '0' } };
    runCli(['--help'], { work }); // builds the compiled CLI if the sources changed, so no timed run pays for it
    const seeds = seedFiles(readLadderFiles(BUNDLED_DATA));
    const line = (k: number, command: string, name: string, run: ProcessRun, after = '') =>
      console.log(`  ${`${k}×`.padEnd(6)} ${command.padEnd(11)} ${name.padEnd(7)} ${f0(run.ms).padStart(8)} ms  ${f0(run.rssMB).padStart(6)} MB RSS  ${(run.bytes / 2 ** 20).toFixed(1).padStart(7)} MB out  exit ${run.exit}${after}`);
    for (const k of sizes) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `atlas-bench-${k}x-`));
      writeFiles(dir, syntheticFiles(seeds, k));
      // The data files too, as a user's own data folder holds them.
      for (const file of Object.values(DATA_FILE_NAMES)) if (fs.existsSync(path.join(BUNDLED_DATA, file))) fs.copyFileSync(path.join(BUNDLED_DATA, file), path.join(dir, file));
      for (const command of ['statements', 'levels'] as const) {
        const names = [...Object.keys(programs), ...(python ? ['peer'] : [])];
        const runs = new Map<string, ProcessRun[]>(names.map((name) => [name, []]));
        for (let round = 0; round < repeat; round++) {
          // Every other round in the opposite order: no program always runs right after the same other one.
          for (const name of round % 2 ? [...names].reverse() : names) {
            const run = name === 'peer' ? runPeer(python!, command, dir, work) : runCli([command, '--json', '--data', dir], { env: programs[name], work });
            runs.get(name)!.push(run);
            processRows.push({ k, command, program: name, run });
          }
        }
        const ours = medianRun(runs.get('ladders')!);
        for (const name of names) {
          const all = runs.get(name)!;
          const run = medianRun(all);
          const spread = all.length > 1 ? `   ${f0(Math.min(...all.map((r) => r.ms)))}–${f0(Math.max(...all.map((r) => r.ms)))} ms over ${all.length}` : '';
          const ratio = name === 'peer' ? `   peer ÷ ladders ${(run.ms / ours.ms).toFixed(2)}× time, ${(run.rssMB / ours.rssMB).toFixed(2)}× RSS` : '';
          line(k, command, name, run, spread + ratio);
        }
      }
      const stages = python ? peerStages(python, dir) : undefined;
      if (stages) peerRows.push({ k, ...stages });
      fs.rmSync(dir, { recursive: true, force: true });
    }
    fs.rmSync(work, { recursive: true, force: true });
    if (peerRows.length) printPeerStages(peerRows, rows);
  }

  let upload: ReturnType<typeof runUploadCase> | undefined;
  if (!process.argv.includes('--no-upload')) {
    upload = runUploadCase(readLadderFiles(BUNDLED_DATA), readDataBundle({}));
    console.log(`\nUpload of 5,000 statements beside the bundled ladders (${upload.statements} statements): ms per analysis`);
    for (const t of upload.times) console.log(`  ${t.analysis.padEnd(14)} ${f0(t.ms).padStart(9)} ms   (${t.views})`);
  }
  const jsonFile = option('json');
  if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify({ load: os.loadavg(), sizes: rows, process: processRows, peer: peerRows, upload }, null, 1));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
