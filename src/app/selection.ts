import type { ViewSelection } from '../views/index.ts';

/** The linked selection shared by every view, plus the view on screen; it lives in the URL query string. */
export interface Selection extends ViewSelection {
  view: string;
}

const KEYS = ['company', 'track', 'level', 'variant', 'competency', 'q', 'text', 'compare'] as const;

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

/** Writes a selection as a query string in a stable key order; empty fields are left out. */
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
  for (const key of KEYS) if (!next[key]) delete next[key];
  return next;
}

/** True when two selections would produce the same URL. */
export function sameSelection(a: Selection, b: Selection): boolean {
  return formatSelection(a) === formatSelection(b);
}
