import { guessDelimiter, splitCells } from './delimited-rows.ts';
import { splitLines } from './draft.ts';
import { findHeaderLine } from './read-grid.ts';
import { isLongHeader } from './read-long-csv.ts';

export type Shape = 'markdown' | 'html' | 'grid' | 'long-csv' | 'empty' | 'unknown';

const HTML_START = /^\s*(?:<!--[^]*?-->\s*)*<(!doctype\s+html|html|head|body)\b/i;
/** A Setext heading underline (`Title` over `===` or `---`). */
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const TAG_LINE = /^\s*<\/?[a-z][a-z0-9-]*(\s|\/?>|$)/i;

/** An HTML page: it opens as one (doctype, `<html>`, `<head>`, `<body>`) or most of its lines are tags. */
export function isHtml(text: string, nonBlank: string[]): boolean {
  if (HTML_START.test(text.slice(0, 4096))) return true;
  if (!TAG_LINE.test(nonBlank[0] ?? '')) return false;
  return nonBlank.filter((l) => TAG_LINE.test(l)).length >= 0.6 * nonBlank.length;
}

/**
 * Tells a file's shape from its content alone: HTML page, long-format CSV, level × skill grid, Markdown page.
 * `lines`: the text's lines (`splitLines`), when the caller has them already.
 */
export function detectShape(text: string, lines: string[] = splitLines(text)): Shape {
  const nonBlank = lines.filter((l) => l.trim());
  if (nonBlank.length === 0) return 'empty';
  if (isHtml(text, nonBlank)) return 'html';
  const first = lines.find((l) => l.trim()) ?? '';
  const firstCells = splitCells(first, guessDelimiter(first));
  if (firstCells.length >= 2 && isLongHeader(firstCells)) return 'long-csv';
  const h = findHeaderLine(lines);
  if (h >= 0) {
    const header = lines[h];
    const d = header.split('\t').length >= 3 ? '\t' : guessDelimiter(header);
    const cells = d === '|' ? header.trim().replace(/^\||\|$/g, '').split('|') : splitCells(header, d);
    if (isLongHeader(cells)) return 'long-csv';
    const rest = lines.slice(h + 1).filter((l) => l.trim());
    const tabular = rest.filter((l) => l.includes(d)).length;
    const pipeTableOnly = d === '|' && rest.length > 0 && tabular === rest.length;
    const shortHeader = cells.every((c) => c.trim().length > 0 && c.trim().length <= 60);
    const markdownAbove = lines.slice(0, h).filter((l) => l.trim() && !/^\s*#/.test(l)).length;
    if (pipeTableOnly && shortHeader && markdownAbove <= 2) return 'grid';
    if (shortHeader && markdownAbove <= 2 && rest.length > 0 && tabular / rest.length >= 0.5 && (d === '\t' || !/^\s*([-*+]|#)/.test(header))) return 'grid';
  }
  if (nonBlank.some((l) => /^ {0,3}#{1,6}\s+\S/.test(l))) return 'markdown';
  if (lines.some((l, i) => i > 0 && SETEXT.test(l) && /\S/.test(lines[i - 1]) && !/^\s*([-*+]|\d+[.)])\s/.test(lines[i - 1]))) return 'markdown';
  if (nonBlank.some((l) => /^---\s*$/.test(l)) && nonBlank.some((l) => /^\s*([-*+]|\d+\.)\s+\S/.test(l))) return 'markdown';
  return 'unknown';
}
