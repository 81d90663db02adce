import type { Diagnostic } from '../types.ts';
import { decodeCp1252 } from './decode-cp1252.ts';
import { textEncoding } from './text-encoding.ts';

export interface DecodedText {
  text: string | null;
  diagnostics: Diagnostic[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Turns file content into text, refusing binaries and files over the size limit. UTF-16 (with a
 * byte-order mark, or recognised by its NUL bytes) is decoded as such; files that are not valid UTF-8
 * are read as Windows-1252 with a warning that names the first bad byte's line.
 */
export function decodeText(file: string, content: string | Uint8Array, maxBytes: number): DecodedText {
  const size = typeof content === 'string' ? content.length : content.byteLength;
  if (size > maxBytes) return { text: null, diagnostics: [overLimit(file, size, maxBytes)] };
  if (typeof content === 'string') {
    const nul = content.indexOf('\u0000');
    if (nul >= 0) return { text: null, diagnostics: [binary(file, content.slice(0, nul).split('\n').length)] };
    return { text: content.replace(/^\uFEFF/, ''), diagnostics: [] };
  }
  const { encoding, bom } = textEncoding(content);
  if (encoding !== 'utf-8') return decodeUtf16(file, content, encoding, bom);
  const head = content.subarray(0, 8192);
  const nul = content.indexOf(0);
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b < 0x09 || (b > 0x0d && b < 0x20)) controls++;
  }
  if (nul >= 0 || (head.length > 0 && controls / head.length > 0.05)) {
    return { text: null, diagnostics: [binary(file, lineAt(content, nul >= 0 ? nul : 0))] };
  }
  try {
    return { text: utf8.decode(content).replace(/^\uFEFF/, ''), diagnostics: [] };
  } catch {
    const bad = firstInvalidUtf8(content);
    return {
      text: decodeCp1252(content),
      diagnostics: [{
        severity: 'warning', file, line: lineAt(content, bad),
        message: `not valid UTF-8 (byte 0x${content[bad]?.toString(16).padStart(2, '0')} at offset ${bad}); read as Windows-1252 — check accented characters`,
      }],
    };
  }
}

/** UTF-16 text: decoded, then refused like any text holding NUL or many control characters. */
function decodeUtf16(file: string, content: Uint8Array, encoding: 'utf-16le' | 'utf-16be', bom: number): DecodedText {
  const odd = (content.length - bom) % 2 === 1;
  const text = new TextDecoder(encoding).decode(content.subarray(bom, content.length - (odd ? 1 : 0)));
  const nul = text.indexOf('\u0000');
  const head = text.slice(0, 4096);
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c < 0x09 || (c > 0x0d && c < 0x20)) controls++;
  }
  if (nul >= 0 || (head.length > 0 && controls / head.length > 0.05)) {
    return { text: null, diagnostics: [binary(file, nul >= 0 ? text.slice(0, nul).split(/\r\n|\n|\r/).length : 1)] };
  }
  const diagnostics: Diagnostic[] = odd
    ? [{ severity: 'warning', file, line: text.split(/\r\n|\n|\r/).length, message: `UTF-16 text with an odd number of bytes: the last byte was dropped (a cut-off file?)` }]
    : [];
  return { text: text.replace(/^\uFEFF/, ''), diagnostics };
}

/** The refusal of a file over the size limit (a shell that knows the size refuses it before reading). */
export function overLimit(file: string, size: number, maxBytes: number): Diagnostic {
  const mb = (n: number) => (n / 1048576).toFixed(1);
  return { severity: 'error', file, message: `file is ${mb(size)} MB, over the ${mb(maxBytes)} MB limit for one ladder file; not loaded` };
}

function binary(file: string, line: number): Diagnostic {
  return { severity: 'error', file, line, message: 'binary content (NUL or control bytes), not a text ladder file; not loaded' };
}
