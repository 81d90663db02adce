import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { afterRender, connect, downloadBytes, gotoView, settled, showView } from './browser.ts';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const FIXTURES = join(process.cwd(), 'tests', 'e2e', 'fixtures', 'upload');
const fixture = (name: string) => join(FIXTURES, name);
const VIEWS = ['overview', 'alignment', 'map', 'divergence', 'coverage', 'gaps', 'explorer'];

/** One ladder per supported shape; `name` is typed in unless the file names its company. */
const SHAPES = [
  { shape: 'Markdown level pages', files: ['brightwater-level-1.md', 'brightwater-level-2.md'], name: 'Brightwater', slug: 'brightwater', levels: ['L1', 'L2'], statements: 11 },
  { shape: 'CSV grid, levels down the side', files: ['copperfield-grid.csv'], name: 'Copperfield', slug: 'copperfield', levels: ['S1', 'S2', 'S3'], statements: 9 },
  { shape: 'TSV grid, levels as columns', files: ['dunmore-grid.tsv'], name: 'Dunmore', slug: 'dunmore', levels: ['D1', 'D2', 'D3'], statements: 9 },
  { shape: 'long-format CSV naming its company', files: ['elmstead-long.csv'], name: '', slug: 'elmstead', levels: ['E1', 'E2', 'E3'], statements: 5 },
] as const;

/** Phrases from the fixtures that must never appear in any request. */
const SECRETS = [
  'Fixes the vulnerabilities assigned to them',
  'Tunes alerts for one service',
  'Shapes the technical direction of several teams',
  'Watches the security dashboards',
  'Ships small changes safely',
  'Sets the delivery plan for a group of teams',
];

interface Recorded {
  url: string;
  method: string;
  body: string;
}

let browser: Browser;
beforeAll(async () => (browser = await connect()));
afterAll(() => browser?.close());

/** A context recording every request, console error and uncaught exception of every page and worker in it. */
async function recordingContext(): Promise<{ context: BrowserContext; page: Page; requests: Recorded[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const requests: Recorded[] = [];
  const errors: string[] = [];
  const record = (r: Request) => requests.push({ url: r.url(), method: r.method(), body: r.postData() ?? '' });
  context.on('request', record);
  context.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  context.on('weberror', (e) => errors.push(String(e.error())));
  const page = await context.newPage();
  return { context, page, requests, errors };
}

async function openForm(page: Page): Promise<void> {
  await page.waitForSelector('section.uploads .upload-toggle');
  if ((await page.getAttribute('.upload-toggle', 'aria-expanded')) !== 'true') await page.click('.upload-toggle');
}

/** Picks files in the panel and waits for the worker's preview. */
async function pick(page: Page, files: string[]): Promise<void> {
  await openForm(page);
  await page.setInputFiles('#upload-files', files.map(fixture));
  await page.waitForSelector('.upload-summary');
}

/** Adds the previewed ladder and waits for the page to come back with it selected. */
/** A field of the page's selection: the history entry's (where an uploaded ladder's company and level live), else the URL's. */
const selected = (page: Page, key: string) =>
  page.evaluate((k) => (history.state as { selection?: Record<string, string> } | null)?.selection?.[k] ?? new URL(location.href).searchParams.get(k), key);

async function add(page: Page, slug: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.click('.upload-add:not([disabled])')]);
  await page.waitForFunction(() => window.__atlas?.ready === true && !document.querySelector('main[aria-busy]'));
  await page.waitForSelector(`section.uploads li[data-company="${slug}"]`);
  // Selected, but its name is in no URL (issue 14: no request carries an uploaded ladder's name).
  expect(await page.inputValue('#sel-company')).toBe(slug);
  expect(new URL(page.url()).searchParams.get('company')).toBeNull();
}

function assertPrivate(requests: Recorded[]): void {
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) {
    expect(r.url.startsWith(origin + '/') || r.url.startsWith('data:') || r.url.startsWith('blob:'), r.url).toBe(true);
    expect(r.method, r.url).toBe('GET');
    expect(r.body, r.url).toBe('');
    const url = decodeURIComponent(r.url).toLowerCase();
    for (const secret of SECRETS) expect(url).not.toContain(secret.toLowerCase());
  }
}

describe('add your own ladder', () => {
  it('uploads a ladder in every supported shape and a broken one, shows each in every view, keeps them over a reload, removes them — and sends nothing anywhere', async () => {
    const { context, page, requests, errors } = await recordingContext();
    await gotoView(page, baseUrl);
    await openForm(page);
    expect(await page.textContent('.upload-limits')).toBe('Up to 50 files, 5 MB each and 20 MB in all, 100,000 lines and 5,000 statements per ladder.');

    for (const s of SHAPES) {
      await pick(page, [...s.files]);
      const preview = (await page.textContent('.upload-summary')) ?? '';
      expect(preview, s.shape).toContain(`Read ${s.statements} statements in ${s.levels.length} levels`);
      expect(preview, s.shape).toContain('no problems found');
      expect(await page.isHidden('#upload-levels'), 'level order is not asked when the labels sort').toBe(true);
      expect(await page.$$eval('.upload-levels tbody tr td:nth-child(3)', (tds) => tds.map((td) => td.textContent))).toEqual([...s.levels]);
      expect(await page.$$eval('.upload-samples > ul > li', (lis) => lis.length)).toBe(s.levels.length);
      expect(await page.textContent('.upload-samples')).toContain(`${s.files[0]}:`);
      if (s.name) await page.fill('#upload-company', s.name);
      else expect(await page.inputValue('#upload-company'), 'company read from the file').toBe('Elmstead');
      await add(page, s.slug);
    }

    // The broken upload: every problem at its file and line, the rest still loads.
    await pick(page, ['fenwick-broken.csv', 'fenwick-empty.md']);
    const problems = await page.$$eval('.upload-diagnostics li', (lis) => lis.map((li) => li.textContent));
    expect(problems).toContain('fenwick-broken.csv, line 3: warning: 7 cells, header has 6');
    expect(problems).toContain('fenwick-broken.csv, line 4: warning: row has no level; skipped');
    expect(problems).toContain('fenwick-empty.md, line 1: error: file is empty');
    expect(await page.textContent('.upload-headline')).toContain('Read 4 statements in 2 levels from 2 files');
    expect(await page.inputValue('#upload-company')).toBe('Fenwick');
    await page.click('.upload-samples summary');
    await page.locator('section.uploads').screenshot({ path: join(process.cwd(), 'tests', 'e2e', 'screenshots', 'upload.png') });
    await add(page, 'fenwick');

    const all = [...SHAPES.map((s) => ({ slug: s.slug, name: s.name || 'Elmstead', level: s.levels[0] })), { slug: 'fenwick', name: 'Fenwick', level: 'F1' }];
    // Still there after a reload.
    await page.reload();
    await page.waitForSelector('section.uploads .upload-list');
    expect(await page.$$eval('section.uploads li[data-company]', (lis) => lis.map((li) => (li as HTMLElement).dataset.company))).toEqual(['brightwater', 'copperfield', 'dunmore', 'elmstead', 'fenwick']);

    // Every view draws every uploaded ladder (a view that throws logs a console error, checked at the
    // end), chosen the way a reader does: the company in the selection bar, each view tab, and a level
    // for the views that ask for one (last). One page, no reload in between: a render is cheap.
    const shows = async (view: string, c: (typeof all)[number]) => {
      expect(await page.inputValue('#sel-company'), `${view} ${c.slug}`).toBe(c.slug);
      expect(await page.textContent('main'), `${view} shows ${c.name}`).toContain(c.name);
    };
    const needsLevel = (view: string) => view === 'map' || view === 'gaps';
    await page.waitForFunction(() => window.__atlas?.ready === true && !document.querySelector('main[aria-busy]'));
    for (const c of all) {
      await afterRender(page, () => page.selectOption('#sel-company', c.slug));
      for (const view of [...VIEWS.filter((v) => !needsLevel(v)), ...VIEWS.filter(needsLevel)]) {
        if (new URL(page.url()).searchParams.get('view') !== view) await afterRender(page, () => page.click(`nav a[data-view="${view}"]`));
        if (needsLevel(view) && (await selected(page, 'level')) !== c.level) {
          const option = await page.$eval(
            '#sel-level',
            (select, { name, level }) => [...select.querySelectorAll('optgroup')].find((g) => g.label === name)?.querySelector<HTMLOptionElement>(`option[data-level="${level}"]`)?.value,
            { name: c.name, level: c.level },
          );
          expect(option, `${c.name} ${c.level} in the level list`).toBeTruthy();
          await afterRender(page, () => page.selectOption('#sel-level', option!));
          expect(await selected(page, 'level'), `${view} ${c.slug}`).toBe(c.level);
        }
        await shows(view, c);
      }
    }
    // Links open them too: every view and every uploaded ladder from a link (a fresh page load that
    // reads the ladders back from this browser's storage), each view with the next ladder in turn.
    for (const [i, view] of VIEWS.entries()) {
      const c = all[i % all.length];
      await gotoView(page, `${baseUrl}?view=${view}&company=${c.slug}${needsLevel(view) ? `&level=${c.level}` : ''}`);
      await shows(view, c);
    }
    // From a bundled ladder's side too: mapping Octopus L4 lands on every uploaded ladder.
    await gotoView(page, `${baseUrl}?view=map&company=octopus&level=L4`);
    const map = (await page.textContent('main')) ?? '';
    for (const c of all) expect(map, `map octopus L4 → ${c.name}`).toContain(c.name);
    await gotoView(page, `${baseUrl}?view=explorer&company=dunmore`);
    expect(await page.textContent('main table.data-table tbody')).toContain('dunmore-grid.tsv:2');

    // One click removes each (and reloads the page).
    for (const c of all) {
      await showView(page, `${baseUrl}?view=overview&company=${c.slug}`);
      await page.waitForSelector(`section.uploads li[data-company="${c.slug}"] button`);
      // Remove reloads the page: wait for that load (its URL first changes without one), then look at the URL.
      await Promise.all([page.waitForEvent('load'), page.click(`section.uploads li[data-company="${c.slug}"] button`)]);
      expect(new URL(page.url()).searchParams.has('company')).toBe(false);
      await page.waitForFunction(() => window.__atlas?.ready === true);
      await page.waitForSelector('section.uploads .upload-toggle');
      expect(await page.$$eval('#sel-company option', (os) => os.map((o) => (o as HTMLOptionElement).value))).not.toContain(c.slug);
    }
    expect(await page.textContent('main')).not.toContain('Fenwick');
    await page.reload();
    await page.waitForSelector('section.uploads .upload-toggle');
    expect(await page.locator('section.uploads li[data-company]').count()).toBe(0);

    assertPrivate(requests);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000); // ~20 page loads and ~50 renders, each reading and analysing the 684 bundled statements as well as the uploads

  it('accepts files dropped on the panel', async () => {
    const { context, page, requests } = await recordingContext();
    await gotoView(page, baseUrl);
    await openForm(page);
    const text = readFileSync(fixture('elmstead-long.csv'), 'utf8');
    const transfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'dropped.csv', { type: 'text/csv' }));
      return dt;
    }, text);
    await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer: transfer });
    await page.waitForSelector('.upload-summary');
    expect(await page.textContent('.upload-headline')).toContain('Read 5 statements in 3 levels from 1 file');
    expect(await page.inputValue('#upload-company')).toBe('Elmstead');
    assertPrivate(requests);
    await context.close();
  });

  it('lets the user correct the track and name the company when the files do not', async () => {
    const { context, page } = await recordingContext();
    await gotoView(page, baseUrl);
    await pick(page, ['copperfield-grid.csv']);
    expect(await page.inputValue('#upload-company')).toBe('');
    expect(await page.getAttribute('.upload-add', 'disabled')).not.toBeNull();
    await page.fill('#upload-company', 'Octopus');
    await page.dispatchEvent('#upload-company', 'input');
    expect(await page.textContent('.upload-alert')).toContain('is the name of a bundled company');
    expect(await page.getAttribute('.upload-add', 'disabled')).not.toBeNull();
    await page.fill('#upload-company', 'Copperfield Labs');
    await page.fill('#upload-track', 'Detection Engineering');
    await page.press('#upload-track', 'Tab');
    await page.waitForFunction(() => document.querySelector('.upload-headline')?.textContent?.includes('track: Detection Engineering'));
    await add(page, 'copperfield-labs');
    await gotoView(page, `${baseUrl}?view=overview&company=copperfield-labs`);
    expect(await page.textContent('main')).toContain('Detection Engineering');
    await context.close();
  });

  it('keeps several tracks of one upload as separate ladders and lets the user correct one file\u2019s track', async () => {
    const { context, page } = await recordingContext();
    await gotoView(page, baseUrl);
    await pick(page, ['harbor-l2-engineer.md', 'harbor-l2-analyst.md', 'harbor-l3-analyst.md']);
    expect(await page.textContent('.upload-headline')).toContain('(tracks: Security Analyst, Security Engineer)');
    expect(await page.isHidden('#upload-track')).toBe(true);
    const labels = await page.$$eval('.upload-file-tracks label', (ls) => ls.map((l) => [l.firstChild?.textContent, (l.querySelector('input') as HTMLInputElement).value]));
    expect(labels).toEqual([
      ['Track of harbor-l2-analyst.md', 'Security Analyst'],
      ['Track of harbor-l2-engineer.md', 'Security Engineer'],
      ['Track of harbor-l3-analyst.md', 'Security Analyst'],
    ]);
    await page.fill('.upload-file-tracks input[data-file="harbor-l2-engineer.md"]', 'Product Security');
    await page.press('.upload-file-tracks input[data-file="harbor-l2-engineer.md"]', 'Tab');
    await page.waitForFunction(() => document.querySelector('.upload-headline')?.textContent?.includes('Product Security'));
    await page.fill('#upload-company', 'Harbor');
    await add(page, 'harbor');
    await gotoView(page, `${baseUrl}?view=overview&company=harbor`);
    const main = (await page.textContent('main')) ?? '';
    expect(main).toContain('Product Security');
    expect(main).toContain('Security Analyst');
    await context.close();
  });

  it('lets the user fix the files and upload them again, replacing the earlier upload, and set the level order', async () => {
    const { context, page, requests } = await recordingContext();
    await gotoView(page, baseUrl);
    await pick(page, ['fenwick-broken.csv']);
    await add(page, 'fenwick');
    await pick(page, ['fenwick-fixed.csv']);
    expect(await page.inputValue('#upload-company')).toBe('Fenwick');
    expect(await page.textContent('.upload-add')).toBe('Replace your earlier Fenwick upload');
    expect(await page.textContent('.upload-summary')).toContain('The level labels do not sort by number');
    expect(await page.isVisible('#upload-levels')).toBe(true);
    expect(await page.inputValue('#upload-levels')).toBe('F1, F2, F3');
    await page.fill('#upload-levels', 'F1, F2, F3');
    await page.dispatchEvent('#upload-levels', 'change');
    await page.waitForFunction(() => !document.querySelector('.upload-summary')?.textContent?.includes('do not sort by number'));
    expect(await page.textContent('.upload-headline')).toContain('Read 5 statements in 3 levels from 1 file');
    expect(await page.textContent('.upload-headline')).toContain('no problems found');
    await add(page, 'fenwick');
    expect(await page.locator('section.uploads li[data-company]').count()).toBe(1);
    await gotoView(page, `${baseUrl}?view=explorer&company=fenwick`);
    const table = (await page.textContent('main table.data-table tbody')) ?? '';
    expect(table).toContain('Sets the delivery plan for a group of teams');
    expect(table).not.toContain('this row has one cell too many');
    expect(await page.$$eval('#sel-level optgroup[label="Fenwick"] option', (os) => os.map((o) => o.textContent))).toEqual(['F1 · Engineer', 'F2 · Senior Engineer', 'F3 · Lead Engineer']);
    assertPrivate(requests);
    await context.close();
  });

  it('still finds stored ladders when the localStorage hint was lost', async () => {
    const { context, page } = await recordingContext();
    await gotoView(page, baseUrl);
    await pick(page, ['dunmore-grid.tsv']);
    await page.fill('#upload-company', 'Dunmore');
    await add(page, 'dunmore');
    await page.evaluate(() => localStorage.clear());
    await Promise.all([page.waitForEvent('load'), page.goto(`${baseUrl}?view=overview`)]);
    await page.waitForSelector('section.uploads li[data-company="dunmore"]', { timeout: 20_000 });
    expect(await page.evaluate(() => localStorage.getItem('ladder-atlas-has-uploads'))).toBe('1');
    await context.close();
  });

  it('refuses over-limit uploads with a clear message before parsing, and stays responsive on a large one', async () => {
    const { context, page } = await recordingContext();
    await gotoView(page, baseUrl);
    await openForm(page);
    await page.setInputFiles('#upload-files', [{ name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(6 * 1024 * 1024, 'a') }]);
    await page.waitForFunction(() => document.querySelector('.upload-alert')?.textContent?.includes('over the 5 MB limit'));
    expect(await page.textContent('.upload-alert')).toBe('Not read: huge.csv is 6 MB, over the 5 MB limit for one file.');
    expect(await page.isHidden('.upload-details')).toBe(true);

    await page.setInputFiles('#upload-files', [{ name: 'tall.csv', mimeType: 'text/csv', buffer: Buffer.from('x\n'.repeat(100_001)) }]);
    await page.waitForFunction(() => document.querySelector('.upload-alert')?.textContent?.includes('line limit'));
    expect(await page.textContent('.upload-alert')).toBe('The files hold 100,001 lines (tall.csv: 100,001), over the 100,000-line limit for one upload; not read.');

    // 100,000 rows of the long format: read in the worker while the page keeps answering, then refused.
    const rows = ['company,level,level_title,section,kind,statement'];
    for (let i = 0; i < 99_999; i++) rows.push(`Bulk,L${1 + (i % 5)},,Area ${i % 7},,Reviews design ${i}.`);
    await page.setInputFiles('#upload-files', [{ name: 'bulk.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) }]);
    await page.waitForSelector('.upload-status:not([hidden]) progress');
    const started = Date.now();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(Date.now() - started).toBeLessThan(1000);
    await page.waitForSelector('.upload-summary', { timeout: 50_000 });
    expect(await page.textContent('.upload-headline')).toContain('Read 99,999 statements');
    expect(await page.textContent('.upload-alert')).toMatch(/holds 99,999 statements, over the 5,000/);
    expect(await page.getAttribute('.upload-add', 'disabled')).not.toBeNull();
    await context.close();
  });

  it('swaps the taxonomy for an uploaded file, shows a broken one\u2019s problems, and resets', async () => {
    const { context, page, errors } = await recordingContext();
    await gotoView(page, `${baseUrl}?view=coverage`);
    await page.waitForSelector('section.uploads #upload-taxonomy');
    await page.setInputFiles('#upload-taxonomy', fixture('taxonomy-broken.json'));
    await page.waitForSelector('.taxonomy-problems li');
    const problems = await page.$$eval('.taxonomy-problems li', (lis) => lis.map((li) => li.textContent));
    expect(problems).toContain('taxonomy-broken.json: competencies[0] ("building"): "group" "play" is not one of the groups (work)');
    expect(problems).toContain('taxonomy-broken.json: competencies[1]: duplicate id "building"');

    await Promise.all([page.waitForEvent('load'), page.setInputFiles('#upload-taxonomy', fixture('taxonomy-small.json'))]);
    await page.waitForFunction(() => window.__atlas?.ready === true && !document.querySelector('main[aria-busy]'));
    await page.waitForSelector('.taxonomy-state');
    expect(await page.textContent('.taxonomy-state')).toBe('Taxonomy: taxonomy-small.json (yours)');
    expect(await page.$$eval('#sel-competency option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean))).toEqual(['building', 'defending', 'growing', 'leading']);
    for (const view of VIEWS) {
      await showView(page, `${baseUrl}?view=${view}`);
      expect(await page.locator('main .panel').count(), view).toBeGreaterThan(0);
    }
    await Promise.all([page.waitForEvent('load'), page.click('.taxonomy-reset')]);
    await page.waitForSelector('.taxonomy-state');
    expect(await page.textContent('.taxonomy-state')).toBe('Taxonomy: bundled');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers the long-format template as a download that reads back as a ladder', async () => {
    const { context, page } = await recordingContext();
    await gotoView(page, baseUrl);
    await openForm(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.upload-template')]);
    expect(download.suggestedFilename()).toBe('long-format-template.csv');
    const csv = (await downloadBytes(download)).toString('utf8');
    expect(csv.split('\n')[0]).toBe('company,level,level_title,section,kind,statement');
    expect(csv).toBe(readFileSync(join(process.cwd(), 'data', 'templates', 'long-format-template.csv'), 'utf8'));
    await context.close();
  });

  it('renders an uploaded ladder holding HTML and script payloads as inert text, in the preview and in every view', async () => {
    const { context, page, requests, errors } = await recordingContext();
    await gotoView(page, baseUrl);
    await openForm(page);
    await page.setInputFiles('#upload-files', join(process.cwd(), 'tests', 'e2e', 'fixtures', 'hostile', 'ladders', 'hostile', 'hostile-l1-security-engineer.md'));
    await page.waitForSelector('.upload-summary');
    expect(await page.textContent('.upload-levels tbody')).toContain("<script>window.__pwned = 'title'</script>");
    expect(await page.locator('section.uploads script, section.uploads img, section.uploads b, section.uploads a').count()).toBe(0);
    await page.fill('#upload-company', 'Payload Corp');
    await add(page, 'payload-corp');
    for (const view of VIEWS) {
      await showView(page, `${baseUrl}?view=${view}&company=payload-corp&level=L1`);
      await settled(page);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), view).toBeUndefined();
      expect(await page.locator('main script, main img, main b, main a[href^="javascript"], section.uploads img').count(), view).toBe(0);
    }
    await gotoView(page, `${baseUrl}?view=explorer&company=payload-corp&q=secure%20code`);
    expect(await page.textContent('main table.data-table tbody')).toContain("<script>window.__pwned = 'script'</script>");
    await gotoView(page, `${baseUrl}?view=explorer&company=payload-corp`);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-export^="statements"] .export-bar button:text-is("CSV")')]);
    const csv = (await downloadBytes(file)).toString('utf8');
    expect(csv).toContain("'@SUM(1+1)");
    for (const line of csv.split('\r\n')) for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+@]/);
    expect(requests.filter((r) => /x-(summary|attr|review)\.png/.test(r.url))).toEqual([]);
    assertPrivate(requests);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the open panel with a preview and its problems has no axe violations (light, then dark)', async () => {
    const { context, page } = await recordingContext();
    await gotoView(page, baseUrl);
    await pick(page, ['fenwick-broken.csv', 'fenwick-empty.md', 'harbor-l2-engineer.md', 'harbor-l2-analyst.md']);
    await page.waitForSelector('.upload-file-tracks input');
    await page.click('.upload-sections summary');
    await page.click('.upload-samples summary');
    await page.setInputFiles('#upload-taxonomy', fixture('taxonomy-broken.json'));
    await page.waitForSelector('.taxonomy-problems li');
    // The theme is CSS only, so one panel serves both schemes; axe runs in the page (no frames here).
    expect(page.frames()).toHaveLength(1);
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(theme === 'dark');
      const results = await new AxeBuilder({ page }).include('section.uploads').setLegacyMode().options({ resultTypes: ['violations'] }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), theme).toEqual([]);
    }
    await context.close();
  });
});
