import { drawnLater } from './deferred-chart.ts';
import { perData } from './per-data.ts';

/**
 * Charts that a change of the selection leaves as they were (a chart of every company, whichever level is chosen):
 * the view draws again on every change, but such a chart is drawn once and the same element goes into the new view,
 * instead of Plot building an identical one. Kept per data object and chart, for the inputs it was drawn from (`key`:
 * the width and whatever else it shows); any other key draws anew. Only the last drawing of each chart is kept.
 * The element moves into the new view: the view it leaves is the one on screen being replaced.
 */
const drawn = perData((_data: object) => new Map<string, { key: string; element: Element }>());

/**
 * The chart `draw` makes, or the same element as last time for the same `data`, `chart` and `key`. With `later` (the
 * room it takes), a chart not drawn yet is drawn after the view is on screen (see `drawnLater`).
 */
export function reusedChart(data: object, chart: string, key: string, draw: () => Element, { later }: { later?: number } = {}): Element {
  const charts = drawn(data);
  const last = charts.get(chart);
  if (last && last.key === key) return last.element;
  const make = () => {
    const element = draw();
    charts.set(chart, { key, element });
    return element;
  };
  return later === undefined ? make() : drawnLater(make, later);
}
