/** Whole-process runs of the CLI (`ladders <command> --json --data DIR`, output to /dev/null): wall time and peak RSS. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin.mjs', import.meta.url));
const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

/**
 * The CLI compiled to one JavaScript file (esbuild, dependencies included) in `dir`: the program without the
 * TypeScript loader that `bin.mjs` registers at every start, as a packaged CLI would run.
 */
export function bundleCli(dir: string): string {
  const entry = path.join(dir, 'cli-entry.mjs');
  const out = path.join(dir, 'cli.mjs');
  fs.writeFileSync(entry, `import { main } from ${JSON.stringify(MAIN)};\nprocess.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw e; });\nprocess.exitCode = await main(process.argv.slice(2));\n`);
  const esbuild = fileURLToPath(new URL('../../../node_modules/.bin/esbuild', import.meta.url));
  const r = spawnSync(esbuild, [entry, '--bundle', '--platform=node', '--format=esm', '--target=node20', `--outfile=${out}`, '--log-level=error', "--banner:js=import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('esbuild failed');
  return out;
}

/** A module preloaded into the child that writes its peak RSS (kB) to a file as it exits. */
function rssProbe(dir: string): string {
  const file = path.join(dir, 'max-rss.mjs');
  fs.writeFileSync(file, "import fs from 'node:fs';\nprocess.on('exit', () => fs.writeFileSync(process.env.ATLAS_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n");
  return file;
}

export interface ProcessRun {
  ms: number;
  /** Peak resident set size (MB). */
  rssMB: number;
  exit: number | null;
  bytes: number;
}

/** Run `ladders <args>` (bin.mjs, or a bundle from bundleCli) with its stdout to a file; time it and read its peak RSS. */
export function runCli(args: readonly string[], { program = BIN, work = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-cli-')) }: { program?: string; work?: string } = {}): ProcessRun {
  const probe = rssProbe(work);
  const rssFile = path.join(work, 'rss');
  const outFile = path.join(work, 'out');
  const out = fs.openSync(outFile, 'w');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', probe, program, ...args], { stdio: ['ignore', out, 'ignore'], env: { ...process.env, ATLAS_BENCH_RSS: rssFile } });
  const ms = performance.now() - t0;
  fs.closeSync(out);
  const rssMB = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) / 1024 : NaN;
  const bytes = fs.statSync(outFile).size;
  fs.rmSync(outFile);
  return { ms, rssMB, exit: r.status, bytes };
}
