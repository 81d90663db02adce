/**
 * Issue 14, items 1–2 (app side): a stored upload is read, classified and analysed in a worker, never on the page.
 * With a 5,000-statement upload (the bench's `Is able to <verb> …` rows, which made near-duplicates compare every
 * pair) the page is reloaded and every view shown; Chromium's long-task observer records the main thread's tasks.
 * Before, each reload and each analysis view held the main thread for seconds (15–20 s under load).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uploadCsv } from '../../src/cli/bench/corpus.ts';
import { afterRender, connect, gotoView, openPage, viewIds } from './browser.ts';

const baseUrl = inject('baseUrl');
/**
 * Generous: a view drawing thousands of rows on a loaded two-core machine takes a few hundred ms of main thread;
 * reading and analysing 5,700 statements on it took seconds. 200 ms is the aim on an idle machine (see the report).
 */
const LONGEST_TASK_MS = 1500;

let browser: Browser;
beforeAll(async () => (browser = await connect()));
afterAll(() => browser?.close());

declare global {
  interface Window {
    __longTasks?: number[];
  }
}

describe('a 5,000-statement upload', () => {
  it('is read and analysed off the main thread: no long task near the seconds it took on the page', async () => {
    const { context, page, log } = await openPage(browser);
    // Before any script of the page: every long task of every load is recorded.
    await context.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks!.push(Math.round(e.duration));
      }).observe({ type: 'longtask', buffered: true });
    });
    await gotoView(page, baseUrl);
    await page.waitForSelector('section.uploads .upload-toggle');
    if ((await page.getAttribute('.upload-toggle', 'aria-expanded')) !== 'true') await page.click('.upload-toggle');
    await page.setInputFiles('#upload-files', [{ name: 'upload-co.csv', mimeType: 'text/csv', buffer: Buffer.from(uploadCsv(5000)) }]);
    await page.waitForSelector('.upload-summary', { timeout: 60_000 });
    expect(await page.textContent('.upload-headline')).toContain('5,000 statements');
    await Promise.all([page.waitForEvent('load'), page.click('.upload-add:not([disabled])')]);
    await page.waitForFunction(() => window.__atlas?.ready === true && !document.querySelector('main[aria-busy]'), null, { timeout: 120_000 });
    await page.waitForSelector('section.uploads li[data-company="upload-co"]');

    // The reload with the upload stored: the overview, then every view in turn (each waits for the analyses).
    const tasks: { step: string; longest: number; view: number }[] = [];
    const take = async (step: string) => {
      const { longest, view } = await page.evaluate(() => ({ longest: Math.max(0, ...window.__longTasks!.splice(0)), view: Math.round(window.__atlas?.render.ms ?? 0) }));
      tasks.push({ step, longest, view });
    };
    await take('reload with the upload');
    for (const view of (await viewIds(page)).slice(1)) {
      await afterRender(page, () => page.click(`nav a[data-view="${view}"]`));
      await take(view);
    }
    await page.reload();
    await page.waitForFunction(() => window.__atlas?.ready === true && !document.querySelector('main[aria-busy]'), null, { timeout: 120_000 });
    await take('second reload');
    console.log(`longest main-thread task per step, and the view function's own time (ms): ${tasks.map((t) => `${t.step} ${t.longest} (view ${t.view})`).join(', ')}`);
    expect(await page.$$eval('#sel-company option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toContain('upload-co');
    for (const t of tasks) expect(t.longest, t.step).toBeLessThan(LONGEST_TASK_MS);
    expect(log.errors).toEqual([]);
    await context.close();
  });
});
