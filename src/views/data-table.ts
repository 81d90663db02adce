import { compareNatural } from '../text/index.ts';
import { h } from './dom.ts';

export interface Column<T> {
  key: keyof T & string;
  label: string;
  /** Cell text (default: the value as a string). */
  format?: (value: T[keyof T], row: T) => string;
  /** Preferred width, CSS length. */
  width?: string;
  numeric?: boolean;
}

export interface DataTableOptions<T> {
  columns: Column<T>[];
  /** Accessible name of the table. */
  caption: string;
  /** Rows shown before "Show more" (default 50). */
  page?: number;
}

/** The table element, with `setRows` to show other rows (filtered) keeping the sort and page the user chose. */
export type DataTable<T> = HTMLElement & { setRows(rows: readonly T[]): void };

/**
 * A sortable table that renders cells as text only. Column headers are buttons (keyboard operable,
 * `aria-sort` announced); long tables grow page by page.
 */
export function dataTable<T extends object>(rows: readonly T[], { columns, caption, page = 50 }: DataTableOptions<T>): DataTable<T> {
  let sortKey: (keyof T & string) | null = null;
  let descending = false;
  let limit = page;
  const text = (c: Column<T>, row: T) => {
    const value = row[c.key];
    if (c.format) return c.format(value, row);
    return value === null || value === undefined ? '' : String(value);
  };

  const tbody = h('tbody');
  const headerCells = columns.map((c) => {
    const button = h('button', { type: 'button', class: 'sort' }, c.label);
    const th = h('th', { scope: 'col', style: c.width ? `width:${c.width}` : undefined }, button);
    button.addEventListener('click', () => {
      descending = sortKey === c.key ? !descending : false;
      sortKey = c.key;
      draw();
    });
    return th;
  });
  const more = h('button', { type: 'button', class: 'more' }, '');
  more.addEventListener('click', () => ((limit += page * 4), draw()));
  const table = h('table', { class: 'data-table' }, h('caption', { class: 'visually-hidden' }, caption), h('thead', null, h('tr', null, ...headerCells)), tbody);

  function sorted(): readonly T[] {
    if (!sortKey) return rows;
    const key = sortKey;
    const sign = descending ? -1 : 1;
    return [...rows].sort((a, b) => {
      const x = a[key];
      const y = b[key];
      if (x === y) return 0;
      if (x === null || x === undefined || x === '') return 1;
      if (y === null || y === undefined || y === '') return -1;
      return (typeof x === 'number' && typeof y === 'number' ? x - y : compareNatural(String(x), String(y))) * sign;
    });
  }

  function draw(): void {
    headerCells.forEach((th, i) => {
      if (columns[i].key === sortKey) th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    });
    const shown = sorted().slice(0, limit);
    tbody.replaceChildren(
      ...(shown.length
        ? shown.map((row) => h('tr', null, ...columns.map((c) => h('td', c.numeric ? { class: 'num' } : null, text(c, row)))))
        : [h('tr', null, h('td', { colspan: columns.length, class: 'muted' }, 'No rows.'))]),
    );
    more.hidden = rows.length <= limit;
    more.textContent = `Show more (${rows.length - Math.min(limit, rows.length)} not shown)`;
  }
  draw();
  return Object.assign(h('div', { class: 'table-wrap' }, table, more), {
    setRows(next: readonly T[]) {
      rows = next;
      draw();
    },
  });
}
