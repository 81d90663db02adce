import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { afterRender, connect, downloadBytes, gotoView, openPage } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => (browser = await connect()));
afterAll(() => browser?.close());

/** The view on screen as markup, with the page-wide id counter's numbers renumbered in order of appearance. */
const viewMarkup = (page: Page) =>
  page.$eval('main .view-host', (host) => {
    const ids = new Map<string, string>();
    return host.outerHTML.replace(/\b[a-z]+-\d+\b(?=["\s)])/g, (id) => ids.get(id) ?? (ids.set(id, `id${ids.size + 1}`), `id${ids.size}`));
  });

/** Chooses a level in the selection bar (the option `n` places down the list) and waits for the view and its charts. */
async function chooseLevel(page: Page, n: number): Promise<void> {
  const value = await page.$$eval('#sel-level option', (os, n) => (os as HTMLOptionElement[]).filter((o) => o.value)[n].value, n);
  await afterRender(page, () => page.selectOption('#sel-level', value));
}

describe('a view drawn again after a change of level shows what a fresh drawing of the same selection shows', () => {
  // These views keep the charts a level change leaves as they were, or only restyle them (src/views/reused-chart.ts).
  for (const view of ['overview', 'coverage', 'divergence', 'alignment', 'map']) {
    it(view, async () => {
      const { context, page, log } = await openPage(browser);
      await gotoView(page, `${baseUrl}?view=${view}`);
      await chooseLevel(page, 1);
      await chooseLevel(page, 7);
      const redrawn = await viewMarkup(page);
      // The same link opened in a page of its own: drawn from scratch.
      const other = await openPage(browser);
      await gotoView(other.page, page.url());
      expect(redrawn).toBe(await viewMarkup(other.page));
      expect(log.errors).toEqual([]);
      await Promise.all([context.close(), other.context.close()]);
    });
  }
});

describe('charts drawn once the view is on screen', () => {
  it('are in the export bar at once, and exporting one draws it first', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl}?view=alignment`);
    // Ready, but its below-the-fold charts not necessarily drawn yet (gotoView would wait for them).
    await page.waitForFunction(() => window.__atlas?.ready === true && !document.querySelector('main[aria-busy]'));
    const bar = page.locator('[data-export="level-similarity"] .export-bar');
    await expect(bar.locator('button', { hasText: 'SVG' }).count()).resolves.toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), bar.locator('button', { hasText: 'SVG' }).click()]);
    expect((await downloadBytes(download)).toString('utf8')).toMatch(/^<svg[^>]+aria-label="Similarity between every pair of levels"/);
    expect(await page.locator('[data-export="level-similarity"] [data-chart-pending]').count()).toBe(0);
    await context.close();
  });
});
