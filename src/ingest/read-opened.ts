import { splitLines } from './draft.ts';
import type { IngestRules } from './ingest-rules.ts';
import { type OpenedDocx, paragraphOfLine } from './open-docx.ts';
import type { OpenedWorkbook } from './open-workbook.ts';
import type { FilePart } from './opened-file.ts';
import { readBlocks } from './read-blocks.ts';
import { readHtml } from './read-html.ts';
import { readWorkbook, type SheetPart } from './read-workbook.ts';

/** A file that could not be read at all: one skipped line and an error naming the file. */
export function refusal(file: string, message: string): FilePart {
  return {
    shape: 'unknown', levels: [], statements: [],
    lines: [{ line: 1, status: 'skipped', reason: message }],
    diagnostics: [{ severity: 'error', file, line: 1, message: `${message}; not loaded` }],
  };
}

/** Reads an opened office file: a workbook with the grid readers, a Word document with the HTML reader. */
export function readOpened(file: string, opened: OpenedWorkbook | OpenedDocx, rules: IngestRules): FilePart[] {
  if (opened.format === 'docx') {
    const result = readBlocks(file, readHtml(opened.html), splitLines(opened.html), rules, { page: 'docx-level-page', multi: 'docx-multi-level' });
    const at = (line: number | undefined) => (line === undefined ? undefined : paragraphOfLine(line));
    const place = <T extends { line?: number; at?: string }>(x: T): T => {
      const p = at(x.line);
      return p ? { ...x, at: p } : x;
    };
    return [{
      ...result,
      lines: result.lines.map((a) => (a.status === 'blank' ? a : place(a))),
      statements: result.statements.map(place),
      diagnostics: [
        ...result.diagnostics.map(place),
        ...opened.warnings.map((w) => ({ severity: 'warning' as const, file, message: `Word document: ${w}` })),
      ],
    }];
  }
  return readWorkbook(file, opened, rules) satisfies SheetPart[];
}
