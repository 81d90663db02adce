import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { afterRender, connect, gotoView, openPage } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => (browser = await connect()));
afterAll(() => browser?.close());

describe('keyboard and print', () => {
  it('reaches the view tabs with Tab and opens one with Enter', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=overview`);
    let found = false;
    for (let i = 0; i < 30 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.view === 'coverage');
    }
    expect(found).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await afterRender(page, () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).searchParams.get('view')).toBe('coverage');
    await context.close();
  });

  it('selects a level with the keyboard and sorts the explorer by a column', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=overview`);
    await page.focus('.level-buttons button');
    await afterRender(page, () => page.keyboard.press('Space'));
    expect(new URL(page.url()).searchParams.get('level')).toBeTruthy();
    await gotoView(page, `${baseUrl}?view=explorer`);
    await page.focus('table.data-table th:nth-child(6) button');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('table.data-table th:nth-child(6)', 'aria-sort')).toBe('ascending');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('table.data-table th:nth-child(6)', 'aria-sort')).toBe('descending');
    const first = await page.$$eval('table.data-table tbody tr td:nth-child(6)', (tds) => tds.slice(0, 5).map((td) => Number(td.textContent)));
    expect(first).toEqual([...first].sort((a, b) => b - a));
    await context.close();
  });

  it('narrows the explorer by section and minimum confidence', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=explorer`);
    const count = async () => Number((await page.textContent('main [role="status"]'))?.match(/^(\d+) of/)?.[1]);
    const all = await count();
    await page.selectOption('#explorer-confidence', '0.5');
    const confident = await count();
    expect(confident).toBeLessThan(all);
    await page.selectOption('#explorer-section', { index: 1 });
    expect(await count()).toBeLessThanOrEqual(confident);
    await context.close();
  });

  it('lists the low-confidence statements for review, each below 0.6', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=explorer`);
    const count = async () => Number((await page.textContent('main [role="status"]'))?.match(/^(\d+) of/)?.[1]);
    const all = await count();
    await page.selectOption('#explorer-confidence', 'review');
    const review = await count();
    expect(review).toBeGreaterThan(0);
    expect(review).toBeLessThan(all);
    const confidences = await page.$$eval('.view-explorer tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const column = await page.$$eval('.view-explorer thead th', (ths) => ths.map((th) => th.textContent?.trim() ?? '').findIndex((t) => t.startsWith('conf')));
    expect(column).toBeGreaterThanOrEqual(0);
    for (const row of confidences.slice(0, 50)) expect(Number(row[column])).toBeLessThan(0.6);
    await context.close();
  });

  it('prints a summary without navigation, controls or export buttons', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=coverage`);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() => ['nav', '.selection-bar', '.export-bar', '.theme-toggle'].map((s) => getComputedStyle(document.querySelector(s)!).display));
    expect(hidden).toEqual(['none', 'none', 'none', 'none']);
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await context.close();
  });
});
