import { entryData, isZip, type ZipEntry, zipEntries } from './zip-entries.ts';

/** The office formats read, each through its library loaded on demand. */
export type OfficeFormat = 'xlsx' | 'ods' | 'docx';

export const OFFICE_FORMAT_NAMES: Record<OfficeFormat, string> = {
  xlsx: 'an Excel workbook (XLSX)',
  ods: 'an OpenDocument spreadsheet (ODS)',
  docx: 'a Word document (DOCX)',
};

export type OfficeFile =
  | { format: OfficeFormat; entries: ZipEntry[] }
  /** A ZIP or an old binary Office file that is not read, with what it is and what would work. */
  | { refused: string };

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
const ODT_MIME = 'application/vnd.oasis.opendocument.text';

/**
 * What a binary file is, from its content alone (never its name): an office format we read, or a
 * refusal saying what it is; null for anything else (text, or binary content decodeText refuses).
 * Also refuses archives that would unpack to more than `maxUnpacked` bytes, by their own declaration.
 * An OpenDocument file names its type in a `mimetype` entry, stored as the standard asks; `mimetype`
 * gives it when a writer compressed that entry (see {@link packedMimetype}).
 */
export function officeFile(bytes: Uint8Array, maxUnpacked: number, mimetype?: string): OfficeFile | null {
  if (CFB.every((b, i) => bytes[i] === b)) {
    return { refused: 'an old binary Office file (.xls, .doc or .ppt); save it as .xlsx, .ods or .docx and add that instead' };
  }
  if (!isZip(bytes)) return null;
  const zip = zipEntries(bytes);
  if ('problem' in zip) return { refused: `a ZIP archive that cannot be opened: ${zip.problem}` };
  const names = new Set(zip.entries.map((e) => e.name));
  const mimeEntry = zip.entries.find((e) => e.name === 'mimetype' && e.method === 0);
  const mime = mimetype ?? (mimeEntry ? new TextDecoder().decode(entryData(bytes, mimeEntry)).trim() : '');
  let format: OfficeFormat | null = null;
  if (names.has('xl/workbook.xml')) format = 'xlsx';
  else if (names.has('word/document.xml')) format = 'docx';
  else if (mime === ODS_MIME) format = 'ods';
  else if (names.has('xl/workbook.bin')) return { refused: 'a binary Excel workbook (XLSB); save it as .xlsx and add that instead' };
  else if (mime === ODT_MIME) return { refused: 'an OpenDocument text (ODT); save it as .docx or as a web page (.html) and add that instead' };
  else if ([...names].some((n) => n.startsWith('ppt/')) || mime.includes('presentation')) return { refused: 'a presentation, not a ladder file' };
  else return { refused: 'a ZIP archive that is not a workbook or a Word document; unpack it and add the ladder files themselves' };
  if (zip.entries.some((e) => e.flags & 1)) return { refused: `${OFFICE_FORMAT_NAMES[format]} protected by a password; save a copy without one` };
  const unpacked = zip.entries.reduce((sum, e) => sum + e.size, 0);
  if (unpacked > maxUnpacked) return { refused: `${OFFICE_FORMAT_NAMES[format]} that unpacks to ${mb(unpacked)} MB, over the ${mb(maxUnpacked)} MB limit` };
  return { format, entries: zip.entries };
}

const mb = (n: number) => (n / 1048576).toFixed(1);

/** A compressed `mimetype` entry of an archive (some writers compress it), to unpack before {@link officeFile}. */
export function packedMimetype(bytes: Uint8Array): ZipEntry | null {
  if (!isZip(bytes)) return null;
  const zip = zipEntries(bytes);
  return 'entries' in zip ? (zip.entries.find((e) => e.name === 'mimetype' && e.method === 8 && e.size <= 200) ?? null) : null;
}
