import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gotoView, launch } from './browser.ts';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
/** The office fixtures our script writes (tests/fixtures/office/make-fixtures.mjs). */
const office = (name: string) => join(process.cwd(), 'tests', 'fixtures', 'office', name);
/** The chunks of SheetJS and mammoth (and of our office readers): requested only once such a file is read. */
const OFFICE_CHUNK = /\/assets\/(xlsx|lib|open-office-files)-[\w-]+\.js$/;

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

async function recordingContext(): Promise<{ context: BrowserContext; page: Page; requests: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, requests, errors };
}

async function openForm(page: Page): Promise<void> {
  await page.waitForSelector('section.uploads .upload-toggle');
  if ((await page.getAttribute('.upload-toggle', 'aria-expanded')) !== 'true') await page.click('.upload-toggle');
}

/** Waits for the worker's preview of what was just picked (a newer one replaces the older). */
async function preview(page: Page, pick: () => Promise<void>): Promise<void> {
  await page.evaluate(() => document.querySelector('.upload-summary')?.remove());
  await pick();
  await page.waitForSelector('.upload-summary');
}

async function add(page: Page, company: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.click('.upload-add:not([disabled])')]);
  await page.waitForFunction(() => window.__atlas?.ready === true && !document.querySelector('main[aria-busy]'));
  await page.waitForSelector(`section.uploads li[data-company="${company}"]`);
  // Selected; an uploaded company's name stays out of the URL (the selection is in the history entry).
  expect(await page.inputValue('#sel-company')).toBe(company);
}

/** The statement explorer's rows for a company, narrowed by a search (the table shows the first rows only). */
const explorerText = async (page: Page, company: string, q = '') => {
  await gotoView(page, `${baseUrl}?view=explorer&company=${company}${q ? `&q=${encodeURIComponent(q)}` : ''}`);
  return (await page.textContent('main table.data-table tbody')) ?? '';
};

describe('add workbooks and Word documents, and pages to a bundled company', () => {
  it('reads XLSX, ODS and DOCX in the worker with their libraries loaded only then; statements keep their cell or paragraph, also after a reload', async () => {
    const { context, page, requests, errors } = await recordingContext();
    await gotoView(page, baseUrl);
    await openForm(page);
    expect(requests.filter((u) => OFFICE_CHUNK.test(u)), 'the first view loads no office library').toEqual([]);
    expect(await page.getAttribute('#upload-files', 'accept')).toMatch(/\.html,\.htm,\.xlsx,\.ods,\.docx/);

    await preview(page, () => page.setInputFiles('#upload-files', ['kestrel-security-grid.xlsx', 'kestrel-security-grid.ods', 'kestrel-l3-senior-security-engineer.docx'].map(office)));
    expect(requests.some((u) => /\/assets\/xlsx-/.test(u)), 'SheetJS loaded for the workbooks').toBe(true);
    expect(requests.some((u) => /\/assets\/lib-/.test(u)), 'mammoth loaded for the document').toBe(true);
    expect(await page.textContent('.upload-headline')).toContain('Read 47 statements in 9 levels from 3 files (tracks: Kestrel Security Engineering, Security Engineer); 0 errors and 3 warnings');
    await page.click('.upload-samples summary');
    const samples = (await page.textContent('.upload-samples')) ?? '';
    expect(samples).toContain('kestrel-security-grid.xlsx:Security!B4');
    expect(samples).toContain('kestrel-l3-senior-security-engineer.docx:¶2');
    const problems = await page.$$eval('.upload-diagnostics li', (lis) => lis.map((li) => li.textContent));
    expect(problems).toContain('kestrel-security-grid.xlsx, Notes!1: warning: sheet "Notes" is not a level × skill grid or a long-format table; skipped');
    await page.fill('#upload-company', 'Kestrel');
    await page.dispatchEvent('#upload-company', 'input');
    await add(page, 'kestrel');

    const check = async () => {
      const table = await explorerText(page, 'kestrel');
      expect(table).toContain('Joins the on-call rotation with a buddy.');
      expect(table).toContain('kestrel-security-grid.xlsx:Security!B5');
      expect(table).toContain('kestrel-security-grid.ods:Security!B5');
      expect(table).toContain('Builds threat models that the product team keeps up to date.');
      expect(table).toContain('kestrel-l3-senior-security-engineer.docx:¶5');
    };
    await check();
    // Stored as uploaded; opened again at load, with the libraries loaded only because such files are stored.
    await page.reload();
    await page.waitForFunction(() => window.__atlas?.ready === true);
    await check();

    for (const u of requests) expect(u.startsWith(origin + '/') || u.startsWith('data:') || u.startsWith('blob:'), u).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('adds pages to a bundled company as a layer over its ladder, replacing a bundled file of the same name, and removes them', async () => {
    const { context, page, errors } = await recordingContext();
    await gotoView(page, baseUrl);
    await openForm(page);
    // A Teleport grid with two levels, named like the bundled one: it replaces it.
    const grid = '## Security Engineering\n\nLevel/Skill\tImpact\tScope\n1\tShips reviewed fixes.\tOwn tasks\n2\tLeads a hardening project.\tA service\n';
    await preview(page, () => page.setInputFiles('#upload-files', [{ name: 'teleport-security-engineering-levels.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(grid) }]));
    await page.selectOption('#upload-target', 'teleport');
    await page.waitForFunction(() => document.querySelector('.upload-add')?.textContent === 'Add to Teleport');
    expect(await page.isHidden('#upload-company')).toBe(true);
    expect(await page.textContent('.upload-layer-note')).toContain('they replace the bundled teleport-security-engineering-levels.tsv');
    await add(page, 'teleport');
    let table = await explorerText(page, 'teleport');
    expect(table).toContain('Leads a hardening project.');
    expect(table).not.toContain('Designs novel solutions');
    expect(await page.textContent('section.uploads li[data-company="teleport"]')).toContain('your pages: 1 file');

    // A Word page added to Octopus joins its ladder beside the bundled pages.
    await openForm(page);
    await preview(page, () => page.setInputFiles('#upload-files', office('kestrel-l3-senior-security-engineer.docx')));
    expect(await page.$$eval('#upload-target option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['', 'dropbox', 'octopus', 'teleport']);
    await page.selectOption('#upload-target', 'octopus');
    await page.waitForFunction(() => document.querySelector('.upload-add')?.textContent === 'Add to Octopus Deploy');
    await add(page, 'octopus');
    table = await explorerText(page, 'octopus', 'threat models');
    expect(table).toContain('Builds threat models that the product team keeps up to date.');
    expect(table).toContain('kestrel-l3-senior-security-engineer.docx:¶5');
    expect(await explorerText(page, 'octopus', 'TBD')).toContain('octopus-l2-security-engineer.md');

    // Remove takes the layer away and the bundled ladder comes back whole.
    await gotoView(page, `${baseUrl}?view=overview&company=teleport`);
    await page.waitForSelector('section.uploads li[data-company="teleport"] button');
    // Remove reloads the page: wait for that load (its URL first changes without one), then look at the URL.
    await Promise.all([page.waitForEvent('load'), page.click('section.uploads li[data-company="teleport"] button')]);
    expect(new URL(page.url()).searchParams.has('company')).toBe(false);
    await page.waitForFunction(() => window.__atlas?.ready === true);
    table = await explorerText(page, 'teleport');
    expect(table).toContain('Designs novel solutions');
    expect(table).not.toContain('Leads a hardening project.');
    expect(await page.$$eval('#sel-company option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toContain('teleport');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
