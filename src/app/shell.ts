import type { AtlasData, LadderData, View, ViewSelection } from '../views/index.ts';
import { VIEWS } from '../views/index.ts';
import { addExportBars } from './export-bar.ts';
import { escapeControls } from '../text/index.ts';
import { parseSelection, sameSelection, selectionUrl, updateSelection, type Selection } from './selection.ts';
import { currentSelection, selectionFromState, writeSelection } from './selection-state.ts';
import { selectionBar } from './selection-bar.ts';
import { themeToggle } from './theme.ts';

const VIEW_IDS = VIEWS.map((v) => v.id);
const DEFAULT_VIEW = VIEW_IDS[0];

/** Timing of the last render, read by the UI benchmark and the e2e tests. */
export interface RenderInfo {
  view: string;
  ms: number;
  count: number;
}

declare global {
  interface Window {
    __atlas?: { render: RenderInfo; ready: boolean };
  }
}

/**
 * A selection naming companies that are not here (a link to a ladder uploaded in another browser): what can be
 * shown instead, and a note saying why. Uploaded ladders stay in the browser they were added in.
 */
function knownOnly(selection: Selection, known: ReadonlySet<string>): { selection: Selection; note: string } {
  const missing: string[] = [];
  let next = selection;
  if (selection.company && !known.has(selection.company)) {
    missing.push(selection.company);
    next = updateSelection(next, { company: undefined, track: undefined, level: undefined, variant: undefined });
  }
  // Compared ladders are company ids or ladder keys (`company|track`); the diff's `to` is a level key.
  const companyOf = (c: string) => c.split('|')[0];
  const compared = selection.compare?.split(',') ?? [];
  if (compared.some((c) => !known.has(companyOf(c)))) {
    missing.push(...compared.map(companyOf).filter((c, i, all) => !known.has(c) && !missing.includes(c) && all.indexOf(c) === i));
    next = updateSelection(next, { compare: compared.filter((c) => known.has(companyOf(c))).join(',') || undefined });
  }
  if (selection.to && !known.has(companyOf(selection.to))) {
    if (!missing.includes(companyOf(selection.to))) missing.push(companyOf(selection.to));
    next = updateSelection(next, { to: undefined });
  }
  if (!missing.length) return { selection, note: '' };
  const names = missing.map((m) => `“${escapeControls(m.length > 60 ? `${m.slice(0, 60)}…` : m, { oneLine: true })}”`).join(', ');
  return {
    selection: next,
    note: `This link names ${names}, not among the ladders here. A ladder uploaded in another browser stays in that browser: add it here with “Add your ladder” to compare it. Showing what is here instead.`,
  };
}

/**
 * Mounts the dashboard: header, view tabs (real links), the selection bar and the view on screen.
 * Tab and selection changes push history entries, back/forward restore them. The selection's public part is in
 * the URL (paste it in a message); pasted text and the names of ladders uploaded in this browser (`uploaded`) are
 * kept in the history entry only, never in a URL, so no request carries them.
 * `ladders` is the ingested data (enough for the overview); `analyse` loads the classifier and analyses
 * and runs them, once: on the first view that needs them, or right after the first view is painted.
 */
export function mountShell(root: HTMLElement, ladders: LadderData, analyse: () => Promise<AtlasData>, { uploaded = new Set<string>() }: { uploaded?: ReadonlySet<string> } = {}): void {
  const known = new Set(ladders.set.levels.map((l) => l.company));
  const opened = knownOnly(currentSelection(DEFAULT_VIEW, VIEW_IDS), known);
  let selection = opened.selection;
  // A link holding pasted text or an uploaded ladder's name (an old link): the URL keeps only its public part from now on.
  writeSelection(selection, uploaded, { replace: true });
  const cache = new Map<string, View<any>>();
  let analysed: Promise<AtlasData> | undefined;
  let full: AtlasData | undefined;
  const analyseOnce = () =>
    (analysed ??= analyse().then((data) => {
      full = data;
      bar.setTaxonomy(data.taxonomy);
      bar.update(selection);
      return data;
    }));
  let renderToken = 0;
  const status = { render: { view: '', ms: 0, count: 0 }, ready: false };
  window.__atlas = status;

  const nav = document.createElement('nav');
  nav.setAttribute('aria-label', 'Views');
  const tabList = document.createElement('ul');
  nav.append(tabList);
  const links = VIEWS.map((v) => {
    const a = document.createElement('a');
    a.textContent = v.label;
    a.dataset.view = v.id;
    a.addEventListener('click', (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate({ view: v.id });
    });
    const li = document.createElement('li');
    li.append(a);
    tabList.append(li);
    return a;
  });

  const bar = selectionBar(ladders, (patch) => navigate(patch));
  const main = document.createElement('main');
  main.id = 'main';
  main.tabIndex = -1;
  const header = document.createElement('header');
  header.className = 'top';
  const title = document.createElement('h1');
  title.textContent = 'Ladder Atlas';
  const tagline = document.createElement('p');
  tagline.className = 'tagline';
  tagline.textContent = 'Career ladders compared statement by statement on one competency taxonomy and one 1–7 level scale.';
  const printNote = document.createElement('p');
  printNote.className = 'print-only';
  header.append(title, tagline, notebookLinks(), themeToggle(), printNote);
  const skip = document.createElement('a');
  skip.href = '#main';
  skip.className = 'skip-link';
  skip.textContent = 'Skip to content';
  const host = document.createElement('div');
  host.className = 'view-host';
  const linkNote = document.createElement('p');
  linkNote.className = 'link-note';
  linkNote.setAttribute('role', 'note');
  linkNote.textContent = opened.note;
  main.append(bar.element, ...(opened.note ? [linkNote] : []), host);
  root.replaceChildren(skip, header, nav, main);
  // The view's width as of the last layout, kept by a ResizeObserver (it reports after layout): reading clientWidth in
  // the middle of a change would lay the page out first, only to lay it out again once the new view is in.
  let laidOutWidth: number | undefined;
  if (typeof ResizeObserver === 'function') new ResizeObserver(() => (laidOutWidth = main.clientWidth)).observe(main);

  // The history entry of a change is written when the page is next idle, once the changed view is painted: Chromium's
  // pushState took 1–16 ms (median about 7) of the 50 a level change may take, and the address bar showing the new URL
  // a frame later is no loss. A change that comes before it is written first writes the one before (each keeps its own
  // entry).
  let unwritten: (() => void) | undefined;
  const writeNow = () => {
    const write = unwritten;
    unwritten = undefined;
    write?.();
  };

  function navigate(patch: Partial<Selection>, options: { replace?: boolean; render?: boolean } = {}): void {
    const next = updateSelection(selection, patch);
    if (sameSelection(next, selection)) return;
    writeNow();
    selection = next;
    unwritten = () => writeSelection(next, uploaded, { replace: options.replace });
    // When the page is next idle (once the changed view is painted), within a quarter second at the latest.
    if (typeof requestIdleCallback === 'function') requestIdleCallback(writeNow, { timeout: 250 });
    else setTimeout(writeNow, 0);
    linkNote.remove();
    if (options.render === false) syncChrome();
    else void render();
  }

  function syncChrome(): void {
    for (const a of links) {
      const view = a.dataset.view ?? DEFAULT_VIEW;
      a.href = selectionUrl({ ...selection, view }, uploaded);
      if (view === selection.view) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    bar.update(selection);
    const label = VIEWS.find((v) => v.id === selection.view)?.label ?? '';
    document.title = `${label} · Ladder Atlas`;
    const chosen = [selection.company, selection.track, selection.level, selection.variant, selection.competency].filter(Boolean).join(' · ');
    // The URL the change writes (it may not be in the address bar yet).
    printNote.textContent = `${label}${chosen ? ` — selection: ${chosen}` : ''}. ${new URL(selectionUrl(selection, uploaded), location.href).href}`;
  }

  async function render(): Promise<void> {
    const token = ++renderToken;
    syncChrome();
    const entry = VIEWS.find((v) => v.id === selection.view) ?? VIEWS[0];
    let view = cache.get(entry.id);
    if (!view || (entry.needs === 'analyses' && !full)) {
      main.setAttribute('aria-busy', 'true');
      const [loaded] = await Promise.all([entry.load(), entry.needs === 'analyses' ? analyseOnce() : null]);
      view = loaded;
      cache.set(entry.id, loaded);
      if (token !== renderToken) return;
    }
    const data: LadderData = full ?? ladders;
    if (status.render.count === 0) performance.mark('atlas:first-view-code');
    const started = performance.now();
    const { view: _view, ...picked } = selection;
    const viewSelection: ViewSelection = picked;
    const width = Math.max(300, (laidOutWidth ??= main.clientWidth) - 34);
    let element: Element;
    try {
      element = view(data, { width, selection: viewSelection, onSelect: (p, o) => navigate(p, o) });
    } catch (error) {
      // One broken view must not take the others down: say what failed, keep the tabs working.
      console.error(error);
      element = document.createElement('p');
      element.className = 'fatal';
      element.setAttribute('role', 'alert');
      element.textContent = `This view could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
    }
    // A view may show the new selection in the element already on screen (only the parts that changed are new): it
    // stays in place, so that Blink lays out and paints those parts, not the whole view again.
    if (host.firstChild !== element || host.childNodes.length !== 1) host.replaceChildren(element);
    // Export bars name the selection in their files: the bars of a view drawn before are replaced.
    for (const old of host.querySelectorAll('.export-bar')) old.remove();
    addExportBars(host, { ...viewSelection });
    main.removeAttribute('aria-busy');
    status.render = { view: entry.id, ms: performance.now() - started, count: status.render.count + 1 };
    status.ready = true;
    if (status.render.count === 1) {
      performance.mark('atlas:first-view');
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          performance.mark('atlas:first-view-painted');
          setTimeout(() => void analyseOnce(), 0);
        }),
      );
    }
    main.dispatchEvent(new CustomEvent('atlas:rendered', { bubbles: true, detail: status.render }));
  }

  // Links inside views (`?view=…`) open in place, like the tabs.
  host.addEventListener('click', (event) => {
    const link = (event.target as Element).closest?.('a[href^="?view="]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const next = parseSelection(link.getAttribute('href') ?? '', DEFAULT_VIEW, VIEW_IDS);
    navigate({ view: next.view, company: next.company, level: next.level, competency: next.competency, q: next.q, text: next.text, compare: next.compare });
  });

  addEventListener('popstate', (event) => {
    // Back or forward before the last change was written: the entry left is the one shown, the change is dropped.
    unwritten = undefined;
    selection = selectionFromState((event as PopStateEvent).state, DEFAULT_VIEW, VIEW_IDS) ?? parseSelection(location.search, DEFAULT_VIEW, VIEW_IDS);
    void render();
  });

  let lastWidth = main.clientWidth;
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (Math.abs(main.clientWidth - lastWidth) < 24) return;
      lastWidth = main.clientWidth;
      void render();
    }, 150);
  });

  void render();
}

const NOTEBOOKS = [
  ['methodology', 'Methodology'],
  ['findings', 'Findings'],
  ['benchmark-your-ladder', 'Benchmark your ladder'],
] as const;

/**
 * Links to the notebooks that explain and re-run the comparison. `npm run build` puts them in
 * `notebooks/` beside the app; the dev server has no built copies, so it shows none (and tells the developer on the console).
 */
function notebookLinks(): HTMLElement {
  const nav = document.createElement('nav');
  nav.className = 'notebook-links';
  nav.setAttribute('aria-label', 'Notebooks');
  const label = document.createElement('span');
  label.textContent = 'Notebooks:';
  nav.append(label);
  if (import.meta.env?.DEV) {
    // The dev server has no built notebooks: no links, and no developer instructions in the page people read.
    console.info('Notebooks are not served by the dev server: `npm run notebooks:dev` opens them live; `npm run build` builds them beside the app.');
    nav.hidden = true;
    return nav;
  }
  for (const [file, name] of NOTEBOOKS) {
    const a = document.createElement('a');
    a.href = `./notebooks/${file}.html`;
    a.textContent = name;
    nav.append(' ', a);
  }
  return nav;
}
