import type { LadderSet } from '../types.ts';
import { checkUnpacked, inflatedText } from './check-unpacked.ts';
import { defaultRules, type IngestRules } from './ingest-rules.ts';
import { ingestFiles, type IngestOptions, type InputFile } from './ingest-files.ts';
import { OFFICE_FORMAT_NAMES, officeFile, packedMimetype } from './office-format.ts';
import { openDocx } from './open-docx.ts';
import { openWorkbook } from './open-workbook.ts';
import type { OpenedFile } from './opened-file.ts';
import { readOpened, refusal } from './read-opened.ts';

/** How many times its own size an office file may unpack to (XML compresses well; bombs much better). */
const UNPACK_FACTOR = 16;

/** The limit on what one office file may unpack to, from the rules' limit on one file. */
export const maxUnpacked = (rules: IngestRules) => UNPACK_FACTOR * rules.maxFileBytes;

/**
 * Opens the workbooks (XLSX, ODS) and Word documents (DOCX) among the files, recognised by content,
 * with their libraries loaded only now (SheetJS, mammoth: separate chunks in the browser), and reads
 * them. Each such file comes back with `opened` set — what was read, or why it could not be opened —
 * and {@link ingestFiles} takes it from there synchronously (under whatever path the file then has). Other files come back unchanged, so text
 * formats never wait for a library. Never rejects: a damaged, cut-off or oversized archive is a refusal
 * naming the problem.
 */
export async function openOfficeFiles(files: readonly InputFile[], rules: IngestRules = defaultRules): Promise<InputFile[]> {
  return Promise.all(files.map(async (f) => {
    if (f.opened || typeof f.content === 'string' || f.content.byteLength > rules.maxFileBytes) return f;
    const packed = packedMimetype(f.content);
    const mimetype = packed ? await inflatedText(f.content, packed, 200).then((t) => t.trim(), () => undefined) : undefined;
    const kind = officeFile(f.content, maxUnpacked(rules), mimetype);
    if (!kind) return f;
    return { ...f, opened: await open(f.path, f.content, kind, rules) };
  }));
}

async function open(path: string, bytes: Uint8Array, kind: NonNullable<ReturnType<typeof officeFile>>, rules: IngestRules): Promise<OpenedFile> {
  if ('refused' in kind) return { format: 'other', parts: [refusal(path, kind.refused)] };
  const { format } = kind;
  const problem = await checkUnpacked(bytes, kind.entries, maxUnpacked(rules));
  if (problem) return { format, parts: [refusal(path, `${OFFICE_FORMAT_NAMES[format]} that cannot be opened: ${problem}`)] };
  let opened;
  try {
    opened = format === 'docx' ? await openDocx(bytes) : await openWorkbook(bytes, format);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { format, parts: [refusal(path, `${OFFICE_FORMAT_NAMES[format]} that cannot be opened (${message.slice(0, 200)})`)] };
  }
  return { format, parts: readOpened(path, opened, rules) };
}

/** {@link ingestFiles} for callers that may meet office files: opens them first, then reads everything. */
export async function ingestFilesAsync(files: readonly InputFile[], options: IngestOptions = {}): Promise<LadderSet> {
  return ingestFiles(await openOfficeFiles(files, options.rules), options);
}
