// The CLI compiled to one JavaScript file, kept in node_modules/.cache and rebuilt when a source changes.
//
// Node 20 cannot run TypeScript itself, and tsx's loader transforms every module at every start, on a thread of
// its own: about 0.75 s of each command on a two-core machine (`ladders --help` 1.1 s with the loader, 0.3 s
// compiled). esbuild (a dependency of tsx, so present in a production install) compiles the sources and the
// packages they import once into one module (loading the packages file by file from node_modules cost another
// 0.3 s). Plain JavaScript, as it runs before any TypeScript can.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** This package's folder (the one above src/). */
const PACKAGE_ROOT = path.dirname(fileURLToPath(new URL('..', import.meta.url)));

/**
 * What the compiled file is made from: every source file's path, size and modification time, the JSON data the
 * sources import (data/*.json), the installed packages and the Node version. Stat calls only (a few milliseconds).
 */
function sourceKey(root) {
  const hash = crypto.createHash('sha256').update(`${process.version}\0`);
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(ts|mts|mjs|js|json)$/.test(entry.name)) {
        const s = fs.statSync(full);
        hash.update(`${path.relative(root, full)}\0${s.size}\0${s.mtimeMs}\0`);
      }
    }
  };
  visit(path.join(root, 'src'));
  const data = path.join(root, 'data');
  // npm rewrites node_modules/.package-lock.json at every install: the packages compiled in are the ones installed.
  const inputs = [...fs.readdirSync(data).filter((n) => n.endsWith('.json')).map((n) => path.join(data, n)), path.join(root, 'node_modules', '.package-lock.json')];
  for (const file of inputs.sort()) {
    const s = fs.statSync(file, { throwIfNoEntry: false });
    hash.update(`${path.relative(root, file)}\0${s?.size}\0${s?.mtimeMs}\0`);
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The compiled CLI's URL (the package at `root`, this one unless a test says otherwise), building it first when the sources changed since the last build; undefined when it
 * cannot be had (esbuild missing, a read-only install, `LADDER_ATLAS_COMPILE=0`), and the caller runs the
 * sources through tsx instead. Built to a temporary name and renamed, so two commands started together never
 * read a half-written file.
 */
export async function compiledCli(root = PACKAGE_ROOT) {
  if (process.env.LADDER_ATLAS_COMPILE === '0') return undefined;
  try {
    const cache = path.join(root, 'node_modules', '.cache', 'ladder-atlas');
    const file = path.join(cache, `cli-${sourceKey(root)}.mjs`);
    if (!fs.existsSync(file)) {
      const esbuild = await import('esbuild');
      fs.mkdirSync(cache, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await esbuild.build({
        entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
        outfile: temp,
        bundle: true,
        // CommonJS packages inside an ES module still need `require` for Node's own modules.
        banner: { js: "import { createRequire as __atlasRequire } from 'node:module'; const require = __atlasRequire(import.meta.url);" },
        platform: 'node',
        format: 'esm',
        target: `node${process.versions.node.split('.')[0]}`,
        logLevel: 'silent',
      });
      fs.renameSync(temp, file);
      // Earlier builds are stale now: keep only this one.
      for (const old of fs.readdirSync(cache)) if (old.startsWith('cli-') && path.join(cache, old) !== file && !old.endsWith('.tmp')) fs.rmSync(path.join(cache, old), { force: true });
    }
    return pathToFileURL(file).href;
  } catch {
    return undefined;
  }
}
