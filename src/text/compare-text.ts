/**
 * The one collation for ids, labels and names in outputs: UTF-16 code-unit order. Unlike `localeCompare`
 * it does not depend on the machine's locale, so a table sorts the same in every shell.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
