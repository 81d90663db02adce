import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type IngestOptions, type InputFile, ingestFiles } from '../ingest/index.ts';
import type { LadderSet } from '../types.ts';

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

/** The bundled data folder, wherever the command is run from. */
export const BUNDLED_DATA = fileURLToPath(new URL('../../data', import.meta.url));

/** Reads and ingests a data folder of the bundled layout (`DIR/ladders/<company>/…`). */
export function loadDataDir(dir = BUNDLED_DATA, options: IngestOptions = {}): LadderSet {
  return ingestFiles(readLadderFiles(dir), options);
}

/** Ingests loose files given on the command line for one company. */
export function loadLooseFiles(files: string[], company: string, track?: string): LadderSet {
  const inputs = files.map((f) => ({ path: path.basename(f), content: fs.readFileSync(f) }));
  return ingestFiles(inputs, { company, track });
}
