import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { afterRender, connect, gotoView, openPage } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => (browser = await connect()));
afterAll(() => browser?.close());

const query = (page: Page) => new URL(page.url()).searchParams;
const barValues = (page: Page) =>
  page.evaluate(() => ({
    company: (document.getElementById('sel-company') as HTMLSelectElement).value,
    level: (document.getElementById('sel-level') as HTMLSelectElement).selectedOptions[0]?.dataset.level ?? '',
    competency: (document.getElementById('sel-competency') as HTMLSelectElement).value,
  }));

describe('linked selection lives in the URL', () => {
  it('carries a level chosen in one view to the others, and back/forward restore each step', async () => {
    const { context, page, log } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=overview`);
    const button = page.locator('.level-buttons button').nth(1);
    await afterRender(page, () => button.click());
    const company = query(page).get('company');
    const level = query(page).get('level');
    expect(company).toBeTruthy();
    expect(level).toBeTruthy();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await barValues(page)).toEqual({ company, level, competency: '' });

    await afterRender(page, () => page.click('nav a[data-view="explorer"]'));
    expect(query(page).get('view')).toBe('explorer');
    expect(query(page).get('company')).toBe(company);
    expect(query(page).get('level')).toBe(level);
    expect(await page.textContent('main [role="status"]')).toMatch(/in the selection/);

    await afterRender(page, () => page.selectOption('#sel-competency', { index: 1 }));
    const competency = query(page).get('competency');
    expect(competency).toBeTruthy();

    await afterRender(page, () => page.goBack());
    expect(query(page).get('competency')).toBeNull();
    expect(await barValues(page)).toEqual({ company, level, competency: '' });
    await afterRender(page, () => page.goBack());
    expect(query(page).get('view')).toBe('overview');
    expect(query(page).get('level')).toBe(level);
    await afterRender(page, () => page.goBack());
    expect(query(page).get('level')).toBeNull();
    expect(await page.locator('.level-buttons button[aria-pressed="true"]').count()).toBe(0);
    await afterRender(page, () => page.goForward());
    expect(query(page).get('level')).toBe(level);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it('opens a pasted deep link with its selection and search in place', async () => {
    const { context, page, log } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=explorer&company=teleport&level=3&q=incident`);
    expect(await barValues(page)).toEqual({ company: 'teleport', level: '3', competency: '' });
    expect(await page.inputValue('#explorer-search')).toBe('incident');
    const companies = await page.$$eval('main table.data-table tbody tr td:nth-child(1)', (tds) => [...new Set(tds.map((td) => td.textContent))]);
    expect(companies).toEqual(['Teleport']);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it('writes the explorer search into the URL without adding history entries', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=explorer`);
    const length = await page.evaluate(() => history.length);
    await page.fill('#explorer-search', 'on call');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'on call');
    expect(await page.evaluate(() => history.length)).toBe(length);
    await context.close();
  });
});
