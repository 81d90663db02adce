/**
 * Turns files a reader picked in a notebook (a `--data`-style folder, a company folder, or loose
 * files) into ingestion inputs with data-folder paths. Pure: the shell reads the bytes.
 */
import type { InputFile } from '../ingest/index.ts';

/** One picked file: its path relative to the picked folder (or just its name) and its bytes. */
export interface PickedFile {
  path: string;
  content: Uint8Array | string;
}

export interface PickedLadder {
  /** Ladder files, with `ladders/<company>/<file>` paths where the folder says the company. */
  files: InputFile[];
  /** Picked files that are not ladder files (hidden files, data files outside `ladders/`). */
  ignored: string[];
}

const isHidden = (path: string) => path.split('/').some((part) => part.startsWith('.'));

/**
 * Maps picked paths onto the data-folder layout:
 * - a path holding a `ladders/` folder keeps everything from `ladders/` on (a whole `--data` folder was
 *   picked; its other files, such as `taxonomy.json`, are ignored here);
 * - `<folder>/<file>` becomes `ladders/<folder>/<file>` (a company folder was picked);
 * - a bare file name stays as it is (ingestion takes its company from the file or from the name the
 *   reader gives).
 */
export function pickedLadder(picked: readonly PickedFile[]): PickedLadder {
  const visible = picked.filter((f) => !isHidden(f.path));
  const ignored = picked.filter((f) => isHidden(f.path)).map((f) => f.path);
  const underLadders = (path: string) => path.split('/').indexOf('ladders');
  const dataFolder = visible.some((f) => underLadders(f.path) >= 0 && underLadders(f.path) < f.path.split('/').length - 2);
  const files: InputFile[] = [];
  for (const f of visible) {
    const parts = f.path.split('/').filter(Boolean);
    const at = underLadders(f.path);
    if (dataFolder) {
      if (at >= 0 && at < parts.length - 2) files.push({ path: parts.slice(at).join('/'), content: f.content });
      else ignored.push(f.path);
    } else if (parts.length >= 2) {
      files.push({ path: `ladders/${parts[parts.length - 2]}/${parts[parts.length - 1]}`, content: f.content });
    } else {
      files.push({ path: parts[0] ?? f.path, content: f.content });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, ignored: ignored.sort() };
}

/** Company folder of a data-folder path (`ladders/<company>/…`), or null. */
export function companyFolder(path: string): string | null {
  const m = /(?:^|\/)ladders\/([^/]+)\/[^/]+$/.exec(path);
  return m ? m[1] : null;
}
