import { splitLines, type ReadResult } from './draft.ts';
import type { IngestRules } from './ingest-rules.ts';
import { OFFICE_FORMAT_NAMES, officeFile } from './office-format.ts';
import { paragraphOfLine } from './open-docx.ts';
import type { OpenedFile } from './opened-file.ts';
import { readBlocks } from './read-blocks.ts';
import { readHtml } from './read-html.ts';
import { readWorkbook, type SheetPart } from './read-workbook.ts';

/** What one file yields: usually one reading; a workbook gives one per sheet (each sheet may be its own track). */
export type FilePart = ReadResult & { sheetTrack?: string };

/** A file that could not be read at all: one skipped line and an error naming the file. */
function refusal(file: string, message: string): FilePart {
  return {
    shape: 'unknown', levels: [], statements: [],
    lines: [{ line: 1, status: 'skipped', reason: message }],
    diagnostics: [{ severity: 'error', file, line: 1, message: `${message}; not loaded` }],
  };
}

/** Reads an office file opened beforehand: a workbook with the grid readers, a Word document with the HTML reader. */
export function readOpened(file: string, opened: OpenedFile, rules: IngestRules): FilePart[] {
  if ('refused' in opened) return [refusal(file, opened.refused)];
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

/**
 * An office file met by the synchronous reader without being opened: what it is and what would work.
 * Null for anything that is not an office file (text, or binary content the decoder refuses).
 */
export function unopenedOffice(file: string, bytes: Uint8Array, rules: IngestRules): FilePart | null {
  if (bytes.byteLength > rules.maxFileBytes) return null;
  const kind = officeFile(bytes, Number.MAX_SAFE_INTEGER);
  if (!kind) return null;
  if ('refused' in kind) return refusal(file, kind.refused);
  return refusal(file, `${OFFICE_FORMAT_NAMES[kind.format]}, which is read once opened (openOfficeFiles or ingestFilesAsync: the CLI and the app do)`);
}
