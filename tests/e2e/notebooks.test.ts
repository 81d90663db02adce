import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, openPage, type PageLog } from './browser.ts';
import { REPO, builtNotebooks, notebookSources } from './notebooks/build.ts';
import { serveStatic, type StaticServer } from './notebooks/static-server.ts';

/**
 * Opens every built notebook in Chromium with the network cut off at localhost and checks that every
 * cell ran without error (Notebook Kit renders a rejected cell as `.observablehq--error` and logs it to
 * the console) and that no request left localhost. Then: the same notebooks built on a data folder
 * holding a hostile ladder render its payloads inert, and the benchmark notebook reads a picked data
 * folder and a picked long-format CSV in the page.
 */

interface Served {
  server: StaticServer;
  dispose(): void;
}

async function serveBuild(env: Record<string, string> = {}): Promise<Served> {
  const build = builtNotebooks(env);
  const server = await serveStatic(build.dir);
  return { server, dispose: build.dispose };
}

let browser: Browser;
let main: Served;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  main = await serveBuild();
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await main?.server.close();
  main?.dispose();
  for (const cleanup of cleanups) cleanup();
});

/** Waits until the notebook's DOM stops changing (cells are reactive; there is no "done" event). */
async function settle(page: Page): Promise<void> {
  let last = '';
  let stableFor = 0;
  for (let i = 0; i < 120 && stableFor < 4; i++) {
    await page.waitForTimeout(250);
    const now = await page.evaluate(() => `${document.querySelector('main')?.innerHTML.length}:${document.querySelectorAll('main *').length}`);
    stableFor = now === last ? stableFor + 1 : 0;
    last = now;
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
}

/** Opens a built notebook offline: every request that does not go to the local server is recorded and aborted. */
async function openNotebook(server: StaticServer, file: string): Promise<Opened> {
  const { context, page, log } = await openPage(browser);
  const external: string[] = [];
  const failed: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin + '/') || /^(data|blob):/.test(url)) return route.continue();
    external.push(url);
    return route.abort('internetdisconnected');
  });
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.goto(`${server.origin}/${file}`, { waitUntil: 'networkidle' });
  await settle(page);
  return { context, page, log, external, failed };
}

/** Cell errors as `cell-N: message`. */
function cellErrors(page: Page): Promise<string[]> {
  return page.$$eval('.observablehq--error', (nodes) => nodes.map((n) => `${n.closest('[id^="cell-"]')?.id ?? '?'}: ${n.textContent}`));
}

function expectClean(opened: Opened, server: StaticServer, errors: string[]): void {
  expect(opened.external).toEqual([]);
  expect(errors).toEqual([]);
  expect(opened.log.errors).toEqual([]);
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
      expect(existsSync(join(REPO, 'notebooks', file))).toBe(true);
      const opened = await openNotebook(main.server, file);
      const errors = await cellErrors(opened.page);
      const cells = await opened.page.locator('main > [id^="cell-"]').count();
      const charts = await opened.page.locator('main svg[class^="plot"], main figure svg').count();
      const title = await opened.page.locator('main h1').first().textContent();
      await opened.context.close();
      expectClean(opened, main.server, errors);
      expect(cells).toBeGreaterThan(10);
      expect(charts).toBeGreaterThan(0);
      expect(title?.trim().length).toBeGreaterThan(0);
    }, 120_000);
  }
});

describe('benchmark-your-ladder.html reads what the reader picks, in the page', () => {
  it('a picked --data folder becomes "your ladder" and is compared with the bundled companies', async () => {
    const opened = await openNotebook(main.server, 'benchmark-your-ladder.html');
    await opened.page.setInputFiles('input[name="folder"]', join(REPO, 'tests/fixtures/unseen'));
    await settle(opened.page);
    const text = await opened.page.locator('main').innerText();
    const errors = await cellErrors(opened.page);
    await opened.context.close();
    expectClean(opened, main.server, errors);
    expect(text).toMatch(/read as ladder files/);
    for (const company of ['Contoso', 'Fabrikam', 'Globex', 'Northwind']) expect(text).toContain(company);
    expect(text).toContain('compared with Dropbox, Octopus Deploy and Teleport');
  }, 120_000);

  it('a picked long-format CSV is read, placed and mapped', async () => {
    const opened = await openNotebook(main.server, 'benchmark-your-ladder.html');
    await opened.page.setInputFiles('input[name="files"]', join(REPO, 'tests/fixtures/unseen/ladders/globex/ladder.csv'));
    await settle(opened.page);
    const text = await opened.page.locator('main').innerText();
    const errors = await cellErrors(opened.page);
    await opened.context.close();
    expectClean(opened, main.server, errors);
    expect(text).toMatch(/Your ladder: Globex/);
    expect(text).toMatch(/3\. Your levels at the other companies[\s\S]*P1/);
  }, 120_000);
});

describe('notebooks built on a data folder holding a hostile ladder', () => {
  let hostile: Served;
  beforeAll(async () => {
    const data = mkdtempSync(join(tmpdir(), 'ladder-atlas-hostile-data-'));
    cleanups.push(() => rmSync(data, { recursive: true, force: true }));
    cpSync(join(REPO, 'data', 'ladders'), join(data, 'ladders'), { recursive: true });
    cpSync(join(REPO, 'tests', 'e2e', 'fixtures', 'hostile', 'ladders'), join(data, 'ladders'), { recursive: true });
    hostile = await serveBuild({ ATLAS_DATA_DIR: data });
    cleanups.push(() => hostile.dispose());
  }, 180_000);
  afterAll(async () => hostile?.server.close());

  for (const file of notebookSources()) {
    it(`${file}: no payload runs, no element comes from ladder text`, async () => {
      const opened = await openNotebook(hostile.server, file);
      const pwned = await opened.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned);
      const injected = await opened.page.locator('main script, main img, main b, main a[href^="javascript"]').count();
      const text = await opened.page.locator('main').innerText();
      const errors = await cellErrors(opened.page);
      await opened.context.close();
      expect(pwned).toBeUndefined();
      expect(injected).toBe(0);
      expectClean(opened, hostile.server, errors);
      if (file === 'findings.html') expect(text).toContain('Hostile');
    }, 120_000);
  }
});

describe('notebooks built on another --data folder (ATLAS_DATA_DIR=tests/fixtures/unseen)', () => {
  let other: Served;
  beforeAll(async () => {
    other = await serveBuild({ ATLAS_DATA_DIR: join(REPO, 'tests', 'fixtures', 'unseen') });
    cleanups.push(() => other.dispose());
  }, 180_000);
  afterAll(async () => other?.server.close());

  for (const file of notebookSources()) {
    it(`${file}: every cell runs on that folder's ladders`, async () => {
      const opened = await openNotebook(other.server, file);
      const text = await opened.page.locator('main').innerText();
      const errors = await cellErrors(opened.page);
      await opened.context.close();
      expectClean(opened, other.server, errors);
      expect(text).toContain('Northwind');
      expect(text).not.toContain('Octopus Deploy');
    }, 120_000);
  }
});
