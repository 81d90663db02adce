/**
 * Marks parts of a view as exportable. The app shell finds them and adds CSV/JSON buttons for tables
 * and SVG/PNG buttons for charts; views stay free of download code.
 */
export type Rows = Record<string, unknown>[];

const tables = new WeakMap<Element, () => Rows>();

/** Registers the rows behind a panel (a function, so filtered tables export what is shown). */
export function exportRows(panel: Element, name: string, rows: () => Rows): void {
  panel.setAttribute('data-export', name);
  tables.set(panel, rows);
}

/** The rows registered for a panel, if any. */
export function rowsOf(panel: Element): Rows | undefined {
  return tables.get(panel)?.();
}

/** Marks a panel whose charts (its `svg` elements) can be exported without rows. */
export function exportChart(panel: Element, name: string): void {
  panel.setAttribute('data-export', name);
}
