import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, gotoView, openPage, showView, viewIds } from './browser.ts';

const SCREENSHOTS = join(process.cwd(), 'tests', 'e2e', 'screenshots');
const baseUrl = inject('baseUrl');
/** Screenshots show a selection where a view needs one to say something. */
const SELECTION: Record<string, string> = { alignment: '&company=octopus&track=Security%20Engineer&level=L4', map: '&company=octopus&track=Security%20Engineer&level=L4', gaps: '&company=octopus&track=Security%20Analyst&level=L2' };
let browser: Browser;

beforeAll(async () => {
  browser = await connect();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(() => browser?.close());

describe('every view renders from the production build', () => {
  it('lists seven views as real links', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, baseUrl);
    expect(await viewIds(page)).toEqual(['overview', 'alignment', 'map', 'divergence', 'coverage', 'gaps', 'explorer']);
    const hrefs = await page.$$eval('nav[aria-label="Views"] a', (links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.every((h) => h?.startsWith('?view='))).toBe(true);
    await context.close();
  });

  it('links the three notebooks built next to the app', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, baseUrl);
    const links = await page.$$eval('nav[aria-label="Notebooks"] a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([
      ['Methodology', './notebooks/methodology.html'],
      ['Findings', './notebooks/findings.html'],
      ['Benchmark your ladder', './notebooks/benchmark-your-ladder.html'],
    ]);
    await context.close();
  });

  for (const view of ['overview', 'alignment', 'map', 'divergence', 'coverage', 'gaps', 'explorer']) {
    it(`${view}: renders panels with a "how to read this", no console errors, only its own assets`, async () => {
      const { context, page, log } = await openPage(browser);
      await gotoView(page, `${baseUrl}?view=${view}${SELECTION[view] ?? ''}`);
      const panels = await page.$$eval('main .panel', (ps) => ps.map((p) => ({ title: p.querySelector('h2')?.textContent ?? '', howTo: p.querySelector('.how-to')?.textContent ?? '' })));
      expect(panels.length).toBeGreaterThan(0);
      for (const p of panels) expect(p.howTo).toMatch(/How to read this: \S/);
      expect(await page.$$eval('main .pending', (els) => els.map((e) => e.textContent))).toEqual([]);
      expect(await page.getAttribute(`nav a[data-view="${view}"]`, 'aria-current')).toBe('page');
      await page.screenshot({ path: join(SCREENSHOTS, `${view}.png`), fullPage: true });
      expect(log.errors).toEqual([]);
      const origin = new URL(baseUrl).origin;
      expect(log.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
      await context.close();
    });
  }

  it('ships a strict Content-Security-Policy: scripts from the site, and one inline script allowed by its hash', async () => {
    const html = await (await fetch(baseUrl)).text();
    const csp = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1] ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/https?:|\*|unsafe-eval/);
    // The first view's guard (first-view-guard.ts) is the one inline script, and the policy names exactly its hash.
    const inline = [...html.matchAll(/<script>([^]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(1);
    const hash = `'sha256-${createHash('sha256').update(inline[0]).digest('base64')}'`;
    expect(directives.get('script-src')).toEqual(["'self'", hash]);
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) if (tag !== '<script>') expect(tag).toMatch(/\bsrc="\.\/assets\//);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('is readable at phone width: no view scrolls the page sideways (wide charts scroll inside their panel)', async () => {
    const { context, page, log } = await openPage(browser, { width: 390, height: 844 });
    await gotoView(page, baseUrl);
    for (const view of ['overview', 'alignment', 'map', 'divergence', 'coverage', 'gaps', 'explorer']) {
      await showView(page, `${baseUrl}?view=${view}${SELECTION[view] ?? ''}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, view).toBeLessThanOrEqual(0);
      if (view === 'overview' || view === 'map') await page.screenshot({ path: join(SCREENSHOTS, `${view}-phone.png`), fullPage: true });
    }
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it('renders in the dark theme', async () => {
    const { context, page } = await openPage(browser);
    await page.emulateMedia({ colorScheme: 'dark' });
    await gotoView(page, `${baseUrl}?view=coverage`);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: join(SCREENSHOTS, 'coverage-dark.png'), fullPage: true });
    await context.close();
  });
});
