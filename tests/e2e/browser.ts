import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Flags that work for Debian's Chromium as root in CI containers (see design/stack.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Debian Chromium with a fresh temporary profile. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
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

/** Navigates and waits until the shell has rendered the view (window.__atlas.ready). */
export async function gotoView(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__atlas?.ready === true && !document.querySelector('main[aria-busy]'));
}

/** Waits for the next completed render after `action`. */
export async function afterRender(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await page.evaluate(() => window.__atlas?.render.count ?? 0);
  await action();
  await page.waitForFunction((n) => (window.__atlas?.render.count ?? 0) > n && !document.querySelector('main[aria-busy]'), before);
}

/** The view ids in tab order, read from the page's nav. */
export function viewIds(page: Page): Promise<string[]> {
  return page.$$eval('nav a[data-view]', (links) => links.map((a) => (a as HTMLElement).dataset.view ?? ''));
}
