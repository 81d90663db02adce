/** Serialises table rows for download as JSON (CSV: the CLI's writer, `recordsToCsv`) and names the files. */
import { slug } from '../text/index.ts';

/** Pretty-printed JSON array of the rows. */
export function toJSON(rows: readonly Record<string, unknown>[]): string {
  return JSON.stringify(rows, null, 2) + '\n';
}

/** `coverage-octopus-l3`: the panel's export name followed by the selection it shows. */
export function exportFileName(name: string, selection: Record<string, string | undefined>): string {
  const parts = ['company', 'track', 'level', 'variant', 'competency'].map((k) => selection[k]).filter((v): v is string => !!v);
  return [name, ...parts.map(slug)].filter(Boolean).join('-');
}
