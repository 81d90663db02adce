import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = 'ladder-atlas';

/**
 * The folder of this package (the one holding its package.json), found by walking up from this module. The CLI
 * runs either from its sources or compiled into one file under node_modules/.cache (see bin.mjs), so a path
 * written relative to a module's own location would point somewhere else in one of the two: every path into the
 * package is taken from here instead.
 */
function findPackageRoot(start: string): string {
  for (let dir = start; ; ) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if (JSON.parse(fs.readFileSync(manifest, 'utf8')).name === NAME) return dir;
      } catch {
        // Not a manifest we can read: keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${NAME} package above ${start}`);
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the package: `packagePath('data')`, `packagePath('tests/fixtures/blind-corpus')`. */
export const packagePath = (...parts: string[]): string => path.join(PACKAGE_ROOT, ...parts);
