import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../../..');
export const NOTEBOOKS_DIR = join(REPO, 'notebooks');

/** Notebook source files (`notebooks/*.html`), sorted. */
export function notebookSources(): string[] {
  return readdirSync(NOTEBOOKS_DIR).filter((f) => f.endsWith('.html')).sort();
}

/**
 * Folder of built notebooks: `$NOTEBOOKS_DIST` when CI already ran `npm run notebooks` (and no other
 * data folder is asked for), otherwise a fresh build (same CLI and template as `npm run notebooks`)
 * into a temp folder; `env` adds e.g. `ATLAS_DATA_DIR`.
 */
export function builtNotebooks(env: Record<string, string> = {}): { dir: string; dispose(): void } {
  const given = process.env.NOTEBOOKS_DIST;
  if (given && Object.keys(env).length === 0) return { dir: resolve(REPO, given), dispose() {} };
  const out = mkdtempSync(join(tmpdir(), 'ladder-atlas-notebooks-'));
  execFileSync(
    join(REPO, 'node_modules/.bin/notebooks'),
    [
      'build', '--root', 'notebooks', '--out', out, '--template', 'notebooks/templates/notebook.html',
      '--', ...notebookSources().map((f) => `notebooks/${f}`),
    ],
    { cwd: REPO, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production', ...env } },
  );
  return { dir: out, dispose: () => rmSync(out, { recursive: true, force: true }) };
}
