import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { afterRender, connect, gotoView, openPage } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => (browser = await connect()));
afterAll(() => browser?.close());

describe('views answer the questions they are for', () => {
  it('overview: bars outside the selected company are faded, those inside are not', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=overview&company=teleport`);
    const opacities = await page.$$eval('[data-export="statements-by-kind"] svg g[aria-label="bar"] rect', (rs) => rs.map((r) => r.getAttribute('fill-opacity')));
    expect(new Set(opacities)).toEqual(new Set(['1', '0.35']));
    await context.close();
  });

  it('map a hire: Octopus L4 gets a level and a relation at every other company, with statements side by side', async () => {
    const { context, page, log } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=map&company=octopus&track=${encodeURIComponent('Security Engineer')}&level=L4`);
    const rows = await page.$$eval('[data-export="map-a-hire"] table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    // Octopus's other tracks (Security Analyst, Management) are ladders of their own and get a row each, named.
    expect(rows.map((r) => r[0]).sort()).toEqual(['Dropbox', 'Octopus Deploy Management', 'Octopus Deploy Security Analyst', 'Teleport']);
    for (const r of rows) expect(r[2]).toMatch(/^(equivalent|below every level|above every level)$/);
    expect(await page.locator('[data-export="map-support"] .side-by-side > div').count()).toBe(rows.length);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it('map a hire: pasted text is placed and mapped to every company, and kept out of the URL', async () => {
    const { context, page, log } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=map`);
    await page.fill('#map-text', 'Leads cross-team security projects.\nMentors engineers across the company and sets a multi-year security strategy.');
    await afterRender(page, () => page.click('button:text-is("Map this text")'));
    expect(new URL(page.url()).searchParams.get('text')).toBeNull();
    // One row per ladder: Dropbox, Teleport and Octopus's three tracks.
    expect(await page.locator('[data-export="map-a-hire"] table tbody tr').count()).toBe(5);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it('map a hire: text with nothing about scope or autonomy is mapped with a caution, not silently', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=map&text=${encodeURIComponent('Writes Go.')}`);
    expect(await page.textContent('[data-export="map-a-hire"] .caution')).toMatch(/guess|rough/);
    await gotoView(page, `${baseUrl}?view=map&company=octopus&level=L4`);
    expect(await page.locator('[data-export="map-a-hire"] .caution').count()).toBe(0);
    await context.close();
  });

  it('level alignment: choosing a level lists the evidence that placed it', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=alignment`);
    await afterRender(page, () => page.click('.level-chips button:text-is("Teleport 3")'));
    expect(new URL(page.url()).searchParams.get('level')).toBe('3');
    expect(await page.locator('[data-export="level-evidence"] table tbody tr').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('coverage: empty cells are drawn as visibly empty boxes', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=coverage`);
    expect(await page.locator('[data-export="coverage"] svg g[stroke-dasharray="2 3"] rect').count()).toBeGreaterThan(10);
    await context.close();
  });

  it('divergence: choosing a competency shows it across the ladders', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=divergence`);
    const second = page.locator('[aria-label="Choose a competency"] button').nth(1);
    const name = (await second.textContent()) ?? '';
    await afterRender(page, () => second.click());
    expect(new URL(page.url()).searchParams.get('competency')).toBeTruthy();
    expect(await page.textContent('[data-export="divergence-detail"] h2')).toBe(`${name} across the ladders`);
    await context.close();
  });

  it('divergence: compares just two ladders when the others are toggled off', async () => {
    const { context, page, log } = await openPage(browser);
    // A bare company id in the link stands for all its tracks; the toggles are one per ladder.
    await gotoView(page, `${baseUrl}?view=divergence&compare=dropbox,teleport`);
    expect(await page.textContent('[data-export="divergence"] h2')).toBe('Where Dropbox and Teleport disagree');
    expect(await page.getAttribute('[aria-label="Ladders compared"] button:text-is("Dropbox")', 'disabled')).toBe('');
    const columns = await page.$$eval('[data-export="divergence-detail"] .side-by-side', (grids) => grids.map((g) => g.children.length));
    expect(columns.every((n) => n >= 1 && n <= 2)).toBe(true);
    await afterRender(page, () => page.click('[aria-label="Ladders compared"] button:text-is("Octopus Deploy Security Analyst")'));
    expect(new URL(page.url()).searchParams.get('compare')).toBe('dropbox|Security Engineer,octopus|Security Analyst,teleport|Security Engineering');
    expect(await page.textContent('[data-export="divergence"] h2')).toBe('Where Dropbox and Octopus Deploy Security Analyst and Teleport disagree');
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it('rubric gaps: findings grouped by severity and the diff to the next level', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=gaps&company=octopus&track=${encodeURIComponent('Security Analyst')}&level=L2`);
    const groups = await page.$$eval('[data-export="rubric-gaps"] h3', (hs) => hs.map((h) => h.textContent ?? ''));
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(g).toMatch(/^(high|medium|low|info) \(\d+\)$/);
    expect(await page.textContent('[data-export="level-diff"] h2')).toBe('What changes from L2 to L3');
    expect(await page.locator('[data-export="level-diff"] table tbody tr').count()).toBeGreaterThan(0);
    const link = page.locator('[data-export="rubric-gaps"] .statement-list a').first();
    const text = await link.evaluate((a) => a.parentElement?.firstChild?.textContent ?? '');
    await afterRender(page, () => link.click());
    expect(new URL(page.url()).searchParams.get('view')).toBe('explorer');
    expect(await page.textContent('main [role="status"]')).toMatch(/^1 of /);
    expect(await page.textContent('table.data-table tbody')).toContain(text);
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'gaps');
    await context.close();
  });
});
