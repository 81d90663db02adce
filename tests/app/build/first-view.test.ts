import { execFileSync } from 'node:child_process';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ingestLadders } from '../../../src/atlas/index.ts';
import { BUNDLED_DATA, readLadderFiles } from '../../../src/cli/load-data-dir.ts';

/** The build's own way: the drawing runs in a child process (it installs browser globals). */
function draw(files: ReturnType<typeof readLadderFiles>): string {
  const set = ingestLadders(files);
  return execFileSync(process.execPath, ['--import', 'tsx', 'src/app/build/first-view-main.ts'], { input: JSON.stringify(set), maxBuffer: 1 << 28 }).toString('utf8');
}

const HOSTILE = '<img src=x onerror="alert(1)"> & <script>alert(2)</script>';

describe('the first view drawn at build time', () => {
  const bundled = readLadderFiles(BUNDLED_DATA);
  const html = draw([...bundled, { path: 'ladders/hostile-co/l1.md', content: `# L1 ${HOSTILE}\n\n## Craft\n\n- Writes ${HOSTILE} every day.\n` }]);

  it('holds the shell and the overview with its charts, drawn for the widest page', () => {
    expect(html).toContain('<h1>Ladder Atlas</h1>');
    expect(html).toContain('class="selection-bar"');
    expect(html).toMatch(/class="view view-overview"/);
    const charts = html.match(/<section class="panel"[^>]*data-chart=""/g) ?? [];
    expect(charts.length).toBeGreaterThanOrEqual(2);
    expect(html).toMatch(/<svg[^>]*width="13\d\d"/);
    // Charts the live view draws after its first paint are drawn here: no placeholder is left.
    expect(html).not.toContain('data-chart-pending');
    // Every bundled company is in it, as the live overview shows them.
    for (const company of ['Dropbox', 'Octopus Deploy', 'Teleport']) expect(html).toContain(`<h3>${company}</h3>`);
  });

  it('writes ladder text as text: read back as HTML, a hostile title is the same text and makes no element', () => {
    const page = new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
    expect(page.querySelectorAll('img, script').length).toBe(0);
    const options = [...page.querySelectorAll('#sel-level option')].map((o) => o.textContent);
    expect(options).toContain(`L1 · ${HOSTILE}`);
    const titles = [...page.querySelectorAll('.level-buttons button')].map((b) => b.getAttribute('title'));
    expect(titles.some((t) => t?.startsWith(`${HOSTILE}: `))).toBe(true);
  });

  it('says nothing the build cannot know: the printed address note is left to the live page', () => {
    expect(html).toContain('<p class="print-only"></p>');
    expect(html).not.toContain('localhost');
  });
});
