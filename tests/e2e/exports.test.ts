import { fromArrow } from 'arquero';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, downloadBytes, gotoView, openPage, showView } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => (browser = await connect()));
afterAll(() => browser?.close());

async function download(page: Page, panel: string, format: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${panel}"] .export-bar button:text-is("${format}")`)]);
  return { name: file.suggestedFilename(), bytes: await downloadBytes(file) };
}

/** Minimal RFC 4180 reader for checking our own output. */
function parseCSV(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

describe('exports', () => {
  it('downloads the explorer rows on screen as CSV, JSON and Arrow IPC', async () => {
    const { context, page, log } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=explorer&company=teleport`);
    const shown = Number((await page.textContent('main [role="status"]'))?.match(/^(\d+) of/)?.[1]);
    expect(shown).toBeGreaterThan(10);
    const csv = await download(page, 'statements', 'CSV');
    expect(csv.name).toBe('statements-teleport.csv');
    const rows = parseCSV(csv.bytes.toString('utf8'));
    expect(rows[0]).toEqual(['id', 'company', 'track', 'level', 'section', 'kind', 'competency', 'confidence', 'why', 'flags', 'source', 'text']);
    expect(rows.length - 1).toBe(shown);
    // The company as the table shows it: its name.
    expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set(['Teleport']));
    const json = JSON.parse((await download(page, 'statements', 'JSON')).bytes.toString('utf8'));
    expect(json).toHaveLength(shown);
    expect(json.map((r: { id: string }) => r.id)).toEqual(rows.slice(1).map((r) => r[0]));
    // Arrow IPC (issue 13): the same rows, read back with arquero as pandas or DuckDB would, numbers as numbers.
    const arrow = await download(page, 'statements', 'Arrow');
    expect(arrow.name).toBe('statements-teleport.arrow');
    const table = fromArrow(arrow.bytes);
    expect(table.columnNames()).toEqual(rows[0]);
    expect(table.objects()).toEqual(json.map((r: Record<string, unknown>) => Object.fromEntries(rows[0].map((c) => [c, r[c] ?? null]))));

    await page.fill('#explorer-search', 'incident');
    const filtered = Number((await page.textContent('main [role="status"]'))?.match(/^(\d+) of/)?.[1]);
    expect(filtered).toBeLessThan(shown);
    expect(parseCSV((await download(page, 'statements', 'CSV')).bytes.toString('utf8')).length - 1).toBe(filtered);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it('downloads the full coverage grid: one row per level and competency, empty cells included', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=coverage`);
    const rows: { levelKey: string; competency: string; count: number }[] = JSON.parse((await download(page, 'coverage', 'JSON')).bytes.toString('utf8'));
    const levels = new Set(rows.map((r) => r.levelKey));
    const competencies = new Set(rows.map((r) => r.competency));
    expect(competencies.size).toBe(16);
    expect(rows).toHaveLength(levels.size * competencies.size);
    expect(new Set(rows.map((r) => `${r.levelKey}|${r.competency}`)).size).toBe(rows.length);
    const empty = rows.filter((r) => r.count === 0).length;
    expect(empty).toBe(await page.locator('[data-export="coverage"] svg g[stroke-dasharray="2 3"] rect').count());
    const csv = parseCSV((await download(page, 'coverage', 'CSV')).bytes.toString('utf8'));
    expect(csv.length - 1).toBe(rows.length);
    await context.close();
  });

  it('downloads every chart as SVG and PNG', async () => {
    const { context, page, log } = await openPage(browser);
    await gotoView(page, `${baseUrl}?view=overview`);
    const svg = await download(page, 'statements-by-kind', 'SVG');
    expect(svg.name).toBe('statements-by-kind.svg');
    expect(svg.bytes.toString('utf8')).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await download(page, 'statements-by-kind', 'PNG');
    expect(png.name).toBe('statements-by-kind.png');
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.bytes.length).toBeGreaterThan(2000);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it('offers CSV and JSON for every table and SVG and PNG for every chart in every view (nothing for an empty panel)', async () => {
    const { context, page } = await openPage(browser);
    await gotoView(page, baseUrl);
    for (const view of ['overview', 'alignment', 'map', 'divergence', 'coverage', 'gaps', 'explorer']) {
      await showView(page, `${baseUrl}?view=${view}`);
      const bars = await page.$$eval('main [data-export]', (panels) =>
        panels.map((p) => ({ chart: p.hasAttribute('data-chart'), empty: !p.querySelector('svg, table tbody tr, li'), buttons: [...p.querySelectorAll('.export-bar button')].map((b) => b.textContent) })),
      );
      expect(bars.length, view).toBeGreaterThan(0);
      for (const bar of bars) {
        if (bar.empty) {
          expect(bar.buttons, view).toEqual([]);
          continue;
        }
        expect(bar.buttons.length, view).toBeGreaterThan(0);
        if (bar.chart) expect(bar.buttons, view).toEqual(expect.arrayContaining(['SVG', 'PNG']));
      }
    }
    await context.close();
  });
});
