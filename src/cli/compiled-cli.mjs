// The CLI compiled to one JavaScript file, kept in node_modules/.cache and rebuilt when a source changes, and run
// with a V8 code cache of what each command compiled the last time.
//
// Node 20 cannot run TypeScript itself, and tsx's loader transforms every module at every start, on a thread of
// its own: about 0.75 s of each command on a two-core machine (`ladders --help` 1.1 s with the loader, 0.3 s
// compiled). esbuild (a dependency of tsx, so present in a production install) compiles the sources and the
// packages they import once into one file (loading the packages file by file from node_modules cost another
// 0.3 s). V8 then still parses that file and compiles each function the first time it runs, at every start: the
// file is run as a script with the code cache V8 wrote after the same command's first run (`<build>.<command>.v8cache`
// beside it), so a command compiles nothing it compiled before. The packages needed only by some commands (the
// workbook and Word readers, arquero for --arrow: three quarters of the 3.3 MB) are files of their own, read when
// needed. A script, not an ES module: Node 20 gives no code cache for modules. Plain JavaScript, as it runs before
// any TypeScript can.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

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
 * Packages the CLI imports only when a command needs them (the workbook and Word readers, arquero for --arrow: three
 * quarters of the bundle), each compiled to a file of its own beside the CLI: a command that does not need them
 * does not even read them.
 */
const LAZY = ['@e965/xlsx', 'mammoth', 'arquero'];

/**
 * The compiled CLI's URL (the package at `root`, this one unless a test says otherwise), building it first when the
 * sources changed since the last build; undefined when it cannot be had (esbuild missing, a read-only install,
 * `LADDER_ATLAS_COMPILE=0`), and the caller runs the sources through tsx instead. Built to a temporary name and
 * renamed, so two commands started together never read a half-written file. Run it with {@link runCompiled}.
 */
export async function compiledCli(root = PACKAGE_ROOT) {
  if (process.env.LADDER_ATLAS_COMPILE === '0') return undefined;
  try {
    const cache = path.join(root, 'node_modules', '.cache', 'ladder-atlas');
    const name = `cli-${sourceKey(root)}`;
    const file = path.join(cache, `${name}.cjs`);
    if (!fs.existsSync(file)) {
      const esbuild = await import('esbuild');
      fs.mkdirSync(cache, { recursive: true });
      // Built in a folder of its own; the lazily loaded packages' files are moved beside the cache first and the
      // CLI's last, so the CLI exists only once everything it loads does.
      const temp = path.join(cache, `${name}.${process.pid}.tmp`);
      const common = { absWorkingDir: root, bundle: true, platform: 'node', format: 'cjs', target: `node${process.versions.node.split('.')[0]}`, logLevel: 'silent' };
      const lazy = LAZY.filter((pkg) => fs.existsSync(path.join(root, 'node_modules', pkg, 'package.json')));
      const lazyName = (pkg) => `${name}.lazy-${pkg.replace(/[^a-z0-9]+/gi, '-').replace(/^-/, '')}`;
      await esbuild.build({
        ...common,
        entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
        outfile: path.join(temp, `${name}.cjs`),
        // The sources' two uses of their own URL (the package root, the worker's module) get the file's.
        define: { 'import.meta.url': '__atlasModuleUrl' },
        banner: { js: "var __atlasModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
        // `import()` as a require when it runs, so a lazily loaded package is its own file, loaded when needed.
        supported: { 'dynamic-import': false },
        plugins: [{ name: 'lazy-packages', setup: (build) => build.onResolve({ filter: /^[@a-z]/ }, (a) => (lazy.includes(a.path) ? { path: `./${lazyName(a.path)}.cjs`, external: true } : undefined)) }],
      });
      if (lazy.length) await esbuild.build({ ...common, entryPoints: Object.fromEntries(lazy.map((pkg) => [lazyName(pkg), pkg])), outdir: temp, outExtension: { '.js': '.cjs' } });
      for (const pkg of lazy) fs.renameSync(path.join(temp, `${lazyName(pkg)}.cjs`), path.join(cache, `${lazyName(pkg)}.cjs`));
      fs.renameSync(path.join(temp, `${name}.cjs`), file);
      fs.rmSync(temp, { recursive: true, force: true });
      // Earlier builds and their code caches are stale now: keep only this one (and builds still being written).
      for (const old of fs.readdirSync(cache)) {
        if (old.startsWith('cli-') && !old.startsWith(`${name}.`) && !old.endsWith('.tmp')) fs.rmSync(path.join(cache, old), { recursive: true, force: true });
      }
    }
    return pathToFileURL(file).href;
  } catch {
    return undefined;
  }
}

/**
 * How long (ms) a command must have run for its code cache to be written again when it compiled more than the cache
 * held. Without it, the first run of a command decided its cache for good: `--help` (331 KB of cache for
 * `statements`, against 683 KB after a run) or a small run left every later one compiling the rest again (`ingest
 * --json` at 100× the seeds took about 10% longer with the 437 KB cache a test run had left: 1.28 against 1.16 s,
 * medians of 8). Making the new cache takes 5–10 ms, under 2% of such a run; a shorter one keeps the cache it was given.
 */
export const REFRESH_AFTER_MS = 500;

/**
 * Runs the compiled CLI (a URL from {@link compiledCli}) as a script, with the code cache written for `command`
 * (a name of lower-case letters and dashes; none kept for anything else) when there is one V8 accepts. Returns
 * the CLI's exports, whether the cache was used, and `save`: call it after the command has run, to write the cache
 * of everything it compiled when there was none or V8 refused it (another Node version, other V8 flags), or when the
 * command ran for {@link REFRESH_AFTER_MS} or more and compiled at least 5% more than the cache held. A cache that
 * cannot be written is no error: the next start compiles again.
 */
export function runCompiled(url, command) {
  const started = performance.now();
  const file = fileURLToPath(url);
  const cacheFile = typeof command === 'string' && /^[a-z][a-z-]{0,39}$/.test(command) ? file.replace(/\.cjs$/, `.${command}.v8cache`) : undefined;
  let cachedData;
  try {
    if (cacheFile) cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${fs.readFileSync(file, 'utf8')}\n})`, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cached = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  const save = ({ refreshAfter = REFRESH_AFTER_MS } = {}) => {
    if (!cacheFile || (cached && performance.now() - started < refreshAfter)) return;
    try {
      const data = script.createCachedData();
      if (cached && data.length < cachedData.length * 1.05) return;
      const temp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(temp, data);
      fs.renameSync(temp, cacheFile);
    } catch {
      // a read-only cache folder, or the build removed meanwhile by a newer one
    }
  };
  return { exports: module.exports, cached, save };
}
