import type { ReadResult } from './draft.ts';
import type { OfficeFormat } from './office-format.ts';

/** What one file yields: usually one reading; a workbook gives one per sheet (each sheet may be its own track). */
export type FilePart = ReadResult & { sheetTrack?: string };

/**
 * A workbook or Word document opened by its library and read already (`openOfficeFiles`), or why it
 * could not be: plain data (structured-cloneable), so `ingestFiles` stays synchronous and small — the
 * office readers load with the libraries, never with the first view.
 */
export interface OpenedFile {
  format: OfficeFormat | 'other';
  parts: FilePart[];
}
