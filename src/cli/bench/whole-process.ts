/** Whole-process runs of the CLI (`ladders <command> --json --data DIR`, output to /dev/null): wall time and peak RSS. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin.mjs', import.meta.url));

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

/**
 * Run `ladders <args>` (bin.mjs as installed) with its stdout to a file; time it and read its peak RSS. `env` is
 * added to the environment (`LADDER_ATLAS_COMPILE: '0'` runs the sources through tsx instead of the compiled CLI).
 */
export function runCli(args: readonly string[], { env = {}, work = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-cli-')) }: { env?: Record<string, string>; work?: string } = {}): ProcessRun {
  return timedRun(process.execPath, ['--import', rssProbe(work), BIN, ...args], { env, work, name: 'cli' });
}

/**
 * Run any program with its stdout to a file in `work` (`<name>-out`, removed after): wall time, output size, and the
 * peak RSS the program writes (kB) to the file named by ATLAS_BENCH_RSS (`<name>-rss`) as it exits (NaN if it did not).
 */
export function timedRun(program: string, args: readonly string[], { env = {}, work, name }: { env?: Record<string, string>; work: string; name: string }): ProcessRun {
  const rssFile = path.join(work, `${name}-rss`);
  const outFile = path.join(work, `${name}-out`);
  fs.rmSync(rssFile, { force: true });
  const out = fs.openSync(outFile, 'w');
  const t0 = performance.now();
  const r = spawnSync(program, args, { stdio: ['ignore', out, 'ignore'], env: { ...process.env, ...env, ATLAS_BENCH_RSS: rssFile } });
  const ms = performance.now() - t0;
  fs.closeSync(out);
  const rssMB = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) / 1024 : NaN;
  const bytes = fs.statSync(outFile).size;
  fs.rmSync(outFile);
  return { ms, rssMB, exit: r.status, bytes };
}
