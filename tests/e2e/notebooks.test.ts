import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connect, openPage, type PageLog } from './browser.ts';
import { ROOT, notebookSources } from './builds.ts';

/**
 * Opens every built notebook in Chromium with the network cut off at localhost and checks that every
 * cell ran without error (Notebook Kit renders a rejected cell as `.observablehq--error` and logs it to
 * the console) and that no request left localhost. Then: the benchmark notebook reads a picked data
 * folder and a picked long-format CSV in the page, and the notebooks built on another data folder
 * (other companies, one of them with HTML and script payloads in its ladder) show that folder's
 * ladders and render the payloads inert. The global setup builds each notebook set once and serves
 * it at `/notebooks/`, where `npm run build` puts it beside the app.
 */

/** Where a notebook set is served. */
interface Site {
  origin: string;
  base: string;
}
const site = (url: string): Site => ({ origin: new URL(url).origin, base: `${url}notebooks/` });
const main = site(inject('baseUrl'));
/** Built on the companies of tests/fixtures/unseen plus a company whose ladder carries HTML and script payloads. */
const other = site(inject('otherDataUrl'));

let browser: Browser;

beforeAll(async () => {
  // Start both notebook builds side by side (each server builds its set on first request).
  const answers = await Promise.all([main, other].map((s) => fetch(`${s.base}findings.html`)));
  for (const answer of answers) expect(answer.status, await answer.clone().text()).toBe(200);
  browser = await connect();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

/** How long the page must stay unchanged, with no request in flight, to count as settled. */
const QUIET_MS = 500;

/**
 * Waits until the notebook has settled: cells are reactive and there is no "done" event, so this waits
 * until no request is in flight and the page's DOM has not changed for QUIET_MS.
 */
async function settle(opened: Opened): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const changed = await opened.page.evaluate(
      (quiet) =>
        new Promise<boolean>((done) => {
          let changed = false;
          const observer = new MutationObserver(() => (changed = true));
          observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
          setTimeout(() => (observer.disconnect(), done(changed)), quiet);
        }),
      QUIET_MS,
    );
    if (!changed && opened.inflight.size === 0) return;
    if (Date.now() > deadline) throw new Error(`notebook still changing after 60 s (${opened.inflight.size} requests in flight)`);
  }
}

interface Opened {
  context: BrowserContext;
  page: Page;
  log: PageLog;
  /** Requests to anything but the notebook server (aborted). */
  external: string[];
  /** Failed requests (e.g. missing assets). */
  failed: string[];
  /** Requests not answered yet. */
  inflight: Set<unknown>;
  /** Content-Security-Policy violations: the directive and the first characters of what was blocked. */
  csp: { directive: string; sample: string }[];
}

/** Opens a built notebook offline: every request that does not go to the local server is recorded and aborted. */
async function openNotebook(server: Site, file: string): Promise<Opened> {
  const { context, page, log } = await openPage(browser);
  const external: string[] = [];
  const failed: string[] = [];
  const inflight = new Set<unknown>();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin + '/') || /^(data|blob):/.test(url)) return route.continue();
    external.push(url);
    return route.abort('internetdisconnected');
  });
  page.on('request', (r) => inflight.add(r));
  page.on('requestfinished', (r) => inflight.delete(r));
  page.on('requestfailed', (r) => (inflight.delete(r), failed.push(r.url())));
  // Content-Security-Policy violations with their samples (the template's script-src asks for 'report-sample').
  const csp: { directive: string; sample: string }[] = [];
  await page.exposeFunction('__cspViolation', (directive: string, sample: string) => csp.push({ directive, sample }));
  await page.addInitScript(() => {
    const report = (window as unknown as { __cspViolation: (d: string, s: string) => void }).__cspViolation;
    document.addEventListener('securitypolicyviolation', (e) => report(e.effectiveDirective, e.sample));
  });
  const opened = { context, page, log, external, failed, inflight, csp };
  await page.goto(`${server.base}${file}`);
  await settle(opened);
  return opened;
}

/** Cell errors as `cell-N: message`. */
function cellErrors(page: Page): Promise<string[]> {
  return page.$$eval('.observablehq--error', (nodes) => nodes.map((n) => `${n.closest('[id^="cell-"]')?.id ?? '?'}: ${n.textContent}`));
}

/**
 * Observable Inputs build their elements with htl, which writes an event handler as a placeholder attribute
 * (`oninput="::3"`) and swaps it for a property once the element exists. The notebook's CSP blocks the
 * placeholder (it is not script; run, it would be a syntax error) and says so on the console. Those reports,
 * and only those, are expected: every violation must be an attribute handler whose sample is such a
 * placeholder, and the console may hold one report per such violation — any other blocked script fails.
 */
function expectClean(opened: Opened, server: Site, errors: string[]): void {
  const violations = opened.csp;
  const placeholders = violations.filter((v) => v.directive === 'script-src-attr' && /^::\d+$/.test(v.sample));
  expect(violations.filter((v) => !placeholders.includes(v))).toEqual([]);
  let allowed = placeholders.length;
  const consoleErrors = opened.log.errors.filter((m) => !(m.startsWith('Executing inline event handler violates') && allowed-- > 0));
  expect(opened.external).toEqual([]);
  expect(errors).toEqual([]);
  expect(consoleErrors).toEqual([]);
  expect(opened.failed).toEqual([]);
  expect(opened.log.requests.filter((url) => !url.startsWith(server.origin + '/') && !/^(data|blob):/.test(url))).toEqual([]);
}

describe('notebooks (built, offline)', () => {
  const sources = notebookSources();

  it('has the three notebooks', () => {
    expect(sources).toEqual(expect.arrayContaining(['benchmark-your-ladder.html', 'findings.html', 'methodology.html']));
  });

  for (const file of sources) {
    it(`${file}: every cell runs, nothing leaves localhost`, async () => {
      expect(existsSync(join(ROOT, 'notebooks', file))).toBe(true);
      const opened = await openNotebook(main, file);
      const errors = await cellErrors(opened.page);
      const cells = await opened.page.locator('main > [id^="cell-"]').count();
      const charts = await opened.page.locator('main svg[class^="plot"], main figure svg').count();
      const title = await opened.page.locator('main h1').first().textContent();
      await opened.context.close();
      expectClean(opened, main, errors);
      expect(cells).toBeGreaterThan(10);
      expect(charts).toBeGreaterThan(0);
      expect(title?.trim().length).toBeGreaterThan(0);
    }, 120_000);
  }
});

describe('benchmark-your-ladder.html reads what the reader picks, in the page', () => {
  it('a picked --data folder becomes "your ladder" and is compared with the bundled companies', async () => {
    const opened = await openNotebook(main, 'benchmark-your-ladder.html');
    await opened.page.setInputFiles('input[name="folder"]', join(ROOT, 'tests/fixtures/unseen'));
    await settle(opened);
    const text = await opened.page.locator('main').innerText();
    const errors = await cellErrors(opened.page);
    await opened.context.close();
    expectClean(opened, main, errors);
    expect(text).toMatch(/read as ladder files/);
    for (const company of ['Contoso', 'Fabrikam', 'Globex', 'Northwind']) expect(text).toContain(company);
    expect(text).toContain('compared with Dropbox, Octopus Deploy and Teleport');
  }, 120_000);

  it('a picked long-format CSV is read, placed and mapped', async () => {
    const opened = await openNotebook(main, 'benchmark-your-ladder.html');
    await opened.page.setInputFiles('input[name="files"]', join(ROOT, 'tests/fixtures/unseen/ladders/globex/ladder.csv'));
    await settle(opened);
    const text = await opened.page.locator('main').innerText();
    const errors = await cellErrors(opened.page);
    await opened.context.close();
    expectClean(opened, main, errors);
    expect(text).toMatch(/Your ladder: Globex/);
    expect(text).toMatch(/3\. Your levels at the other companies[\s\S]*P1/);
  }, 120_000);
});

describe('notebooks built on another --data folder (tests/fixtures/unseen plus the hostile fixture company)', () => {
  for (const file of notebookSources()) {
    it(`${file}: every cell runs on that folder's ladders; no payload runs, no element comes from ladder text`, async () => {
      const opened = await openNotebook(other, file);
      const pwned = await opened.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned);
      const injected = await opened.page.locator('main script, main img, main b, main a[href^="javascript"]').count();
      const text = await opened.page.locator('main').innerText();
      const errors = await cellErrors(opened.page);
      await opened.context.close();
      expect(pwned).toBeUndefined();
      expect(injected).toBe(0);
      expectClean(opened, other, errors);
      expect(text).toContain('Northwind');
      expect(text).not.toContain('Octopus Deploy');
      if (file === 'findings.html') expect(text).toContain('Hostile');
    }, 120_000);
  }
});
