import { drawPendingCharts, hasPendingChart, rowsOf } from '../views/index.ts';
import { downloadBlob, svgText, svgToPng } from './download.ts';
import { recordsToCsv } from '../format/index.ts';
import { exportFileName, toJSON } from './table-export.ts';

/** A panel's charts: its SVG elements that are not inside another SVG. */
function charts(panel: Element): SVGSVGElement[] {
  return [...panel.querySelectorAll<SVGSVGElement>(':scope svg')].filter((svg) => !svg.parentElement?.closest('svg'));
}

/**
 * The main chart of a panel: its largest SVG on screen (legends are small), else its first. Measured when a
 * button is pressed, not when the bar is built: measuring then would force a layout in the middle of drawing a view.
 * A chart the view draws after it is on screen is drawn now if it has not been yet.
 */
function mainChart(panel: Element): SVGSVGElement | null {
  drawPendingCharts(panel);
  let best: SVGSVGElement | null = null;
  let area = 0;
  for (const svg of charts(panel)) {
    const box = svg.getBoundingClientRect();
    if (box.width * box.height > area) (best = svg), (area = box.width * box.height);
  }
  return best ?? charts(panel)[0] ?? null;
}

function button(label: string, title: string, action: () => void | Promise<void>): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.title = title;
  b.setAttribute('aria-label', title);
  b.addEventListener('click', () => void action());
  return b;
}

/**
 * Adds CSV/JSON/Arrow buttons to every panel with rows and SVG/PNG buttons to every panel with a chart;
 * file names carry the selection.
 */
export function addExportBars(root: Element, selection: Record<string, string | undefined> = {}): void {
  for (const panel of root.querySelectorAll('[data-export]')) {
    const name = exportFileName(panel.getAttribute('data-export') ?? 'export', selection);
    const heading = panel.querySelector('h2')?.textContent ?? name;
    const bar = document.createElement('div');
    bar.className = 'export-bar';
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', `Export ${heading}`);
    if (rowsOf(panel)?.length) {
      bar.append(
        button('CSV', `Download ${heading} as CSV`, () => downloadBlob(new Blob([recordsToCsv(rowsOf(panel) ?? [])], { type: 'text/csv;charset=utf-8' }), `${name}.csv`)),
        button('JSON', `Download ${heading} as JSON`, () => downloadBlob(new Blob([toJSON(rowsOf(panel) ?? [])], { type: 'application/json' }), `${name}.json`)),
        // Arrow IPC for pandas, polars, DuckDB and R (typed columns); arquero loads only when asked for.
        button('Arrow', `Download ${heading} as Arrow IPC`, async () => {
          const { recordsToArrow } = await import('../format/arrow.ts');
          downloadBlob(new Blob([recordsToArrow(rowsOf(panel) ?? []) as Uint8Array<ArrayBuffer>], { type: 'application/vnd.apache.arrow.stream' }), `${name}.arrow`);
        }),
      );
    }
    if (panel.hasAttribute('data-chart') && (hasPendingChart(panel) || charts(panel).length)) {
      bar.append(
        button('SVG', `Download ${heading} chart as SVG`, () => {
          const svg = mainChart(panel);
          if (svg) downloadBlob(new Blob([svgText(svg)], { type: 'image/svg+xml' }), `${name}.svg`);
        }),
        button('PNG', `Download ${heading} chart as PNG`, async () => {
          const svg = mainChart(panel);
          if (svg) downloadBlob(await svgToPng(svg), `${name}.png`);
        }),
      );
    }
    if (bar.childElementCount) panel.querySelector('h2')?.after(bar);
  }
}
