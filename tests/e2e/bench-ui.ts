/**
 * `npm run bench:ui`: UI performance budgets on the production build in headless Debian Chromium.
 * - JS size: gzip size of every emitted chunk, the total, and the first view's (the page's scripts and the modules
 *   they load to start the app; budget ≤ 180 KB gzip).
 * - First view: median of 5 cold loads (fresh browser context each) of the time from navigation start
 *   until every chart of the first view is in the page and painted (budget ≤ 300 ms).
 * - Level change: median time from choosing another level in the selection bar to the repainted view,
 *   for every view (budget ≤ 50 ms).
 * Usage: npm run bench:ui [-- --runs 5 --no-build]
 */
import { readdirSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from './browser.ts';
import { build, freePort, preview } from './servers.ts';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const BUDGET = { jsKB: 180, firstViewMs: 300, levelChangeMs: 50 };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => (n / 1024).toFixed(1);

const work = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
const dist = args.includes('--no-build') ? 'dist' : join(work, 'dist');
if (!args.includes('--no-build')) build(dist);

const assets = join(dist, 'assets');
const chunks = readdirSync(assets)
  .filter((f) => f.endsWith('.js'))
  .map((f) => {
    const raw = readFileSync(join(assets, f));
    return { file: f, raw: raw.length, gzip: gzipSync(raw).length };
  })
  .sort((a, b) => b.gzip - a.gzip);
const total = chunks.reduce((s, c) => s + c.gzip, 0);
// The first view's JS: the page's scripts and the modules their code loads to start the app, listed in Vite's preload
// map (`__vite__mapDeps`) of each script (everything else loads on demand, listed in the maps of those modules).
const pageScripts = [...readFileSync(join(dist, 'index.html'), 'utf8').matchAll(/src="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
const firstFiles = new Set(pageScripts);
for (const file of pageScripts) {
  const deps = /__vite__mapDeps=[^\n]*?m\.f=\[([^\]]*)\]/.exec(readFileSync(join(assets, file), 'utf8'))?.[1] ?? '';
  for (const m of deps.matchAll(/"\.\/([^"]+\.js)"/g)) firstFiles.add(m[1]);
}
const firstView = chunks.filter((c) => firstFiles.has(c.file)).reduce((s, c) => s + c.gzip, 0);
console.log('JS chunks (gzip):');
for (const c of chunks) console.log(`  ${kb(c.gzip).padStart(7)} KB  (${kb(c.raw).padStart(7)} KB raw)  ${c.file}${firstFiles.has(c.file) ? '  (first view)' : ''}`);
console.log(`  ${kb(total).padStart(7)} KB  total, every chunk`);
console.log(`  ${kb(firstView).padStart(7)} KB  first view: the page's ${pageScripts.length} scripts and the ${firstFiles.size - pageScripts.length} modules they load to start the app (budget ${BUDGET.jsKB} KB) ${firstView / 1024 <= BUDGET.jsKB ? 'OK' : 'OVER'}`);

// A page with a one-line module script: how long this machine takes to start any script (load, contention).
writeFileSync(join(dist, 'bench-baseline.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="./bench-baseline.js"></script>');
writeFileSync(join(dist, 'bench-baseline.js'), "performance.mark('baseline');\n");
const server = await preview(dist, await freePort());
const browser = await launch();
let ok = firstView / 1024 <= BUDGET.jsKB;
try {
  const loaded = new Set<string>();
  const firstView: { script: number; data: number; code: number; render: number; dom: number; painted: number; drawn: number; charts: number; fetched: number; taskMs: number; scriptMs: number }[] = [];
  // Main-thread busy time up to the painted first view (Chromium's own counters): less at the mercy of the machine's
  // load than the wall clock, which also counts waiting for a CPU.
  const busy = async (page: import('playwright-core').Page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    return async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
      return { taskMs: get('TaskDuration'), scriptMs: get('ScriptDuration') };
    };
  };
  // Waits until the page has set a performance mark, asking it every 100 ms with a plain evaluate in the page's own
  // world. Playwright's waitForFunction would first inject its utility script, 70-120 ms of the page's main thread
  // (seen in a trace as an anonymous EvaluateScript), in the middle of the very start-up being timed.
  const markSet = async (page: import('playwright-core').Page, name: string) => {
    while (!(await page.evaluate((n) => performance.getEntriesByName(n).length > 0, name))) await new Promise((r) => setTimeout(r, 100));
  };
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('request', (r) => {
      const file = r.url().split('/').pop() ?? '';
      if (file.endsWith('.js')) loaded.add(file);
    });
    const counters = await busy(page);
    await page.goto(server.url);
    await markSet(page, 'atlas:first-view-painted');
    const used = await counters();
    firstView.push(
      await page.evaluate(({ used, files }) => ({
        ...used,
        script: performance.getEntriesByName('atlas:data-start')[0].startTime,
        data: performance.getEntriesByName('atlas:data-ready')[0].startTime,
        code: performance.getEntriesByName('atlas:first-view-code')[0].startTime,
        render: window.__atlas?.render.count === 1 ? window.__atlas.render.ms : NaN,
        dom: performance.getEntriesByName('atlas:first-view')[0].startTime,
        painted: performance.getEntriesByName('atlas:first-view-painted')[0].startTime,
        // The view drawn at build time (index.html), when the page showed it: its first contentful paint.
        drawn: document.documentElement.classList.contains('no-first-view') ? NaN : (performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN),
        charts: [...document.querySelectorAll('main [data-chart] svg')].filter((s) => s.getBoundingClientRect().height > 50).length,
        // When the last of the first view's JS (the page's scripts and the modules they load to start the app) arrived.
        fetched: Math.max(...performance.getEntriesByType('resource').filter((r) => files.includes(r.name.split('/').pop() ?? '')).map((r) => (r as PerformanceResourceTiming).responseEnd)),
      }), { used, files: [...firstFiles] }),
    );
    await context.close();
  }
  const baseline: number[] = [];
  const baselineBusy: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const counters = await busy(page);
    await page.goto(`${server.url}bench-baseline.html`);
    await markSet(page, 'baseline');
    baselineBusy.push((await counters()).taskMs);
    baseline.push(await page.evaluate(() => performance.getEntriesByName('baseline')[0].startTime));
    await context.close();
  }
  const fv = median(firstView.map((r) => r.painted));
  ok &&= fv <= BUDGET.firstViewMs;
  console.log(`\nFirst view (overview), ${runs} cold loads: charts in DOM ${median(firstView.map((r) => r.dom)).toFixed(0)} ms, painted ${fv.toFixed(0)} ms median (budget ${BUDGET.firstViewMs} ms) ${fv <= BUDGET.firstViewMs ? 'OK' : 'OVER'}; ${firstView[0].charts} charts`);
  console.log(`  runs (painted): ${firstView.map((r) => r.painted.toFixed(0)).join(', ')} ms`);
  const drawn = firstView.map((r) => r.drawn).filter((d) => Number.isFinite(d));
  console.log(
    drawn.length && readFileSync(join(dist, 'index.html'), 'utf8').includes('first-view-static')
      ? `  the same view drawn at build time (index.html, inert until the app replaces it): first contentful paint ${median(drawn).toFixed(0)} ms median (${drawn.map((d) => d.toFixed(0)).join(', ')} ms)`
      : '  no view drawn at build time was shown (index.html has none, or the page hid it)',
  );
  const first = chunks.filter((c) => loaded.has(c.file));
  console.log(`  JS fetched by then or in the idle warm-up right after: ${kb(first.reduce((n, c) => n + c.gzip, 0))} KB gzip in ${first.length} chunks (${first.map((c) => c.file.replace(/-[\w-]{8}\.js$/, '')).join(', ')})`);
  console.log(`  machine baseline: a one-line module script starts at ${median(baseline).toFixed(0)} ms (load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} CPUs)`);
  console.log(`  main thread busy until painted (Chromium TaskDuration, median): ${median(firstView.map((r) => r.taskMs)).toFixed(0)} ms, of it script ${median(firstView.map((r) => r.scriptMs)).toFixed(0)} ms; the one-line page ${median(baselineBusy).toFixed(0)} ms`);
  console.log(`  the first view's JS (${firstFiles.size} files) all fetched by ${median(firstView.map((r) => r.fetched)).toFixed(0)} ms median`);
  console.log(`  median breakdown: app script starts ${median(firstView.map((r) => r.script)).toFixed(0)} ms, ladders read ${median(firstView.map((r) => r.data)).toFixed(0)} ms, view code loaded ${median(firstView.map((r) => r.code)).toFixed(0)} ms, view function took ${median(firstView.map((r) => r.render)).toFixed(0)} ms, view in DOM ${median(firstView.map((r) => r.dom)).toFixed(0)} ms`);

  console.log(`\nLevel change → repainted view, median of ${runs}:`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  for (const view of ['overview', 'alignment', 'map', 'divergence', 'coverage', 'gaps', 'explorer']) {
    await page.goto(`${server.url}?view=${view}`);
    await page.waitForFunction(() => window.__atlas?.ready === true && !document.querySelector('main[aria-busy]'));
    const times: number[] = [];
    const renders: number[] = [];
    const options = await page.$$eval('#sel-level option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    for (let i = 0; i < runs; i++) {
      const value = options[(i * 3 + 1) % options.length];
      const r = await page.evaluate(
        (value) =>
          new Promise<{ total: number; render: number }>((resolve) => {
            const select = document.getElementById('sel-level') as HTMLSelectElement;
            const t0 = performance.now();
            select.value = value;
            select.dispatchEvent(new Event('change'));
            requestAnimationFrame(() => requestAnimationFrame(() => resolve({ total: performance.now() - t0, render: window.__atlas?.render.ms ?? NaN })));
          }),
        value,
      );
      times.push(r.total);
      renders.push(r.render);
    }
    const m = median(times);
    ok &&= m <= BUDGET.levelChangeMs;
    console.log(`  ${view.padEnd(11)} ${m.toFixed(1).padStart(6)} ms to paint (view function ${median(renders).toFixed(1)} ms) ${m <= BUDGET.levelChangeMs ? 'OK' : 'OVER'}`);
  }
  await context.close();
} finally {
  await browser.close();
  server.process.kill();
  rmSync(work, { recursive: true, force: true });
}
console.log(`\nbudgets: ${ok ? 'all met' : 'NOT all met'}`);
process.exit(ok ? 0 : 1);
