import * as Plot from '@observablehq/plot';

/** Font size of the step names at the top, in pixels (Plot's `lineWidth` counts in ems of it). */
const NAME_FONT_SIZE = 10;

/**
 * X-axis marks for the common 1–7 scale: step numbers at the bottom, and at the top the step names
 * wrapped to the width of their own step (names come from data/scale-cues.json), so that neighbouring
 * names do not run into each other. `marginLeft` and `marginRight` are the chart's.
 */
export function scaleAxis(
  names: Map<number, string>,
  width: number,
  { label = 'common scale →', marginLeft, marginRight = 20 }: { label?: string; marginLeft: number; marginRight?: number },
): Plot.Markish[] {
  const steps = [1, 2, 3, 4, 5, 6, 7];
  // The x domain spans seven steps (0.5–7.5); a name may use about nine tenths of its step.
  const stepWidth = (width - marginLeft - marginRight) / 7;
  const lineWidth = Math.max(6, (0.9 * stepWidth) / NAME_FONT_SIZE);
  return [
    Plot.axisX({ ticks: steps, label, tickFormat: (d: number) => String(d) }),
    Plot.axisX({ anchor: 'top', ticks: steps, label: null, ariaLabel: 'common scale step names', tickSize: 0, lineWidth, fontSize: NAME_FONT_SIZE, tickFormat: (d: number) => names.get(d) ?? '' }),
    Plot.gridX({ ticks: steps }),
  ];
}

/** X scale options for the common scale (a little room either side of 1 and 7). */
export const SCALE_X = { domain: [0.5, 7.5] as [number, number] };

/** Charts on the common scale need room for seven steps: below this width they scroll inside their panel. */
export function scaleChartWidth(width: number): number {
  return Math.max(width, 640);
}
