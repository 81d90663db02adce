import type { Diagnostic } from '../types.ts';

export interface DecodedText {
  text: string | null;
  diagnostics: Diagnostic[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

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
 * Turns file content into text, refusing binaries and files over the size limit, and decoding
 * non-UTF-8 files as Windows-1252 with a warning that names the first bad byte's line.
 */
export function decodeText(file: string, content: string | Uint8Array, maxBytes: number): DecodedText {
  const size = typeof content === 'string' ? content.length : content.byteLength;
  if (size > maxBytes) {
    const mb = (n: number) => (n / 1048576).toFixed(1);
    return {
      text: null,
      diagnostics: [{ severity: 'error', file, message: `file is ${mb(size)} MB, over the ${mb(maxBytes)} MB limit for one ladder file; not loaded` }],
    };
  }
  if (typeof content === 'string') {
    const nul = content.indexOf('\u0000');
    if (nul >= 0) return { text: null, diagnostics: [binary(file, content.slice(0, nul).split('\n').length)] };
    return { text: content.replace(/^\uFEFF/, ''), diagnostics: [] };
  }
  const head = content.subarray(0, 8192);
  const nul = head.indexOf(0);
  let controls = 0;
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20)) controls++;
  if (nul >= 0 || (head.length > 0 && controls / head.length > 0.05)) {
    return { text: null, diagnostics: [binary(file, lineAt(content, nul >= 0 ? nul : 0))] };
  }
  try {
    return { text: utf8.decode(content).replace(/^\uFEFF/, ''), diagnostics: [] };
  } catch {
    const bad = firstInvalidUtf8(content);
    return {
      text: cp1252.decode(content),
      diagnostics: [{
        severity: 'warning', file, line: lineAt(content, bad),
        message: `not valid UTF-8 (byte 0x${content[bad]?.toString(16).padStart(2, '0')} at offset ${bad}); read as Windows-1252 — check accented characters`,
      }],
    };
  }
}

function binary(file: string, line: number): Diagnostic {
  return { severity: 'error', file, line, message: 'binary content (NUL or control bytes), not a text ladder file; not loaded' };
}
