import * as Plot from '@observablehq/plot';

/**
 * X-axis marks for the common 1–7 scale: step numbers at the bottom, and at the top the step names
 * wrapped to fit (names come from data/scale-cues.json).
 */
export function scaleAxis(names: Map<number, string>, width: number, label = 'common scale →'): Plot.Markish[] {
  const steps = [1, 2, 3, 4, 5, 6, 7];
  const stepWidth = (width - 200) / 7;
  return [
    Plot.axisX({ ticks: steps, label, tickFormat: (d: number) => String(d) }),
    Plot.axisX({ anchor: 'top', ticks: steps, label: null, tickSize: 0, lineWidth: Math.max(6, stepWidth / 6.5), fontSize: 10, tickFormat: (d: number) => names.get(d) ?? '' }),
    Plot.gridX({ ticks: steps }),
  ];
}

/** X scale options for the common scale (a little room either side of 1 and 7). */
export const SCALE_X = { domain: [0.5, 7.5] as [number, number] };

/** Charts on the common scale need room for seven steps: below this width they scroll inside their panel. */
export function scaleChartWidth(width: number): number {
  return Math.max(width, 640);
}
