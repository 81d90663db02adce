import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, gotoView, openPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const VIEWS = ['overview', 'alignment', 'map', 'divergence', 'coverage', 'gaps', 'explorer'];
/** Markup produced inside Observable Plot figures and Inputs tables belongs to those libraries. */
const LIBRARY_ROOTS = 'svg[class^="plot"], figure[class^="plot"], div[class^="plot"], form[class^="inputs"]';

interface Finding {
  view: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}
const library: Finding[] = [];
let browser: Browser;
beforeAll(async () => (browser = await connect()));
afterAll(async () => {
  await browser?.close();
  writeFileSync(join(process.cwd(), 'tests', 'e2e', 'axe-library-violations.json'), JSON.stringify(library, null, 2) + '\n');
});

describe('axe finds no violations in our own markup', () => {
  for (const view of VIEWS) {
    // One load per view: the theme is CSS only (prefers-color-scheme), so switching the emulated
    // scheme restyles the same page exactly as loading it in that scheme would.
    it(`${view} (light, then dark)`, async () => {
      const { context, page } = await openPage(browser);
      await gotoView(page, `${baseUrl}?view=${view}&company=octopus&level=L3`);
      // axe.run in the page itself (legacy mode) checks exactly what runPartial + finishRun would on a
      // page without frames, without opening a second page to merge the results.
      expect(page.frames()).toHaveLength(1);
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(theme === 'dark');
        const results = await new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] }).analyze();
        const own: Finding[] = [];
        for (const v of results.violations) {
          const targets = v.nodes.map((n) => String(n.target[n.target.length - 1]));
          const inLibrary = await page.evaluate(
            ({ targets, roots }) => targets.map((t) => !!document.querySelector(t)?.closest(roots)),
            { targets, roots: LIBRARY_ROOTS },
          );
          const finding = (ts: string[]) => ({ view: `${view} (${theme})`, rule: v.id, impact: v.impact ?? '', help: v.help, targets: ts });
          const ours = targets.filter((_, i) => !inLibrary[i]);
          const theirs = targets.filter((_, i) => inLibrary[i]);
          if (ours.length) own.push(finding(ours));
          if (theirs.length) library.push(finding(theirs));
        }
        expect(own, theme).toEqual([]);
      }
      await context.close();
    });
  }
});
