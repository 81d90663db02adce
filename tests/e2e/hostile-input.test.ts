import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { afterRender, gotoView, launch } from './browser.ts';

/**
 * Hostile and private input in the browser (issue 14): no request carries pasted text or an uploaded ladder's
 * name, a file over the size limit is left out by name while the others are read, file names cannot reorder the
 * preview, long unbroken strings stay inside their cards, and a link to a ladder uploaded elsewhere says so.
 */
const baseUrl = inject('baseUrl');

/** Markers that must never appear in a request: in pasted text, and in an uploaded company's name. */
const TEXT_MARKER = 'CONFIDENTIALJD';
const COMPANY_MARKER = 'Zqxsecretco';
const UNBROKEN = 'X'.repeat(400);

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

interface Recorded {
  url: string;
  body: string;
  headers: string;
}

/** A context recording every request of its pages and workers (URL, body and headers). */
async function recording(): Promise<{ context: BrowserContext; page: Page; requests: Recorded[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requests: Recorded[] = [];
  const errors: string[] = [];
  context.on('request', (r: Request) => requests.push({ url: r.url(), body: r.postData() ?? '', headers: JSON.stringify(r.headers()) }));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, requests, errors };
}

function expectNoMarker(requests: Recorded[]): void {
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) {
    const seen = `${decodeURIComponent(r.url)} ${r.body} ${r.headers}`.toLowerCase();
    for (const marker of [TEXT_MARKER, COMPANY_MARKER]) expect(seen, r.url).not.toContain(marker.toLowerCase());
  }
}

async function openForm(page: Page): Promise<void> {
  await page.waitForSelector('section.uploads .upload-toggle');
  if ((await page.getAttribute('.upload-toggle', 'aria-expanded')) !== 'true') await page.click('.upload-toggle');
}

const ready = (page: Page) => page.waitForFunction(() => window.__atlas?.ready === true && !document.querySelector('main[aria-busy]'));

/** A Markdown level page of the uploaded company, whose title is one long unbroken string. */
const page2 = (level: string) => Buffer.from(`# ${level}: ${UNBROKEN}\n\n## Craft\n- Reviews the security of one service with guidance.\n- ${UNBROKEN} holds no space at all.\n`);

describe('nothing the user pastes or uploads leaves the browser', () => {
  let context: BrowserContext;
  let page: Page;
  let requests: Recorded[];
  let errors: string[];
  beforeAll(async () => ({ context, page, requests, errors } = await recording()));
  afterAll(() => context?.close());

  it('pasted text is kept out of every URL, and still there after a reload', async () => {
    await gotoView(page, `${baseUrl}?view=map`);
    await page.fill('#map-text', `${TEXT_MARKER} Leads cross-team security projects and mentors engineers across the company.`);
    await afterRender(page, () => page.click('button:text-is("Map this text")'));
    expect(page.url()).not.toContain(TEXT_MARKER);
    expect(await page.locator('[data-export="map-a-hire"] table tbody tr').count()).toBeGreaterThan(0);
    await page.reload();
    await ready(page);
    expect(await page.inputValue('#map-text')).toContain(TEXT_MARKER);
    expectNoMarker(requests);
  });

  it('adding and removing a ladder sends neither the pasted text nor the company name (the reloads included)', async () => {
    await openForm(page);
    await page.setInputFiles('#upload-files', [
      { name: 'l1.md', mimeType: 'text/markdown', buffer: page2('L1') },
      { name: 'l2.md', mimeType: 'text/markdown', buffer: page2('L2') },
    ]);
    await page.waitForSelector('.upload-summary');
    await page.fill('#upload-company', `${COMPANY_MARKER} Security`);
    const slug = `${COMPANY_MARKER.toLowerCase()}-security`;
    await Promise.all([page.waitForEvent('load'), page.click('.upload-add:not([disabled])')]);
    await ready(page);
    await page.waitForSelector(`section.uploads li[data-company="${slug}"]`);
    // The new ladder is selected, though its name is in no URL; the pasted text is still there.
    expect(await page.inputValue('#sel-company')).toBe(slug);
    expect(page.url()).not.toContain(COMPANY_MARKER.toLowerCase());
    expect(await page.inputValue('#map-text')).toContain(TEXT_MARKER);
    // Tabs link to the other views without the private part.
    for (const href of await page.$$eval('nav a[data-view]', (as) => as.map((a) => a.getAttribute('href') ?? ''))) {
      expect(href.toLowerCase()).not.toContain(COMPANY_MARKER.toLowerCase());
      expect(href).not.toContain(TEXT_MARKER);
    }
    await afterRender(page, () => page.click('nav a[data-view="coverage"]'));
    expect(await page.inputValue('#sel-company')).toBe(slug);
    await page.goBack();
    await ready(page);
    expect(await page.inputValue('#map-text')).toContain(TEXT_MARKER);
    expectNoMarker(requests);
  });

  it('long unbroken strings stay inside the level cards', async () => {
    await afterRender(page, () => page.click('nav a[data-view="overview"]'));
    const spill = await page.$$eval('.company-card', (cards) =>
      cards.flatMap((card) => {
        const box = card.getBoundingClientRect();
        return [...card.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > box.right + 1).map((e) => `${e.tagName}.${e.className}`);
      }));
    expect(spill).toEqual([]);
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).map((e) => `${e.tagName}.${e.getAttribute('class') ?? ''}#${e.id}: ${e.textContent?.slice(0, 40)}`));
    expect(wide).toEqual([]);
  });

  it('removing it reloads without its name in the request', async () => {
    const slug = `${COMPANY_MARKER.toLowerCase()}-security`;
    await Promise.all([page.waitForEvent('load'), page.click(`section.uploads li[data-company="${slug}"] button`)]);
    await ready(page);
    await page.waitForSelector('section.uploads .upload-toggle');
    expect(await page.$$eval('#sel-company option', (os) => os.map((o) => (o as HTMLOptionElement).value))).not.toContain(slug);
    expectNoMarker(requests);
    expect(errors).toEqual([]);
  });
});

describe('a link to a ladder that is not here', () => {
  it('says the ladder may have been uploaded in another browser, and shows what is here', async () => {
    const { context, page } = await recording();
    await gotoView(page, `${baseUrl}?view=coverage&company=acme-uploaded&level=L3`);
    expect(await page.textContent('.link-note')).toMatch(/names \u201cacme-uploaded\u201d, not among the ladders here\. A ladder uploaded in another browser stays in that browser/);
    expect(await page.inputValue('#sel-company')).toBe('');
    expect(new URL(page.url()).searchParams.has('company')).toBe(false);
    await context.close();
  });
});

describe('the upload panel under hostile files', () => {
  it('leaves out a file over the size limit by name, reads the others, and shows file names with their controls written out', async () => {
    const { context, page } = await recording();
    await gotoView(page, baseUrl);
    await openForm(page);
    await page.setInputFiles('#upload-files', [
      { name: 'huge.md', mimeType: 'text/markdown', buffer: Buffer.alloc(6 * 1024 * 1024, 'a') },
      { name: 'evil\u202edm.1l', mimeType: 'text/markdown', buffer: page2('L1') },
    ]);
    await page.waitForSelector('.upload-summary');
    expect(await page.textContent('.upload-left-out')).toBe('Not read: huge.md is 6 MB, over the 5 MB limit for one file. The other files were read.');
    expect(await page.textContent('.upload-headline')).toMatch(/^Read 2 statements in 1 level from 1 file/);
    const files = await page.textContent('.upload-files');
    expect(files).toContain('evil\\u202edm.1l');
    expect(files).not.toContain('\u202e');
    await context.close();
  });
});
