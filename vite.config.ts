import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import { isIgnoredFile } from './src/ingest/ignored-file.ts';
import { FIRST_VIEW_CLASS, guardScript } from './src/app/first-view-guard.ts';
import { THEME_KEY } from './src/app/theme.ts';
import { HINT_KEY } from './src/app/upload/upload-hint.ts';

const VIRTUAL_ID = 'virtual:atlas-data';
const LADDERS_ID = 'virtual:atlas-data/ladders';
const FILES_ID = 'virtual:atlas-data/files';
const RULES_ID = 'virtual:atlas-data/ingest-rules';
const SET_ID = 'virtual:atlas-data/ladder-set';
const TABLES_ID = 'virtual:atlas-data/tables';
const IDS = [VIRTUAL_ID, LADDERS_ID, FILES_ID, RULES_ID, SET_ID, TABLES_ID];
const RULES_FILE = 'ingest-rules.json';
const PROJECT_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Regular files under `dir`, as the CLI reads a data folder: hidden entries, symbolic links and pipes are left out (a pipe would hang the build). */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => {
      const full = join(dir, e.name);
      return e.isDirectory() ? listFiles(full) : e.isFile() ? [full] : [];
    });
}

/**
 * Bundles the data folder (ladders + data files) as the module `virtual:atlas-data`, so the browser
 * runs the same core entry point as the CLI on the same files. Its parts are also modules of their own
 * (`virtual:atlas-data/ladders`, `virtual:atlas-data/ingest-rules`, `virtual:atlas-data/files`) so the app
 * can read the ladders first (with the ingest rules) and load the taxonomy data with the classifier.
 * The bundled ladders are also read, classified and analysed here, at build time (the dev server again when the
 * data or the core's code changes): `virtual:atlas-data/ladder-set` holds the ladders as read (the first view),
 * `virtual:atlas-data/tables` each statement's classification and every analysis (loaded after the first paint).
 * `ATLAS_DATA_DIR` points at another data folder (used by the e2e tests for hostile fixtures); its
 * top-level JSON/CSV files (taxonomy, priors, overrides, cues, ingest rules) override the project's `data/`
 * ones, as `ladders --data DIR` does.
 */
function atlasData(): Plugin {
  const fallbackDir = resolve(PROJECT_DIR, 'data');
  const dataDir = process.env.ATLAS_DATA_DIR ? resolve(process.env.ATLAS_DATA_DIR) : fallbackDir;
  // LICENSE, NOTICE, README… beside the ladders are not read by ingestion (the data folder's ingest rules say which):
  // not shipped to the browser either.
  const rulesFile = [dataDir, fallbackDir].map((d) => join(d, RULES_FILE)).find((f) => existsSync(f))!;
  const ignored = new Set<string>((JSON.parse(readFileSync(rulesFile, 'utf8')).ignoredFiles ?? []).map((n: string) => n.toLowerCase()));
  const isIgnored = (full: string) => isIgnoredFile(full.split(/[\\/]/).pop() ?? '', ignored);
  type Shipped = { ladderFiles: ({ path: string; content: string } | { path: string; base64: string })[]; ingestRules: string | undefined; dataFiles: Record<string, string> };
  const ladderFiles = (watch: (file: string) => void): Shipped['ladderFiles'] =>
    listFiles(join(dataDir, 'ladders')).filter((full) => !isIgnored(full)).map((full) => {
      watch(full);
      const bytes = readFileSync(full);
      const text = bytes.toString('utf8');
      const path = relative(dataDir, full).split(sep).join('/');
      // Files that are not valid UTF-8 travel as bytes so ingestion decodes them exactly as the CLI does.
      return Buffer.from(text, 'utf8').equals(bytes) ? { path, content: text } : { path, base64: bytes.toString('base64') };
    });
  const topFiles = (watch: (file: string) => void): Pick<Shipped, 'ingestRules' | 'dataFiles'> => {
    const dataFiles: Record<string, string> = {};
    for (const dir of [fallbackDir, dataDir]) {
      for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
        const full = join(dir, name);
        if (!/\.(json|csv)$/.test(name) || !statSync(full).isFile()) continue;
        watch(full);
        dataFiles[name] = readFileSync(full, 'utf8');
      }
    }
    // The ingest rules travel on their own: ingestion reads the ladders with them, before the rest loads.
    // Ingestion already carries the project's own rules, so only a data folder's different file is sent.
    const { [RULES_FILE]: rules, ...rest } = dataFiles;
    return { ingestRules: rules === readFileSync(join(fallbackDir, RULES_FILE), 'utf8') ? undefined : rules, dataFiles: rest };
  };
  // The bundled ladders read, classified and analysed at build time (and by the dev server when the data or the core
  // changes), in a child process running the core's current code; the page gets the tables as data.
  let computed: { key: string; tables: { set: unknown; classes: unknown; analysis: unknown; warnings: unknown } } | undefined;
  let coreChanges = 0;
  const tables = (watch: (file: string) => void) => {
    const input = JSON.stringify({ ladderFiles: ladderFiles(watch), ...topFiles(watch) } satisfies Shipped);
    const key = `${coreChanges}:${input}`;
    if (computed?.key !== key) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/app/build/bundled-tables-main.ts'], { cwd: PROJECT_DIR, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'inherit'] });
      computed = { key, tables: JSON.parse(out.toString('utf8')) };
    }
    return computed.tables;
  };
  // JSON.parse of a string literal: faster for the browser than the same value as an object literal.
  const jsonModule = (values: Record<string, unknown>) => Object.entries(values).map(([name, value]) => `export const ${name} = JSON.parse(${JSON.stringify(JSON.stringify(value))});\n`).join('');
  // The first view (shell and overview of the bundled ladders) drawn at build time into index.html, by the page's own
  // code in jsdom in a child process (src/app/build/first-view.ts); the dev server draws it live as before.
  let building = false;
  // Inline in index.html (no request before the first paint), allowed by its hash in the page's policy.
  const guard = guardScript({ uploadsKey: HINT_KEY, themeKey: THEME_KEY });
  if (guard.toLowerCase().includes('</script')) throw new Error('the first view guard cannot be inlined: it holds </script');
  const guardHash = `'sha256-${createHash('sha256').update(guard).digest('base64')}'`;
  // A data folder the page's code cannot draw (it then shows its own error) leaves index.html as it was, with a warning.
  const drawFirstView = (warn: (message: string) => void): string | undefined => {
    try {
      return execFileSync(process.execPath, ['--import', 'tsx', 'src/app/build/first-view-main.ts'], { cwd: PROJECT_DIR, input: JSON.stringify(tables(() => {}).set), maxBuffer: 1 << 28, stdio: ['pipe', 'pipe', 'pipe'] }).toString('utf8');
    } catch (error) {
      warn(`the first view was not drawn at build time (the page draws it when its code has loaded): ${String((error as { stderr?: Buffer }).stderr ?? error).trim().split('\n')[0]}`);
      return undefined;
    }
  };
  return {
    name: 'atlas-data',
    configResolved(config) {
      // The dashboard's build only: Notebook Kit builds the notebooks (root notebooks/) with this plugin too.
      building = config.command === 'build' && resolve(config.root) === resolve(PROJECT_DIR);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!building) return html;
        // Inert: nothing in it answers input; the app replaces it whole. The guard runs before the page paints and
        // hides it on any visit it does not fit (a selection in the address, uploaded ladders).
        if (!html.includes('<div id="app">')) throw new Error('index.html: no <div id="app"> to draw the first view in');
        const policy = "script-src 'self'";
        if (!html.includes(policy)) throw new Error(`index.html: its Content-Security-Policy has no ${policy} to allow the first view's guard in`);
        const view = drawFirstView((message) => this.warn(message));
        if (view === undefined) return html;
        const drawn = `<div class="${FIRST_VIEW_CLASS}" inert>${view}</div>`;
        // The entry's style sheet inline too (the policy allows inline styles): the drawn view paints from the HTML alone.
        const inlined = html.replace(/<link rel="stylesheet"[^>]*? href="\.\/(assets\/[^"]+\.css)">/g, (link, file: string) => {
          const sheet = ctx.bundle?.[file];
          return sheet?.type === 'asset' && typeof sheet.source === 'string' ? `<style>${sheet.source.replaceAll('</', '<\\/')}</style>` : link;
        });
        return inlined
          .replace(policy, `${policy} ${guardHash}`)
          .replace('</head>', `<script>${guard}</script>\n</head>`)
          .replace('<div id="app">', `<div id="app">${drawn}`);
      },
    },
    resolveId: (id) => (IDS.includes(id) ? '\0' + id : undefined),
    load(id) {
      const watch = (file: string) => this.addWatchFile(file);
      if (id === '\0' + VIRTUAL_ID) return `export { ladderFiles } from '${LADDERS_ID}';\nexport { ingestRules } from '${RULES_ID}';\nexport { dataFiles } from '${FILES_ID}';\n`;
      if (id === '\0' + LADDERS_ID) return `export const ladderFiles = ${JSON.stringify(ladderFiles(watch))};\n`;
      if (id === '\0' + RULES_ID) return `export const ingestRules = ${JSON.stringify(topFiles(watch).ingestRules)};\n`;
      if (id === '\0' + FILES_ID) return `export const dataFiles = ${JSON.stringify(topFiles(watch).dataFiles)};\n`;
      // Data, not code: no source map (the dev server would inline one several times the module's size).
      if (id === '\0' + SET_ID) return { code: jsonModule({ ladderSet: tables(watch).set }), map: { mappings: '' } };
      if (id === '\0' + TABLES_ID) {
        const { classes, analysis, warnings } = tables(watch);
        return { code: jsonModule({ classes, analysis, warnings }), map: { mappings: '' } };
      }
    },
    handleHotUpdate({ file, server }) {
      // The core's code (not the app's or the views'): the bundled tables are computed again with it.
      const core = /[\\/]src[\\/](?!app[\\/]|views[\\/])/.test(relative(PROJECT_DIR, file).replace(/^/, '/'));
      if (file.startsWith(dataDir) || file.startsWith(fallbackDir) || core) {
        if (core) coreChanges++;
        for (const id of IDS) {
          const mod = server.moduleGraph.getModuleById('\0' + id);
          if (mod) server.moduleGraph.invalidateModule(mod);
        }
        if (core) return;
        server.ws.send({ type: 'full-reload' });
        return [];
      }
    },
  };
}

/** Modules that start a worker of their own (`new Worker(workerUrl)` on their own chunk's URL). */
const WORKER_ENTRY = /[\\/]src[\\/].*-worker\.ts$/;

/**
 * The first view's code in two chunks instead of one per shared module. Without this, every small module the entry
 * shares with a lazily loaded chunk becomes a chunk of its own: the first view fetched 15 files, and over HTTP/1.1
 * (six connections a host) the last ones waited for two rounds of the first. After the build has read every module
 * this plugin works out which the entry loads statically (`firstView`) and which can run in a worker (`inWorker`:
 * everything a worker entry reaches); `codeSplitting` then puts the first view's modules that a worker also runs in
 * `common` (so a worker never loads view code or Plot) and the rest in the entry's `app` chunk.
 */
function firstViewChunks() {
  const firstView = new Set<string>();
  const inWorker = new Set<string>();
  /** The entry's own static closure: kept in the entry's chunk, which must stay small (see src/app/main.ts). */
  const entryOwn = new Set<string>();
  const plugin: Plugin = {
    name: 'first-view-chunks',
    apply: 'build',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const closure = (roots: string[], into: Set<string>, dynamic: boolean) => {
        const stack = [...roots];
        while (stack.length) {
          const id = stack.pop()!;
          if (into.has(id)) continue;
          into.add(id);
          const info = this.getModuleInfo(id);
          stack.push(...(info?.importedIds ?? []), ...(dynamic ? (info?.dynamicallyImportedIds ?? []) : []));
        }
      };
      const entries = ids.filter((id) => this.getModuleInfo(id)?.isEntry);
      closure(entries, entryOwn, false);
      // The entry starts the app (start.ts) by a dynamic import after the first paint: what the entry's own modules
      // import that way, and their static closure, is the first view's code too.
      closure([...entries, ...[...entryOwn].flatMap((id) => this.getModuleInfo(id)?.dynamicallyImportedIds ?? [])], firstView, false);
      closure(ids.filter((id) => WORKER_ENTRY.test(id)), inWorker, true);
    },
  };
  // The chart group's modules are taken first (higher priority). The bundled data (virtual modules) is left to the
  // bundler: it is data, not code; Vite's own helpers (virtual too) go with `common` when a worker needs them.
  // The app's start module is in `app`, which lazily loaded chunks import: it must not await at top level (see start.ts).
  const groups = [
    // The entry's own modules stay with the entry: in a chunk the app shares, the entry would import (and so wait for)
    // the whole app. Vite's preload helper (which the workers' chunks import too, though the worker closure above does
    // not list it) goes with `common`, which holds no view code: a worker importing the entry's chunk would run it.
    // (The module-preload polyfill stays with the entry: it reads `document` as it loads.)
    { name: 'common', priority: 5, test: (id: string) => firstView.has(id) && (inWorker.has(id) || id.startsWith('\0vite/preload-helper')) },
    { name: 'index', priority: 4, test: (id: string) => entryOwn.has(id) && !inWorker.has(id) },
    { name: 'app', priority: 1, test: (id: string) => firstView.has(id) && !entryOwn.has(id) && !inWorker.has(id) && !id.startsWith('\0') },
  ];
  return { plugin, groups };
}
const firstView = firstViewChunks();

export default defineConfig({
  base: './',
  plugins: [atlasData(), firstView.plugin],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 400,
    // Imports made by code that runs in the upload and analysis workers (their entries, the office readers that load
    // SheetJS and mammoth) must not be preloaded: Vite preloads through <link> tags, and a worker has no document.
    modulePreload: { resolveDependencies: (_file, deps, { hostId }) => (/(^|\/)(ingest-worker|analysis-worker|open-office-files)-[\w-]+\.js$/.test(hostId) ? [] : deps) },
    // Name the chart library's chunk after what it holds (Plot and the d3 modules it uses), then the first view's groups.
    // Rolldown's merging of shared modules into a chunk that "must already be loaded" (the importer of a lazy chunk) is
    // off: a worker starts its chunk in a realm of its own, where that importer (the upload panel, the view code) was
    // never loaded and would be run there. The upload e2e tests start both workers from the production build.
    rolldownOptions: { experimental: { chunkOptimization: { mergeCommonChunks: false, avoidRedundantChunkLoads: false } }, output: { codeSplitting: { groups: [{ name: 'plot', priority: 3, test: /node_modules[\\/](@observablehq[\\/]plot|d3-|internmap|interval-tree-1d|isoformat|binary-search-bounds)/ }, ...firstView.groups] } } },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // The unit tests exercise pure modules (no mocks, no globals), so each worker keeps its module cache
    // across files instead of importing every module again for each file: ~3x less CPU for the suite.
    isolate: false,
    // No unit test is about speed (npm run bench and bench:read measure that): a loaded two-core machine
    // runs CLI-spawning tests ten times slower than a quiet one, so 5 s would fail them for no fault.
    testTimeout: 30_000,
  },
});
