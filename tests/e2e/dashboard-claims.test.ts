import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { afterRender, connect, gotoView, openPage } from './browser.ts';

// Issue 15: what the dashboard says is true, and says what it means. Issue 10 item 6: tracks in every view.
const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => (browser = await connect()));
afterAll(() => browser?.close());

describe('"never mentioned" means never mentioned', () => {
  it('rubric gaps: Teleport mentions hiring only in passing, with the three statements, and never "says nothing about hiring"', async () => {
    const { context, page, log } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=gaps&company=teleport`);
    const findings = await page.$$eval('[data-export="rubric-gaps"] li.finding', (lis) => lis.map((li) => li.textContent ?? ''));
    const hiring = findings.filter((f) => / · Hiring/.test(f));
    expect(hiring).toHaveLength(1);
    expect(hiring[0]).toMatch(/competency in passing.*Teleport mentions hiring only in passing \(levels 1, 2, 3: “interview”\)/);
    expect(hiring[0]).toMatch(/interviewing with supervision/);
    expect(findings.some((f) => /says anything about hiring/.test(f))).toBe(false);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it('coverage: the share list says "only in passing" for Teleport hiring (linking its statements) and marks the cells "~"', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=coverage`);
    const teleport = (await page.$$eval('.coverage-missing li', (lis) => lis.map((li) => li.textContent ?? ''))).find((t) => t.startsWith('Teleport'))!;
    expect(teleport).toMatch(/mentions only in passing .*Hiring \(3\)/);
    expect(teleport).not.toMatch(/never mentions[^;]*Hiring/);
    expect(await page.textContent('[data-export="coverage"] .how-to')).not.toMatch(/empty boxes = never mentioned/);
    const tildes = await page.$$eval('[data-export="coverage"] svg text', (ts) => ts.filter((t) => t.textContent === '~').length);
    expect(tildes).toBeGreaterThanOrEqual(3);
    const link = page.locator('.coverage-missing li a:text-is("Hiring (3)")');
    await afterRender(page, () => link.click());
    expect(await page.textContent('main [role="status"]')).toMatch(/^3 of /);
    await context.close();
  });

  it('divergence: hiring is "only in passing" for Teleport and never mentioned only by Octopus Management; no empty-band cards', async () => {
    const { context, page, log } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=divergence&competency=hiring`);
    const detail = (await page.textContent('[data-export="divergence-detail"] p.divergence-summary')) ?? '';
    expect(detail).toMatch(/Never mentioned by Octopus Deploy Management\./);
    expect(detail).toMatch(/Mentioned only in passing by Teleport \(3 statements\)/);
    expect(await page.locator('[data-export="divergence-detail"] .side-by-side p:text-is("No level in this band.")').count()).toBe(0);
    // Octopus's tracks are rows of their own in the strength chart.
    const ticks = await page.$$eval('[data-export="divergence-detail"] svg [aria-label="y-axis tick label"] text', (ts) => ts.map((t) => t.textContent));
    expect(ticks).toEqual(expect.arrayContaining(['Octopus Deploy Management', 'Octopus Deploy Security Analyst', 'Octopus Deploy Security Engineer']));
    // Levels with statements about it are filled; levels with none are dashed empty boxes, never a faint fill.
    const chart = '[data-export="divergence-detail"] svg[aria-label^="Strength of the chosen competency"]';
    expect(await page.locator(`${chart} g[aria-label="bar"] rect`).count()).toBeGreaterThan(5);
    expect(await page.locator(`${chart} g[stroke-dasharray="2 3"] rect`).count()).toBeGreaterThan(3);
    expect(log.errors).toEqual([]);
    await context.close();
  });
});

describe('level diff: the change agrees with the shares shown', () => {
  it('every "added" row reads 0% before, and the definitions are on the panel', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=gaps&company=octopus&track=${encodeURIComponent('Security Engineer')}&level=L2`);
    const rows = await page.$$eval('[data-export="level-diff"] table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.length).toBeGreaterThan(0);
    for (const [, change, from, to] of rows) {
      const pct = (s: string) => Number(/^(\d+)%/.exec(s)![1]);
      if (change === 'added') expect(pct(from)).toBe(0);
      if (change === 'dropped') expect(pct(to)).toBe(0);
      if (change === 'added' || change === 'strengthened') expect(pct(to)).toBeGreaterThan(pct(from));
      if (change === 'weakened') expect(pct(to)).toBeLessThan(pct(from));
      expect(from).toMatch(/^\d+% \(\d+\/\d+\)$/);
    }
    expect(await page.textContent('[data-export="level-diff"] .how-to')).toMatch(/Added: 0% before, more after\. Dropped: more before, 0% after/);
    await context.close();
  });

  it('compares a level with a level of another track of the company', async () => {
    const { context, page, log } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=gaps&company=octopus&track=${encodeURIComponent('Security Analyst')}&level=L3`);
    await afterRender(page, () => page.click('[aria-label="Compare with"] button:text-is("Octopus Deploy Security Engineer L4")'));
    expect(new URL(page.url()).searchParams.get('to')).toBe('octopus|Security Engineer|L4');
    expect(await page.textContent('[data-export="level-diff"] h2')).toBe('What changes from Octopus Deploy Security Analyst L3 to Octopus Deploy Security Engineer L4');
    expect(await page.locator('[data-export="level-diff"] table tbody tr').count()).toBeGreaterThan(0);
    expect(log.errors).toEqual([]);
    await context.close();
  });
});

describe('tracks in every view (issue 10 item 6)', () => {
  it('the selection bar picks a track of a company that has several, and the views narrow to it', async () => {
    const { context, page, log } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=explorer&company=teleport`);
    expect(await page.isVisible('#sel-track')).toBe(false);
    await gotoView(page, `${baseUrl}?view=explorer&company=octopus`);
    expect(await page.$$eval('#sel-track option', (os) => os.map((o) => o.textContent))).toEqual(['all tracks', 'Management', 'Security Analyst', 'Security Engineer']);
    await afterRender(page, () => page.selectOption('#sel-track', 'Security Analyst'));
    expect(new URL(page.url()).searchParams.get('track')).toBe('Security Analyst');
    const tracks = await page.$$eval('table.data-table tbody tr', (trs) => [...new Set(trs.map((tr) => tr.children[1]?.textContent))]);
    expect(tracks).toEqual(['Security Analyst']);
    await gotoView(page, `${baseUrl}?view=gaps&company=octopus&track=Management`);
    expect(await page.textContent('[data-export="rubric-gaps"] h2')).toBe('Rubric gaps: Octopus Deploy Management');
    expect(await page.getAttribute('[aria-label="Choose a track"] button:text-is("Management")', 'aria-pressed')).toBe('true');
    expect(log.errors).toEqual([]);
    await context.close();
  });
});

describe('words and pictures', () => {
  it('the explorer keeps its sort while the search narrows the rows, and shows company names', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=explorer`);
    await page.click('table.data-table th button:text-is("conf.")');
    await page.click('table.data-table th button:text-is("conf.")');
    const confTh = page.locator('table.data-table th:has(button:text-is("conf."))');
    expect(await confTh.getAttribute('aria-sort')).toBe('descending');
    await page.fill('#explorer-search', 'security');
    await page.type('#explorer-search', ' team');
    expect(await confTh.getAttribute('aria-sort')).toBe('descending');
    const conf = await page.$$eval('table.data-table tbody tr', (trs) => trs.map((tr) => Number(tr.children[5]?.textContent || -1)));
    expect(conf.length).toBeGreaterThan(3);
    expect(conf).toEqual([...conf].sort((a, b) => b - a));
    const companies = await page.$$eval('table.data-table tbody tr', (trs) => [...new Set(trs.map((tr) => tr.children[0]?.textContent ?? ''))]);
    for (const c of companies) expect(['Dropbox', 'Octopus Deploy', 'Teleport']).toContain(c);
    // The search box shows its whole placeholder.
    const fits = await page.$eval('#explorer-search', (el) => {
      const input = el as HTMLInputElement;
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = getComputedStyle(input).font;
      return ctx.measureText(input.placeholder).width <= input.clientWidth;
    });
    expect(fits).toBe(true);
    await context.close();
  });

  it('map a hire: "Equivalent levels for Teleport 3" (not "3 · 3"), a legend without the source company, plain relations', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=map&company=teleport&level=3`);
    expect(await page.textContent('[data-export="map-a-hire"] h2')).toBe('Equivalent levels for Teleport 3');
    const legend = await page.$$eval('[data-export="map-a-hire"] [class*="-swatches"] span', (ss) => ss.map((s) => s.textContent?.trim()));
    expect(legend).not.toContain('Teleport');
    expect(legend).toEqual(expect.arrayContaining(['Dropbox', 'Octopus Deploy']));
    expect(await page.textContent('[data-export="map-a-hire"] table')).not.toMatch(/\((below|above) every level\)/);
    // Explanations name levels, never ids.
    expect(await page.textContent('[data-export="map-a-hire"] table')).not.toMatch(/\b(octopus|dropbox|teleport):/);
    await context.close();
  });

  it('level options and chips say "1", not "1 · 1"; Octopus levels name their track', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=alignment`);
    const options = await page.$$eval('#sel-level option', (os) => os.map((o) => o.textContent ?? ''));
    expect(options.filter((o) => /^(\S+) · \1$/.test(o))).toEqual([]);
    const titles = await page.$$eval('.level-chips button', (bs) => bs.map((b) => b.getAttribute('title') ?? ''));
    expect(titles).toContain('Teleport 3');
    expect(titles.filter((t) => /^Teleport \d · \d$/.test(t))).toEqual([]);
    const ticks = await page.$$eval('[data-export="level-placements"] svg [aria-label="y-axis tick label"] text', (ts) => ts.map((t) => t.textContent ?? ''));
    expect(ticks).toEqual(expect.arrayContaining(['Octopus Deploy Security Analyst L2', 'Octopus Deploy Security Engineer L2']));
    await context.close();
  });

  it('adding an upload recolours no company: the legend keeps every bundled colour', async () => {
    const { context, page, log } = await openPage(browser);
    const legend = () =>
      page.$$eval('[data-export="level-placements"] [class*="-swatches"] [class*="-swatch"]', (ss) =>
        Object.fromEntries(ss.map((s) => [s.textContent?.trim() ?? '', s.querySelector('svg')?.getAttribute('fill')?.toUpperCase() ?? ''])),
      );
    await gotoView(page, `${baseUrl}?view=alignment`);
    const before = await legend();
    expect(before).toMatchObject({ Dropbox: '#0072B2', 'Octopus Deploy': '#E69F00', Teleport: '#009E73' });
    await page.waitForSelector('section.uploads .upload-toggle');
    if ((await page.getAttribute('.upload-toggle', 'aria-expanded')) !== 'true') await page.click('.upload-toggle');
    await page.setInputFiles('#upload-files', [join(process.cwd(), 'tests', 'e2e', 'fixtures', 'upload', 'elmstead-long.csv')]);
    await page.waitForSelector('.upload-summary');
    await Promise.all([page.waitForEvent('load'), page.click('.upload-add:not([disabled])')]);
    await gotoView(page, `${baseUrl}?view=alignment`);
    const after = await legend();
    expect(Object.keys(after)).toContain('Elmstead');
    for (const [name, colour] of Object.entries(before)) expect(after[name], name).toBe(colour);
    expect(Object.values(before)).not.toContain(after.Elmstead);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it('a panel with no rows offers no CSV/JSON', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=map`);
    expect(await page.locator('[data-export="map-support"] .export-bar button:text-is("CSV")').count()).toBe(0);
    await gotoView(page, `${baseUrl}?view=map&company=teleport&level=3`);
    expect(await page.locator('[data-export="map-support"] .export-bar button:text-is("CSV")').count()).toBe(1);
    await context.close();
  });
});

describe('the common scale names its steps legibly', () => {
  it('the step names above the map, alignment and divergence charts do not run into each other at desktop width', async () => {
    const { context, page, log } = await openPage(browser);
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const url of [`${baseUrl}?view=map&company=teleport&level=3`, `${baseUrl}?view=alignment`, `${baseUrl}?view=divergence&competency=hiring`]) {
      await gotoView(page, url);
      // Each chart's top axis: the seven step names' boxes, left to right; neighbours must not overlap.
      expect(await page.locator('main svg [aria-label="common scale step names tick label"]').count(), url).toBeGreaterThan(0);
      const overlaps = await page.$$eval('main svg [aria-label="common scale step names tick label"]', (axes) =>
        axes
          .map((axis) => [...axis.querySelectorAll('text')].map((t) => ({ name: t.textContent ?? '', box: t.getBoundingClientRect() })))
          .flatMap((names) => {
            names.sort((a, b) => a.box.left - b.box.left);
            const out: string[] = [];
            for (let i = 1; i < names.length; i++) if (names[i].box.left < names[i - 1].box.right - 1) out.push(`${names[i - 1].name} | ${names[i].name}`);
            return out;
          }),
      );
      expect(overlaps, url).toEqual([]);
    }
    expect(log.errors).toEqual([]);
    await context.close();
  });
});
