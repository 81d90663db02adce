/**
 * `npm run bench:read`: how long each reader takes on pathological inputs of 1 MB and more (issue 14: "no input
 * over 1 MB takes more than 1 s to read"). Every input is read in a process of its own, stopped after `--limit`
 * seconds, so a quadratic reader shows as "stopped" instead of hanging the run. Reports wall and CPU time (on a
 * loaded machine CPU time is the honest figure) and ends with the verdict. A bench, not a test: no bound fails a build.
 *
 * The readers run compiled, as the product runs them (the CLI's esbuild bundle, the dashboard's Vite bundle): this
 * script is bundled once with esbuild and each child runs the bundle. `--tsx` runs them through tsx's loader
 * instead, which wraps every function for its names and costs about a tenth more.
 *
 *   npm run bench:read [-- --bytes 1048576] [--limit 30] [--only NAME] [--tsx]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ingestFiles } from '../../src/ingest/index.ts';
import { PATHOLOGICAL, randomText, type Pathological } from './pathological-inputs.ts';
import { compileScript } from '../../src/cli/bench/compile-script.ts';

const { values } = parseArgs({ options: { bytes: { type: 'string' }, limit: { type: 'string' }, only: { type: 'string' }, case: { type: 'string' }, data: { type: 'string' }, tsx: { type: 'boolean' } } });
const BYTES = Number(values.bytes ?? 1 << 20);
const LIMIT_S = Number(values.limit ?? 30);

/** The project's data folder; a child running the bundle (which lives elsewhere) is told it with `--data`. */
const DATA_DIR = values.data ?? fileURLToPath(new URL('../../data', import.meta.url));

/** Real ladders grown to the size: a seed page repeated (many levels of one shape), and the bundled HTML page. */
function grown(file: string, bytes: number): Pathological {
  const text = fs.readFileSync(path.join(DATA_DIR, file), 'utf8');
  return { path: file, text: text.repeat(Math.ceil(bytes / text.length)) };
}

const CASES: Record<string, (bytes: number) => Pathological> = {
  ...PATHOLOGICAL,
  'random text, seed 1': (n) => ({ path: 'ladders/fuzz/f.md', text: randomText(n, 1) }),
  'random text, seed 2 (as TSV)': (n) => ({ path: 'ladders/fuzz/f.tsv', text: randomText(n, 2) }),
  'random text, seed 3 (as HTML)': (n) => ({ path: 'ladders/fuzz/f.html', text: `<html>${randomText(n, 3)}` }),
  'a seed Markdown page, repeated': (n) => grown('ladders/octopus/octopus-l4-security-engineer-technical-lead.md', n),
  'a seed grid, repeated': (n) => grown('ladders/teleport/teleport-security-engineering-levels.tsv', n),
  'the bundled HTML page, repeated': (n) => grown('ladders/dropbox/ic2_security_engineer.html', n),
};

interface Timing {
  name: string;
  bytes: number;
  wallMs?: number;
  cpuMs?: number;
  statements?: number;
  stopped?: boolean;
  failed?: string;
}

/** In the child: reads one case and prints its timing as JSON. */
function readOne(name: string): void {
  const { path, text } = CASES[name](BYTES);
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const set = ingestFiles([{ path, content: text }]);
  const used = process.cpuUsage(cpu);
  const timing: Timing = { name, bytes: Buffer.byteLength(text), wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000, statements: set.statements.length };
  process.stdout.write(`${JSON.stringify(timing)}\n`);
}

async function runAll(): Promise<void> {
  const names = Object.keys(CASES).filter((n) => !values.only || n.includes(values.only));
  const run = values.tsx ? ['--import', 'tsx', fileURLToPath(import.meta.url)] : [await compileScript(import.meta.url, 'bench-read')];
  const rows: Timing[] = [];
  console.log(`Reading ${names.length} inputs of ${(BYTES / 1048576).toFixed(2)} MB or more, each in its own process (stopped after ${LIMIT_S} s), ${values.tsx ? 'through tsx' : 'compiled'}:\n`);
  for (const name of names) {
    const child = spawnSync(process.execPath, [...run, '--case', name, '--bytes', String(BYTES), '--data', DATA_DIR], { encoding: 'utf8', timeout: LIMIT_S * 1000, maxBuffer: 1 << 20 });
    let row: Timing;
    if (child.error && (child.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') row = { name, bytes: BYTES, stopped: true };
    else if (child.status !== 0) row = { name, bytes: BYTES, failed: (child.stderr || String(child.error)).trim().split('\n').slice(-1)[0] };
    else row = JSON.parse(child.stdout.trim().split('\n').pop()!) as Timing;
    rows.push(row);
    const time = row.stopped ? `stopped after ${LIMIT_S} s` : row.failed ? `failed: ${row.failed}` : `${(row.cpuMs! / 1000).toFixed(2)} s CPU, ${(row.wallMs! / 1000).toFixed(2)} s wall, ${row.statements} statements`;
    console.log(`  ${name.padEnd(36)} ${(row.bytes / 1048576).toFixed(2)} MB  ${time}`);
  }
  const read = rows.filter((r) => r.cpuMs !== undefined);
  const slow = rows.filter((r) => r.stopped || r.failed || r.cpuMs! > 1000);
  const slowest = [...read].sort((a, b) => b.cpuMs! - a.cpuMs!)[0];
  console.log(`\n${rows.length} inputs of ${(BYTES / 1048576).toFixed(2)} MB or more; slowest read: ${slowest ? `${(slowest.cpuMs! / 1000).toFixed(2)} s CPU (${slowest.name})` : 'none'}.`);
  console.log(slow.length ? `Over 1 s to read: ${slow.length} — ${slow.map((r) => `${r.name} (${r.stopped ? `> ${LIMIT_S} s` : r.failed ? 'failed' : `${(r.cpuMs! / 1000).toFixed(1)} s`})`).join('; ')}` : `No input of ${(BYTES / 1048576).toFixed(2)} MB or more takes more than 1 s to read.`);
}

if (values.case) readOne(values.case);
else await runAll();
