import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './browser.ts';
import { builtNotebooks, notebookSources } from './notebooks/build.ts';
import { serveStatic, type StaticServer } from './notebooks/static-server.ts';

/**
 * Opens every built notebook in Chromium with the network cut off at localhost and checks that
 * every cell ran without error (Notebook Kit renders a rejected cell as `.observablehq--error`
 * and logs it to the console).
 */

let dist = '';
let disposeBuild = () => {};
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  ({ dir: dist, dispose: disposeBuild } = builtNotebooks());
  server = await serveStatic(dist);
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  disposeBuild();
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

describe('notebooks (built, offline)', () => {
  const sources = notebookSources();

  it('has notebooks to test', () => {
    expect(sources.length).toBeGreaterThan(0);
  });

  for (const file of sources) {
    it(`${file}: every cell runs, nothing leaves localhost`, async () => {
      expect(existsSync(join(dist, file))).toBe(true);
      const { context, page, log } = await openPage(browser);
      const external: string[] = [];
      const problems: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(server.origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        external.push(url);
        return route.abort('internetdisconnected');
      });
      page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));

      await page.goto(`${server.origin}/${file}`, { waitUntil: 'networkidle' });
      await settle(page);

      const errors = await page.$$eval('.observablehq--error', (nodes) =>
        nodes.map((n) => `${n.closest('[id^="cell-"]')?.id ?? '?'}: ${n.textContent}`),
      );
      const cells = await page.locator('main > [id^="cell-"]').count();
      const title = await page.locator('main h1').first().textContent();
      await context.close();

      expect(external).toEqual([]);
      expect(errors).toEqual([]);
      expect(log.errors).toEqual([]);
      expect(problems).toEqual([]);
      expect(log.requests.filter((url) => !url.startsWith(server.origin + '/') && !/^(data|blob):/.test(url))).toEqual([]);
      expect(cells).toBeGreaterThan(1);
      expect(title?.trim().length).toBeGreaterThan(0);
    }, 120_000);
  }
});
