/**
 * Where a statement (or a problem) comes from, as people look it up: `file:line` in a text file,
 * `file:Skills!C4` in a workbook, `file:¶12` in a Word document. `short` keeps only the file name.
 */
export function sourceLabel(source: { file: string; line?: number; at?: string }, { short = false }: { short?: boolean } = {}): string {
  const file = short ? (source.file.split('/').pop() ?? source.file) : source.file;
  const place = source.at ?? source.line;
  return place === undefined ? file : `${file}:${place}`;
}
