// The CLI compiled to one JavaScript module, kept in node_modules/.cache and rebuilt when a source changes.
//
// Node 20 cannot run TypeScript itself, and tsx's loader transforms every module at every start, on a thread of
// its own: about 0.75 s of each command on a two-core machine (`ladders --help` 1.1 s with the loader, 0.3 s
// compiled). esbuild (a dependency of tsx, so present in a production install) compiles the sources and the
// packages they import once into one module (loading the packages file by file from node_modules cost another
// 0.3 s). What is imported only when needed (the workbook and Word readers, arquero for --arrow: three quarters of
// the 3.3 MB) goes to chunks of its own beside it, so a command compiles only the 0.7 MB it runs. Plain JavaScript,
// as it runs before any TypeScript can.
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
    const name = `cli-${sourceKey(root)}`;
    const file = path.join(cache, `${name}.mjs`);
    if (!fs.existsSync(file)) {
      const esbuild = await import('esbuild');
      fs.mkdirSync(cache, { recursive: true });
      // Built in a folder of its own; its chunks are moved beside the cache first and the module last, so the
      // module exists only once everything it imports does.
      const temp = path.join(cache, `${name}.${process.pid}.tmp`);
      await esbuild.build({
        entryPoints: { [name]: path.join(root, 'src', 'cli', 'main.ts') },
        outdir: temp,
        chunkNames: `${name}-chunks/[name]-[hash]`,
        outExtension: { '.js': '.mjs' },
        bundle: true,
        splitting: true,
        // CommonJS packages inside an ES module still need `require` for Node's own modules.
        banner: { js: "import { createRequire as __atlasRequire } from 'node:module'; const require = __atlasRequire(import.meta.url);" },
        platform: 'node',
        format: 'esm',
        target: `node${process.versions.node.split('.')[0]}`,
        logLevel: 'silent',
      });
      // Chunks of the same sources are the same files: a command that built them meanwhile already put them there.
      const chunks = path.join(cache, `${name}-chunks`);
      if (fs.existsSync(path.join(temp, `${name}-chunks`)) && !fs.existsSync(chunks)) fs.renameSync(path.join(temp, `${name}-chunks`), chunks);
      fs.renameSync(path.join(temp, `${name}.mjs`), file);
      fs.rmSync(temp, { recursive: true, force: true });
      // Earlier builds are stale now: keep only this one (and builds still being written by other commands).
      for (const old of fs.readdirSync(cache)) {
        if (old.startsWith('cli-') && old !== `${name}.mjs` && old !== `${name}-chunks` && !old.endsWith('.tmp')) fs.rmSync(path.join(cache, old), { recursive: true, force: true });
      }
    }
    return pathToFileURL(file).href;
  } catch {
    return undefined;
  }
}
