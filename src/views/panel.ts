import { h, uid } from './dom.ts';
import { exportChart, exportRows, type Rows } from './exportable.ts';

export interface PanelOptions {
  title: string;
  /** The short "how to read this" text. */
  howTo: string;
  /** Name used for exported files (`coverage-heatmap.csv`). */
  name?: string;
  /** Rows behind the panel, exported as CSV/JSON. */
  rows?: () => Rows;
  /** Whether its charts are exported as SVG/PNG. */
  chart?: boolean;
}

/** A titled section with a "how to read this" note; optionally marked for export by the shell. */
export function panel(options: PanelOptions, ...body: (Node | string | null | undefined)[]): HTMLElement {
  const id = uid('panel');
  const section = h(
    'section',
    { class: 'panel', 'aria-labelledby': id },
    h('h2', { id }, options.title),
    h('p', { class: 'how-to' }, h('strong', null, 'How to read this: '), options.howTo),
    ...body,
  );
  if (options.name && options.rows) exportRows(section, options.name, options.rows);
  else if (options.name && options.chart) exportChart(section, options.name);
  if (options.chart) section.setAttribute('data-chart', '');
  return section;
}

/** A short note shown when an analysis the view needs is not available. */
export function pending(what: string): HTMLElement {
  return h('p', { class: 'pending' }, `${what} is not available in this build.`);
}
