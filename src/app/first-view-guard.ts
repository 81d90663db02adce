/**
 * Decides, before the page paints, whether the first view drawn at build time (index.html, see
 * build/first-view.ts) may be shown: it is the overview of the bundled ladders with nothing selected, so it is right only
 * on a visit to the page's plain address (or `?view=overview`) by a browser holding no uploaded ladders. Any other
 * visit sees "Loading the ladders…" until the app draws its own view, as without it. The chosen theme is applied at
 * once too, so a dark page does not flash light.
 *
 * Shipped as a classic script in <head> (a module script runs only after the page is parsed): the build writes
 * `guardFirstView` out as source and calls it with the keys below, so the function must not use anything from
 * outside its body.
 */
/** The class of the drawn first view's wrapper in index.html. */
export const FIRST_VIEW_CLASS = 'first-view-static';

/** Set on <html> when the drawn first view must not show (styles.css hides it and shows the loading note). */
export const NO_FIRST_VIEW_CLASS = 'no-first-view';

export interface GuardKeys {
  uploadsKey: string;
  themeKey: string;
  hideClass: string;
}

/** Returns whether the drawn first view shows; marks <html> when it does not. Unreadable storage hides it. */
export function guardFirstView(keys: GuardKeys, doc?: Document, search?: string, storage?: Pick<Storage, 'getItem'>): boolean {
  const html = (doc ?? document).documentElement;
  let shows = true;
  try {
    for (const [key, value] of new URLSearchParams(search ?? location.search)) if (key !== 'view' || value !== 'overview') shows = false;
    // Reading localStorage can throw (storage blocked): the catch below hides the drawn view.
    const store = storage ?? localStorage;
    if (store.getItem(keys.uploadsKey) !== null) shows = false;
    const theme = store.getItem(keys.themeKey);
    if (theme === 'light' || theme === 'dark') html.dataset.theme = theme;
  } catch {
    shows = false;
  }
  if (!shows) html.classList.add(keys.hideClass);
  return shows;
}

/**
 * The classic script's source: the function above, called with the keys (the build passes theme.ts's and
 * upload-hint.ts's own; this module imports nothing, so the page's entry stays small).
 */
export function guardScript(keys: Omit<GuardKeys, 'hideClass'>): string {
  return `(${guardFirstView.toString()})(${JSON.stringify({ ...keys, hideClass: NO_FIRST_VIEW_CLASS })});\n`;
}
