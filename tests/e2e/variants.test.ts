import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { afterRender, built, connect, gotoView, openPage } from './browser.ts';

const fixtureUrl = inject('fixtureUrl');
let browser: Browser;
beforeAll(async () => {
  await built(fixtureUrl);
  browser = await connect();
}, 180_000);
afterAll(() => browser?.close());

const pressed = (page: Page) => page.$$eval('main button[aria-pressed="true"]', (bs) => bs.map((b) => b.textContent?.trim() ?? ''));

describe('a level with two pages (variants) is two choices, not one', () => {
  it('selects one variant in the overview and carries it, by name, to the other views', async () => {
    const { context, page, log } = await openPage(browser);
    await gotoView(page, `${fixtureUrl}?view=overview&company=acme`);
    const acme = page.locator('.company-card', { has: page.locator('h3', { hasText: /^Acme$/ }) });
    const cloud = acme.locator('.level-buttons button', { hasText: 'Senior Cloud Security Engineer' });
    await afterRender(page, () => cloud.click());
    const params = new URL(page.url()).searchParams;
    expect(params.get('level')).toBe('L3');
    expect(params.get('variant')).toBe('Senior Cloud Security Engineer');
    expect(await pressed(page)).toHaveLength(1);

    await afterRender(page, () => page.click('nav a[data-view="alignment"]'));
    expect(await pressed(page)).toEqual(['Acme L3 (Senior Cloud Security Engineer)']);
    await afterRender(page, () => page.click('nav a[data-view="map"]'));
    expect(await page.textContent('[data-export="map-a-hire"] h2')).toContain('Acme L3 (Senior Cloud Security Engineer)');
    await afterRender(page, () => page.click('nav a[data-view="explorer"]'));
    const sources = await page.$$eval('table.data-table tbody tr td:last-child', (tds) => [...new Set(tds.map((td) => td.textContent))]);
    expect(sources.every((s) => s?.startsWith('acme-l3-senior-cloud-security-engineer.md:'))).toBe(true);

    await afterRender(page, () => page.selectOption('#sel-level', { label: 'L3 · Senior Security Engineer' }));
    expect(new URL(page.url()).searchParams.get('variant')).toBe('Senior Security Engineer');
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it('diffs the level below to the next level up in rubric gaps', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${fixtureUrl}?view=gaps&company=acme&level=L2`);
    expect(await page.textContent('[data-export="level-diff"] h2')).toMatch(/^What changes from L2 to L3 \(Senior (Cloud )?Security Engineer\)$/);
    await context.close();
  });
});
