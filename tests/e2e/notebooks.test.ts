import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtNotebooks, notebookSources } from './notebooks/build.ts';
import { launchChromium } from './notebooks/launch.ts';
import { serveStatic, type StaticServer } from './notebooks/static-server.ts';

/**
 * Opens every built notebook in Chromium with the network cut off at localhost and checks that
 * every cell ran without error (Notebook Kit renders a rejected cell as `.observablehq--error`
 * and logs it to the console).
 */

let dist = '';
let server: StaticServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  dist = builtNotebooks();
  server = await serveStatic(dist);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
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
      const page = await browser.context.newPage();
      const external: string[] = [];
      const problems: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(server.origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        external.push(url);
        return route.abort('internetdisconnected');
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));

      await page.goto(`${server.origin}/${file}`, { waitUntil: 'networkidle' });
      await settle(page);

      const errors = await page.$$eval('.observablehq--error', (nodes) =>
        nodes.map((n) => `${n.closest('[id^="cell-"]')?.id ?? '?'}: ${n.textContent}`),
      );
      const cells = await page.locator('main > [id^="cell-"]').count();
      const title = await page.locator('main h1').first().textContent();
      await page.close();

      expect(external).toEqual([]);
      expect(errors).toEqual([]);
      expect(problems).toEqual([]);
      expect(cells).toBeGreaterThan(1);
      expect(title?.trim().length).toBeGreaterThan(0);
    }, 120_000);
  }
});
