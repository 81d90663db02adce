import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { guardFirstView, guardScript, NO_FIRST_VIEW_CLASS } from '../../src/app/first-view-guard.ts';

const KEYS = { uploadsKey: 'ladder-atlas-has-uploads', themeKey: 'ladder-atlas-theme', hideClass: NO_FIRST_VIEW_CLASS };

/** Just the parts of a document the guard touches. */
function fakeDocument() {
  const classes = new Set<string>();
  const documentElement = { dataset: {} as Record<string, string>, classList: { add: (c: string) => classes.add(c), contains: (c: string) => classes.has(c) } };
  return { doc: { documentElement } as unknown as Document, classes, dataset: documentElement.dataset };
}
const storage = (values: Record<string, string>) => ({ getItem: (k: string) => values[k] ?? null });

describe('guardFirstView', () => {
  it('shows the drawn view on the plain address and on ?view=overview, with nothing stored', () => {
    for (const search of ['', '?', '?view=overview']) {
      const { doc, classes } = fakeDocument();
      expect(guardFirstView(KEYS, doc, search, storage({}))).toBe(true);
      expect(classes.has(NO_FIRST_VIEW_CLASS)).toBe(false);
    }
  });

  it('hides it for any other view or any selection in the address', () => {
    for (const search of ['?view=map', '?view=overview&level=dropbox%7CIC3', '?company=teleport', '?view=overview&view=map', '?text=x']) {
      const { doc, classes } = fakeDocument();
      expect(guardFirstView(KEYS, doc, search, storage({}))).toBe(false);
      expect(classes.has(NO_FIRST_VIEW_CLASS)).toBe(true);
    }
  });

  it('hides it when the browser holds uploaded ladders, or when storage cannot be read', () => {
    const stored = fakeDocument();
    expect(guardFirstView(KEYS, stored.doc, '', storage({ [KEYS.uploadsKey]: '1' }))).toBe(false);
    expect(stored.classes.has(NO_FIRST_VIEW_CLASS)).toBe(true);
    const blocked = fakeDocument();
    const throwing = { getItem: () => { throw new Error('SecurityError'); } };
    expect(guardFirstView(KEYS, blocked.doc, '', throwing)).toBe(false);
  });

  it('applies a chosen light or dark theme at once, and ignores anything else', () => {
    const dark = fakeDocument();
    guardFirstView(KEYS, dark.doc, '', storage({ [KEYS.themeKey]: 'dark' }));
    expect(dark.dataset.theme).toBe('dark');
    const odd = fakeDocument();
    guardFirstView(KEYS, odd.doc, '', storage({ [KEYS.themeKey]: '"><script>' }));
    expect(odd.dataset.theme).toBeUndefined();
  });

  it('ships as a self-contained classic script that runs on the page globals', () => {
    const source = guardScript({ uploadsKey: KEYS.uploadsKey, themeKey: KEYS.themeKey });
    const run = (search: string, values: Record<string, string>) => {
      const { doc, classes, dataset } = fakeDocument();
      vm.runInNewContext(source, { document: doc, location: { search }, localStorage: storage(values), URLSearchParams });
      return { hidden: classes.has(NO_FIRST_VIEW_CLASS), theme: dataset.theme };
    };
    expect(run('', {})).toEqual({ hidden: false, theme: undefined });
    expect(run('?view=gaps', { [KEYS.themeKey]: 'light' })).toEqual({ hidden: true, theme: 'light' });
    expect(run('', { [KEYS.uploadsKey]: '1' }).hidden).toBe(true);
  });
});
