import fs from 'node:fs';
import path from 'node:path';
import { DATA_FILE_NAMES, type DataBundle } from '../atlas/index.ts';
import { defaultRules, type InputFile } from '../ingest/index.ts';
import { packagePath } from './package-root.ts';

/** The bundled data folder, wherever the command is run from. */
export const BUNDLED_DATA = packagePath('data');

/** A file-system error as a few words for a diagnostic: `permission denied (EACCES)`. */
function describeError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'permission denied', ENOENT: 'no such file', EISDIR: 'a folder, not a file',
    ELOOP: 'too many symbolic links', EIO: 'input/output error', ENAMETOOLONG: 'name too long',
  };
  return code ? `${words[code] ?? message.replace(/^\w+: /, '').replace(/, \w+ '.*'$/, '')} (${code})` : message;
}

/**
 * One file as an ingestion input, never holding more than `maxBytes`: its size is looked at first, so a file
 * over the limit is passed with its size and never read; one that grows while read, or has no size (a pipe),
 * is read up to one byte past the limit. A file that cannot be read is passed with the reason, for ingestion
 * to report it by name while the rest loads.
 */
function readInput(full: string, path: string, maxBytes: number): InputFile {
  let fd: number;
  try {
    fd = fs.openSync(full, 'r');
  } catch (error) {
    return { path, content: '', unreadable: describeError(error) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { path, content: '', unreadable: 'a folder, not a file (name the files in it, or pass the data folder with --data DIR)' };
    if (stat.isFile() && stat.size > maxBytes) return { path, content: new Uint8Array(0), size: stat.size };
    // A file is read into a buffer of its size (one byte more, to see it grow), in one call and without a copy; a
    // pipe in pieces. A megabyte buffer per file cost 0.3 s of reading 800 ladder files, most of it allocation.
    const chunks: Buffer[] = [];
    let total = 0;
    let size = stat.isFile() ? stat.size + 1 : 1 << 16;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(size, maxBytes + 1 - total));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return { path, content: new Uint8Array(0), size: total };
      size = 1 << 16;
    }
    return { path, content: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
  } catch (error) {
    return { path, content: '', unreadable: describeError(error) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Why a folder entry other than a file or folder is not read (it could block, or point outside the folder). */
function entryKind(entry: fs.Dirent): string {
  if (entry.isSymbolicLink()) return 'a symbolic link, not followed (copy the file into the folder)';
  if (entry.isFIFO()) return 'a named pipe (FIFO), not read';
  if (entry.isSocket()) return 'a socket, not read';
  return 'a device, not read';
}

/**
 * Every file under `DIR/ladders/<company>/`, with paths relative to DIR, in a stable order. Hidden folders,
 * symbolic links, pipes and devices are passed on as skipped entries (with the reason, for the report), files
 * that cannot be read with the reason; no file is read past `maxBytes`.
 */
export function readLadderFiles(dir: string, { maxBytes = defaultRules.maxFileBytes }: { maxBytes?: number } = {}): InputFile[] {
  const root = path.join(dir, 'ladders');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new Error(`${dir}: no ladders/ folder (expected ${root}/<company>/<files>)`);
  }
  const files: InputFile[] = [];
  const relativePath = (p: string) => path.relative(dir, p).split(path.sep).join('/');
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch (error) {
      files.push({ path: `${relativePath(d)}/`, content: '', unreadable: describeError(error) });
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name.startsWith('.')) files.push({ path: `${relativePath(p)}/`, content: '', skipped: 'hidden folder (its name starts with a dot)' });
        else walk(p);
      } else if (e.isFile()) files.push(readInput(p, relativePath(p), maxBytes));
      else files.push({ path: relativePath(p), content: '', skipped: entryKind(e) });
    }
  };
  walk(root);
  return files;
}

/**
 * Loose files named on the command line, as ingestion inputs (their company comes from `--company`). Named
 * explicitly, a symbolic link or a pipe (`<(…)`) is read, up to `maxBytes`; a folder or a missing file is
 * reported by name while the others load.
 */
export function readLooseFiles(files: readonly string[], { maxBytes = defaultRules.maxFileBytes }: { maxBytes?: number } = {}): InputFile[] {
  return files.map((f) => readInput(f, path.basename(f), maxBytes));
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
    if (!found) continue;
    try {
      bundle[member] = { name: found, content: fs.readFileSync(found, 'utf8') };
    } catch (error) {
      throw new Error(`${found}: could not be read: ${describeError(error)}`);
    }
  }
  return bundle;
}
