import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Flags that work for Debian's Chromium as root in CI containers (see design/stack.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Debian's full Chromium, in its new headless mode: what `launch()` starts (bench:ui). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The e2e suite's browser: Debian's headless shell when installed (`apt-get install -y
 * chromium-headless-shell`: the same Chromium build run in classic headless mode, which is what
 * Playwright drives by default), else the full browser. Same engine; the shell opens a browser
 * context and its renderer for about a quarter of the CPU time, which was most of what a browser
 * test cost here. `CHROMIUM_PATH` picks another binary.
 */
export const TEST_CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';

/** Launches headless Debian Chromium with a fresh temporary profile (tools outside the test run). */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Connects to the Chromium the e2e global setup launched for the whole run (one browser for every
 * file; each test opens its own context). `close()` on the result closes only this file's contexts.
 */
export function connect(): Promise<Browser> {
  return chromium.connect(inject('browserEndpoint'));
}

/**
 * Waits for a site that is built on its first request (global-setup.ts) to answer, so that the build's time is spent in
 * the file's `beforeAll` (hook timeout) and not in its first test's page load.
 */
export async function built(url: string): Promise<void> {
  const answer = await fetch(url);
  if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}: ${(await answer.text()).slice(0, 2000)}`);
}

/** The bytes of a finished download (a connected browser has no local path for it). */
export async function downloadBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Waits until whatever the page started has run its course: two animation frames (a render and its
 * paint), then every image in the document loaded or failed (so an injected `<img onerror>` would
 * have fired by now).
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const pending = [...document.images].filter((img) => !img.complete);
    await Promise.all(pending.map((img) => new Promise((done) => (img.addEventListener('load', done), img.addEventListener('error', done)))));
  });
}

/** What a page did: console errors, uncaught exceptions and every request URL. */
export interface PageLog {
  errors: string[];
  requests: string[];
}

/** Opens a page in a new context (axe needs contexts) that records errors and requests. */
export async function openPage(browser: Browser, options: { width?: number; height?: number } = {}): Promise<{ context: BrowserContext; page: Page; log: PageLog }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const log: PageLog = { errors: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => log.requests.push(r.url()));
  return { context, page, log };
}

/**
 * Navigates and waits until the shell has rendered the view (window.__atlas.ready), with the charts a view draws once
 * it is on screen (below the fold, src/views/deferred-chart.ts) drawn too.
 */
export async function gotoView(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__atlas?.ready === true && !document.querySelector('main[aria-busy], [data-chart-pending]'));
}

/** Waits for the next completed render after `action` (its charts drawn later included, as in `gotoView`). */
export async function afterRender(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await page.evaluate(() => window.__atlas?.render.count ?? 0);
  await action();
  await page.waitForFunction((n) => (window.__atlas?.render.count ?? 0) > n && !document.querySelector('main[aria-busy], [data-chart-pending]'), before);
  // The app writes a change's history entry when the page is next idle (src/app/shell.ts): an idle callback asked for
  // now runs after it. Then Playwright's page.url() shows it when its navigation event is in.
  const href = await page.evaluate(() => new Promise<string>((done) => requestIdleCallback(() => done(location.href))));
  for (let waited = 0; page.url() !== href && waited < 2000; waited += 10) await page.waitForTimeout(10);
}

/**
 * Shows another URL of the loaded app without loading the page again: the URL changes as back/forward
 * change it and the app renders from it (its popstate path), reusing the ladders it read and analysed
 * on load. For tests about what a view shows; tests about loading a link use `gotoView`.
 */
export async function showView(page: Page, url: string): Promise<void> {
  await afterRender(page, () =>
    page.evaluate((next) => {
      history.pushState(null, '', next);
      dispatchEvent(new PopStateEvent('popstate'));
    }, url),
  );
}

/** The view ids in tab order, read from the page's nav. */
export function viewIds(page: Page): Promise<string[]> {
  return page.$$eval('nav a[data-view]', (links) => links.map((a) => (a as HTMLElement).dataset.view ?? ''));
}
