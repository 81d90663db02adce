/**
 * The first view drawn at build time: the dashboard's shell and the overview of the bundled ladders, drawn by the same
 * code the page runs (mountShell, the overview view, Plot) in a DOM of jsdom's, and kept as HTML for index.html. The
 * page paints it with the HTML, before any script has run; the app then replaces it with the live view (see
 * first-view-guard.ts for when it is not shown at all).
 *
 * Ladder text reaches the page as the serialiser writes text nodes and attributes: escaped, never as markup.
 */
import { JSDOM } from 'jsdom';
import type { LadderSet } from '../../types.ts';

/**
 * The width the page's content has at its widest (#app's 1,400 px less its padding): charts are drawn for it and
 * scale down with the window (Plot's SVGs keep `max-width: 100%`), until the live view draws them for the real width.
 */
export const FIRST_VIEW_WIDTH = 1368;

/**
 * jsdom's window as the browser globals the app's modules read (`document`, `window`, `localStorage`, element
 * classes, `requestAnimationFrame`…): only names Node does not have itself. jsdom lays nothing out, so every
 * element reports `width` as its client width.
 */
function installGlobals(window: Window & typeof globalThis, width: number): void {
  const target = globalThis as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(window)) {
    if (name in target) continue;
    const value = (window as unknown as Record<string, unknown>)[name];
    target[name] = typeof value === 'function' && !/^[A-Z]/.test(name) ? value.bind(window) : value;
  }
  // Node has event classes of its own; jsdom's elements accept only jsdom's.
  for (const name of ['Event', 'CustomEvent', 'EventTarget'] as const) target[name] = window[name];
  // The window's own listeners (popstate, resize) live on its prototype, not the window itself.
  for (const name of ['addEventListener', 'removeEventListener', 'dispatchEvent'] as const) target[name] = window[name].bind(window);
  target.window = window;
  Object.defineProperty(window.HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
}

/**
 * The shell and the overview of `set` as the page's `#app` would hold them on a first visit (no selection, no uploads,
 * the automatic theme), as HTML. Runs in a process of its own: it installs browser globals.
 */
export async function renderFirstView(set: LadderSet, width = FIRST_VIEW_WIDTH): Promise<string> {
  const dom = new JSDOM('<!doctype html><html><head></head><body><div id="app"></div></body></html>', { url: 'http://localhost/', pretendToBeVisual: true });
  installGlobals(dom.window as unknown as Window & typeof globalThis, width);
  const { mountShell } = await import('../shell.ts');
  const { drawPendingCharts } = await import('../../views/deferred-chart.ts');
  const root = dom.window.document.getElementById('app')!;
  const rendered = new Promise((resolve) => root.addEventListener('atlas:rendered', resolve, { once: true }));
  // The analyses are never asked for: the overview draws from the ladders as read.
  mountShell(root, { set }, () => new Promise(() => {}));
  await rendered;
  // Charts the live view draws after its first paint (deferred-chart.ts) are part of the static page.
  drawPendingCharts(root);
  // The printed page's note names the page's address, which the build does not know: the live view writes it.
  for (const note of root.querySelectorAll('.print-only')) note.textContent = '';
  const html = root.innerHTML;
  dom.window.close();
  return html;
}
