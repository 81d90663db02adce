import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gotoView, launch, openPage } from './browser.ts';

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
beforeAll(async () => (browser = await launch()));
afterAll(async () => {
  await browser?.close();
  writeFileSync(join(process.cwd(), 'tests', 'e2e', 'axe-library-violations.json'), JSON.stringify(library, null, 2) + '\n');
});

describe('axe finds no violations in our own markup', () => {
  for (const view of VIEWS) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${view} (${theme})`, async () => {
        const { context, page } = await openPage(browser);
        await page.emulateMedia({ colorScheme: theme });
        await gotoView(page, `${baseUrl}?view=${view}&company=octopus&level=L3`);
        const results = await new AxeBuilder({ page }).analyze();
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
        expect(own).toEqual([]);
        await context.close();
      });
    }
  }
});
