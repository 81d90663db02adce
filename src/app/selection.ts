import type { ViewSelection } from '../views/index.ts';

/** The linked selection shared by every view, plus the view on screen; it lives in the URL query string. */
export interface Selection extends ViewSelection {
  view: string;
}

const KEYS = ['company', 'track', 'level', 'variant', 'competency', 'q', 'text', 'compare', 'to'] as const;

/** Reads a selection from a query string (`?view=coverage&company=octopus`); unknown keys are ignored. */
export function parseSelection(search: string, defaultView: string, views: readonly string[]): Selection {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const selection: Selection = { view: view && views.includes(view) ? view : defaultView };
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) selection[key] = value;
  }
  return selection;
}

/**
 * The part of a selection a URL may carry. A URL is sent to the host with every page load (a reload after adding
 * a ladder, a link opened in a new tab) and gets shared, logged and synced, so it never holds the user's own
 * content: pasted text, and the company, track, level and variant of a ladder uploaded in this browser (its name is
 * the user's). Those stay in the browser (the history entry's state) — see `selection-state.ts`.
 */
export function publicSelection(selection: Selection, uploaded: ReadonlySet<string> = new Set()): Selection {
  const out: Selection = { ...selection };
  delete out.text;
  if (out.company && uploaded.has(out.company)) for (const key of ['company', 'track', 'level', 'variant'] as const) delete out[key];
  if (out.to && uploaded.has(out.to.split('|')[0])) delete out.to;
  if (out.compare) {
    const shown = out.compare.split(',').filter((c) => !uploaded.has(c.split('|')[0])).join(',');
    if (shown) out.compare = shown;
    else delete out.compare;
  }
  return out;
}

/** The URL query of a selection: its public part only (see {@link publicSelection}). */
export function selectionUrl(selection: Selection, uploaded?: ReadonlySet<string>): string {
  return formatSelection(publicSelection(selection, uploaded));
}

/** Writes every field of a selection as a query string in a stable key order; empty fields are left out. Not for URLs: see {@link selectionUrl}. */
export function formatSelection(selection: Selection): string {
  const params = new URLSearchParams();
  params.set('view', selection.view);
  for (const key of KEYS) {
    const value = selection[key];
    if (value) params.set(key, value);
  }
  return '?' + params.toString();
}

/**
 * Applies a patch; choosing another company clears a level that belonged to the old one, and choosing a
 * level replaces the track and variant of the previous one.
 */
export function updateSelection(selection: Selection, patch: Partial<Selection>): Selection {
  const next: Selection = { ...selection, ...patch };
  if ('company' in patch && patch.company !== selection.company && !('level' in patch)) delete next.level;
  if (!('track' in patch) && ('level' in patch || 'company' in patch)) delete next.track;
  if (!('variant' in patch) && ('level' in patch || 'company' in patch)) delete next.variant;
  if (!next.level) delete next.variant;
  if (!('to' in patch) && ('level' in patch || 'company' in patch || 'track' in patch)) delete next.to;
  for (const key of KEYS) if (!next[key]) delete next[key];
  return next;
}

/** True when two selections would produce the same URL. */
export function sameSelection(a: Selection, b: Selection): boolean {
  return formatSelection(a) === formatSelection(b);
}
