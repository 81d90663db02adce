import type { OfficeFormat } from './office-format.ts';
import type { OpenedDocx } from './open-docx.ts';
import type { OpenedWorkbook } from './open-workbook.ts';

/**
 * An office file opened by its library — a workbook's sheets as text, a Word document as HTML — or why
 * it was not. Plain data (structured-cloneable): it crosses to and from the upload worker.
 */
export type OpenedFile = OpenedWorkbook | OpenedDocx | { format: OfficeFormat | 'other'; refused: string };
