import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Project root (tests run from it). */
export const ROOT = process.cwd();
const BIN = join(ROOT, 'node_modules', '.bin');

/** Notebook source files (`notebooks/*.html`), sorted. */
export function notebookSources(): string[] {
  return readdirSync(join(ROOT, 'notebooks'))
    .filter((f) => f.endsWith('.html'))
    .sort();
}

/** Runs a build command; resolves when it exits 0, rejects with its output otherwise. */
function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((done, fail) => {
    // Vitest sets NODE_ENV=test, which would make Vite build in development mode.
    const child = spawn(join(BIN, command), args, { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

const dataEnv = (dataDir?: string): Record<string, string> => (dataDir ? { ATLAS_DATA_DIR: dataDir } : {});

/** The dashboard's production build (`vite build`), on the bundled data or on `dataDir`. */
export function buildApp(outDir: string, dataDir?: string): Promise<void> {
  return run('vite', ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], dataEnv(dataDir));
}

/** The notebooks' production build (same CLI and template as `npm run build`), on the bundled data or on `dataDir`. */
export function buildNotebooks(outDir: string, dataDir?: string): Promise<void> {
  return run(
    'notebooks',
    ['build', '--root', 'notebooks', '--out', outDir, '--template', 'notebooks/templates/notebook.html', '--', ...notebookSources().map((f) => `notebooks/${f}`)],
    dataEnv(dataDir),
  );
}
