/**
 * Clicking a mark that shows a tip selects its datum: Plot sets `figure.value` to the datum under the
 * pointer (for marks with `tip`), and emits `input` when it changes.
 */
export function onMarkClick<T>(chart: Element, select: (datum: T) => void): Element {
  chart.addEventListener('click', () => {
    const value = (chart as Element & { value?: T }).value;
    if (value !== undefined && value !== null) select(value);
  });
  (chart as HTMLElement).style.cursor = 'pointer';
  return chart;
}
