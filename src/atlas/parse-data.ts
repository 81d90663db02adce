import type { DataFile } from './data-bundle.ts';

const parsed = new WeakMap<DataFile, Map<unknown, unknown>>();

/** A data file through its parser, once per file object and parser (a bundle is reused across runs). */
export function parseOnce<T>(file: DataFile, parse: (content: unknown, source: string) => T): T {
  let byParser = parsed.get(file);
  if (!byParser) parsed.set(file, (byParser = new Map()));
  if (!byParser.has(parse)) byParser.set(parse, parse(file.content, file.name));
  return byParser.get(parse) as T;
}
