import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, gotoView, openPage } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => (browser = await connect()));
afterAll(() => browser?.close());

/** Opens `url` with none of the app's code (every chunk under assets/ refused): what the page shows from its HTML alone. */
async function withoutAppCode(page: Page, url: string): Promise<void> {
  await page.route(/\/assets\/[^/]+\.js(\?|$)/, (route) => route.abort());
  await page.goto(url);
}

const drawnCharts = (page: Page) => page.locator('#app > .first-view-static [data-chart] svg').count();

describe('the first view drawn at build time', () => {
  it('paints the overview, its charts included, from the HTML before any of the app code runs', async () => {
    const { context, page } = await openPage(browser);
    await withoutAppCode(page, baseUrl);
    expect(await page.isVisible('#app > .first-view-static')).toBe(true);
    expect(await page.isVisible('#app > .loading')).toBe(false);
    expect(await drawnCharts(page)).toBeGreaterThanOrEqual(2);
    expect(await page.textContent('#app > .first-view-static .lede')).toMatch(/^3 companies, \d+ levels, \d+ statements from \d+ files\.$/);
    // Nothing in it answers input until the live view replaces it.
    expect(await page.getAttribute('#app > .first-view-static', 'inert')).not.toBeNull();
    await context.close();
  });

  it('is not shown to a link with a selection or another view, nor to a browser holding uploads: "Loading" is', async () => {
    for (const [url, uploads] of [[`${baseUrl}?view=map`, false], [`${baseUrl}?view=overview&company=teleport`, false], [baseUrl, true]] as const) {
      const { context, page } = await openPage(browser);
      if (uploads) await page.addInitScript(() => localStorage.setItem('ladder-atlas-has-uploads', '1'));
      await withoutAppCode(page, url);
      expect(await page.isVisible('#app > .first-view-static'), url).toBe(false);
      expect(await page.isVisible('#app > .loading'), url).toBe(true);
      await context.close();
    }
  });

  it('applies a stored dark theme before the app runs', async () => {
    const { context, page } = await openPage(browser);
    await page.addInitScript(() => localStorage.setItem('ladder-atlas-theme', 'dark'));
    await withoutAppCode(page, baseUrl);
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await context.close();
  });

  it('is replaced whole by the live overview, which shows the same ladders and charts', async () => {
    const drawn = await openPage(browser);
    await withoutAppCode(drawn.page, baseUrl);
    const summary = (page: Page, root: string) =>
      page.evaluate((root) => ({
        lede: document.querySelector(`${root} .view-overview .lede`)?.textContent,
        companies: [...document.querySelectorAll(`${root} .company-card h3`)].map((h) => h.textContent),
        charts: document.querySelectorAll(`${root} [data-chart] svg`).length,
        panels: [...document.querySelectorAll(`${root} section.panel h2`)].map((h) => h.textContent),
      }), root);
    const before = await summary(drawn.page, '#app > .first-view-static');
    await drawn.context.close();
    const { context, page, log } = await openPage(browser);
    await gotoView(page, baseUrl);
    expect(await page.locator('.first-view-static').count()).toBe(0);
    expect(await page.locator('#main').count()).toBe(1);
    expect(await summary(page, '#app')).toEqual(before);
    expect(before.charts).toBeGreaterThanOrEqual(2);
    expect(log.errors).toEqual([]);
    await context.close();
  });
});
