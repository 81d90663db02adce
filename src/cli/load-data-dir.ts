import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_FILE_NAMES, type DataBundle } from '../atlas/index.ts';
import type { InputFile } from '../ingest/index.ts';

/** The bundled data folder, wherever the command is run from. */
export const BUNDLED_DATA = fileURLToPath(new URL('../../data', import.meta.url));

/** Every file under `DIR/ladders/<company>/`, with paths relative to DIR, in a stable order. */
export function readLadderFiles(dir: string): InputFile[] {
  const root = path.join(dir, 'ladders');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new Error(`${dir}: no ladders/ folder (expected ${root}/<company>/<files>)`);
  }
  const files: InputFile[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) files.push({ path: path.relative(dir, p).split(path.sep).join('/'), content: fs.readFileSync(p) });
    }
  };
  walk(root);
  return files;
}

/** Loose files named on the command line, as ingestion inputs (their company comes from `--company`). */
export function readLooseFiles(files: readonly string[]): InputFile[] {
  return files.map((f) => ({ path: path.basename(f), content: fs.readFileSync(f) }));
}

/** Where each data file comes from: an explicit file wins, then the data folder's own, then the bundled one. */
export interface DataPaths {
  /** A data folder (`--data DIR` or `ATLAS_DATA_DIR`); its top-level files replace the bundled ones. */
  dir?: string;
  /** Explicit files (`--taxonomy FILE`, …), by bundle member. */
  files?: Partial<Record<keyof DataBundle, string>>;
}

/** Reads the data files of a command line into a bundle (texts named by their paths). Errors name the file. */
export function readDataBundle({ dir, files = {} }: DataPaths = {}): DataBundle {
  const bundle: DataBundle = {};
  for (const [member, name] of Object.entries(DATA_FILE_NAMES) as [keyof DataBundle, string][]) {
    const explicit = files[member];
    if (explicit && !fs.existsSync(explicit)) throw new Error(`${explicit}: file not found`);
    const found = explicit ?? [dir, BUNDLED_DATA].map((d) => d && path.join(d, name)).find((p) => p && fs.existsSync(p));
    if (found) bundle[member] = { name: found, content: fs.readFileSync(found, 'utf8') };
  }
  return bundle;
}
