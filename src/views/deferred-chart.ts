/**
 * Charts below the first screen of a view, drawn just after the view is on screen instead of with it: the part of the
 * view a reader sees first paints without waiting for them (on the first load and on every change of the selection).
 * The view gets a placeholder of the chart's height in the chart's place; the chart replaces it when the browser is
 * next idle, or as soon as the placeholder nears the viewport, whichever comes first. A placeholder no longer in the
 * page (the view was drawn again meanwhile) is never drawn. Exports, printing and tests draw pending charts at once
 * (`drawPendingCharts`), so what they see is the view as drawn in one go.
 */

const pending = new WeakMap<Element, () => Element>();

/** Marks a placeholder; `drawPendingCharts` and the export bar find them by it. */
const PENDING = 'data-chart-pending';

/** Draws one placeholder's chart in its place (once). */
function draw(placeholder: Element): Element | null {
  const make = pending.get(placeholder);
  if (!make) return null;
  pending.delete(placeholder);
  const chart = make();
  placeholder.replaceWith(chart);
  return chart;
}

let observer: IntersectionObserver | undefined;
function nearViewport(placeholder: Element): void {
  if (typeof IntersectionObserver === 'undefined') return;
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        observer?.unobserve(e.target);
        if (e.target.isConnected) draw(e.target);
      }
    },
    { rootMargin: '200px 0px' },
  );
  observer.observe(placeholder);
}

/** Runs `task` when the page is next idle (or after a short wait where the browser has no idle callbacks). */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 400 });
  else setTimeout(task, 50);
}

let printHooked = false;
/** Printing shows every chart: pending ones are drawn before the page is laid out for print. */
function hookPrint(): void {
  if (printHooked || typeof addEventListener !== 'function') return;
  printHooked = true;
  addEventListener('beforeprint', () => drawPendingCharts(document));
}

/** About the height of a Plot legend above its chart (a colour ramp is 50 px, a row of swatches less). */
export const LEGEND_HEIGHT = 50;

/**
 * A chart drawn after the view is on screen: `make` builds it (a Plot figure), `height` is the room it takes meanwhile
 * (so nothing below it moves when it arrives).
 */
export function drawnLater(make: () => Element, height: number): Element {
  if (typeof document === 'undefined' || typeof window === 'undefined') return make();
  const placeholder = document.createElement('div');
  placeholder.setAttribute(PENDING, '');
  placeholder.setAttribute('aria-busy', 'true');
  placeholder.style.height = `${Math.round(height)}px`;
  pending.set(placeholder, make);
  hookPrint();
  nearViewport(placeholder);
  whenIdle(() => {
    observer?.unobserve(placeholder);
    if (placeholder.isConnected) draw(placeholder);
  });
  return placeholder;
}

/** Whether `root` holds a chart not drawn yet. */
export function hasPendingChart(root: ParentNode): boolean {
  return root.querySelector(`[${PENDING}]`) !== null;
}

/** Draws every pending chart inside `root` now (before an export, printing). */
export function drawPendingCharts(root: ParentNode): void {
  for (const placeholder of root.querySelectorAll(`[${PENDING}]`)) {
    observer?.unobserve(placeholder);
    draw(placeholder);
  }
}
