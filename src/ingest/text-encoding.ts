/** How a text file's bytes are encoded, as far as its first bytes tell. */
export interface TextEncoding {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Bytes of the byte-order mark to skip (0 without one). */
  bom: number;
}

/** Bytes looked at to recognise UTF-16 without a byte-order mark. */
const SAMPLE = 8192;

/**
 * Tells UTF-16 from UTF-8 (or a single-byte code page): by the byte-order mark (Excel's "Unicode text"
 * has one), else by the pattern of NUL bytes UTF-16 gives text in Latin scripts — nearly every code
 * unit has one zero byte, always on the same side, and almost none has two.
 */
export function textEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const pairs = Math.min(bytes.length, SAMPLE) >> 1;
  if (pairs < 2) return { encoding: 'utf-8', bom: 0 };
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    const even = bytes[2 * i] === 0;
    const odd = bytes[2 * i + 1] === 0;
    if (even && odd) return { encoding: 'utf-8', bom: 0 };
    if (even) evenZero++;
    if (odd) oddZero++;
  }
  if (oddZero >= 0.4 * pairs && evenZero <= 0.02 * pairs) return { encoding: 'utf-16le', bom: 0 };
  if (evenZero >= 0.4 * pairs && oddZero <= 0.02 * pairs) return { encoding: 'utf-16be', bom: 0 };
  return { encoding: 'utf-8', bom: 0 };
}
