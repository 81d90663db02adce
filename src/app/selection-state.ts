/**
 * Where the selection lives: its public part in the URL, the whole of it in the history entry's state, which the
 * browser keeps in this tab over back/forward and reloads and never sends anywhere. Pasted text and an uploaded
 * ladder's name so survive a reload without entering a URL.
 */
import { formatSelection, parseSelection, selectionUrl, type Selection } from './selection.ts';

interface SelectionState {
  selection: Selection;
}

/** The selection kept in a history state (ours, or from an older version of the app: re-read like a query), or null. */
export function selectionFromState(state: unknown, defaultView: string, views: readonly string[]): Selection | null {
  const kept = (state as Partial<SelectionState> | null)?.selection;
  if (!kept || typeof kept !== 'object' || typeof kept.view !== 'string') return null;
  const fields = Object.fromEntries(Object.entries(kept).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return parseSelection(formatSelection(fields as unknown as Selection), defaultView, views);
}

/** The selection of the page as loaded: the history entry's own (a reload, back/forward), else the URL's (a link). */
export function currentSelection(defaultView: string, views: readonly string[]): Selection {
  return selectionFromState(history.state, defaultView, views) ?? parseSelection(location.search, defaultView, views);
}

/** Records a selection in the history (a new entry, or the current one replaced): the URL gets its public part only. */
export function writeSelection(selection: Selection, uploaded: ReadonlySet<string>, { replace = false }: { replace?: boolean } = {}): void {
  const state: SelectionState = { selection };
  if (replace) history.replaceState(state, '', selectionUrl(selection, uploaded));
  else history.pushState(state, '', selectionUrl(selection, uploaded));
}
