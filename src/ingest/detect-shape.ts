import { guessDelimiter } from './delimited-rows.ts';
import { splitLines } from './draft.ts';
import { findHeaderLine } from './read-grid.ts';
import { isLongHeader } from './read-long-csv.ts';

export type Shape = 'markdown' | 'grid' | 'long-csv' | 'empty' | 'unknown';

/** Tells a file's shape from its content alone: long-format CSV, level × skill grid, Markdown page. */
export function detectShape(text: string): Shape {
  const lines = splitLines(text);
  const nonBlank = lines.filter((l) => l.trim());
  if (nonBlank.length === 0) return 'empty';
  const first = lines.find((l) => l.trim()) ?? '';
  const firstCells = first.split(guessDelimiter(first));
  if (firstCells.length >= 2 && isLongHeader(firstCells)) return 'long-csv';
  const h = findHeaderLine(lines);
  if (h >= 0) {
    const header = lines[h];
    const d = header.split('\t').length >= 3 ? '\t' : guessDelimiter(header);
    const cells = d === '|' ? header.trim().replace(/^\||\|$/g, '').split('|') : header.split(d);
    if (isLongHeader(cells)) return 'long-csv';
    const rest = lines.slice(h + 1).filter((l) => l.trim());
    const tabular = rest.filter((l) => l.split(d).length >= 2).length;
    const pipeTableOnly = d === '|' && rest.length > 0 && tabular === rest.length;
    const shortHeader = cells.every((c) => c.trim().length > 0 && c.trim().length <= 60);
    const markdownAbove = lines.slice(0, h).filter((l) => l.trim() && !/^\s*#/.test(l)).length;
    if (pipeTableOnly && shortHeader && markdownAbove <= 2) return 'grid';
    if (shortHeader && markdownAbove <= 2 && rest.length > 0 && tabular / rest.length >= 0.5 && (d === '\t' || !/^\s*([-*+]|#)/.test(header))) return 'grid';
  }
  if (nonBlank.some((l) => /^ {0,3}#{1,6}\s+\S/.test(l))) return 'markdown';
  if (nonBlank.some((l) => /^---\s*$/.test(l)) && nonBlank.some((l) => /^\s*([-*+]|\d+\.)\s+\S/.test(l))) return 'markdown';
  return 'unknown';
}
