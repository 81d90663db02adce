import { CP1252_80_9F } from './repair-mojibake.ts';

/**
 * Decodes Windows-1252 bytes. Our own table, because Node 20's `TextDecoder('windows-1252')` decodes
 * as Latin-1 (0x93 stays U+0093 instead of “). The five bytes the code page leaves undefined map to
 * the C1 controls of the same value, as browsers do.
 */
export function decodeCp1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    let s = '';
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      s += b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] : String.fromCharCode(b);
    }
    parts.push(s);
  }
  return parts.join('');
}
