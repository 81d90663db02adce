/**
 * The table of contents of a ZIP archive (XLSX, ODS and DOCX files are ZIP archives), read from its
 * central directory without unpacking anything: enough to tell what a file is and to refuse a damaged
 * or oversized one before a library opens it. Linear in the archive's size; never throws.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is not read. */
  method: number;
  /** General purpose flags (bit 0: encrypted). */
  flags: number;
  compressedSize: number;
  /** Size once unpacked, as the archive declares it. */
  size: number;
  /** Where the entry's data starts in the archive. */
  dataStart: number;
}

export type ZipContents = { entries: ZipEntry[] } | { problem: string };

/** Entries an office file may hold; more is not a ladder (and would only cost time). */
const MAX_ENTRIES = 10_000;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** True when the bytes start like a ZIP archive. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** Lists the entries of a ZIP archive, or says why it cannot be read (cut off, damaged, too large). */
export function zipEntries(bytes: Uint8Array): ZipContents {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // The end-of-central-directory record sits in the last 22 bytes plus up to 64 KB of comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 65535; i--) {
    if (u32(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { problem: 'the archive is cut off or damaged (no end of central directory)' };
  const count = u16(eocd + 10);
  const cdSize = u32(eocd + 12);
  const cdStart = u32(eocd + 16);
  if (count === 0xffff || cdStart === 0xffffffff) return { problem: 'a ZIP64 archive (over 4 GB or 65,535 entries), not an office file this size' };
  if (count > MAX_ENTRIES) return { problem: `${count} entries in the archive, more than the ${MAX_ENTRIES} an office file holds` };
  if (cdStart + cdSize > eocd) return { problem: 'the archive is cut off or damaged (its directory points past the end)' };
  const entries: ZipEntry[] = [];
  let at = cdStart;
  for (let k = 0; k < count; k++) {
    if (at + 46 > eocd || u32(at) !== CENTRAL) return { problem: `the archive is damaged (directory entry ${k + 1} of ${count} is not where it should be)` };
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const local = u32(at + 42);
    if (at + 46 + nameLength > eocd) return { problem: 'the archive is damaged (a name runs past its directory)' };
    const name = latin1(bytes.subarray(at + 46, at + 46 + nameLength));
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return { problem: `${name} in the archive is over 4 GB` };
    if (local + 30 > bytes.length || u32(local) !== LOCAL) return { problem: `the archive is cut off or damaged (${name} is missing)` };
    const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
    if (dataStart + compressedSize > bytes.length) return { problem: `the archive is cut off (${name} runs past its end)` };
    entries.push({ name, method, flags, compressedSize, size, dataStart });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries };
}

/** An entry's data exactly as stored (compressed or not). */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  return bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
}

/** Entry names of office files are ASCII; other bytes are kept as Latin-1 (never thrown on). */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}
