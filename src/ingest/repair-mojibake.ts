/**
 * Mojibake repair: UTF-8 bytes that were once decoded with a legacy single-byte code page (Mac OS
 * Roman or Windows-1252) and saved again as UTF-8. Any run of characters whose code-page bytes form
 * a valid multi-byte UTF-8 sequence is decoded back; everything else is left alone. The mapping is a
 * bijection on such runs, so `breakUtf8(repairMojibake(x).text, codec)` gives `x` back.
 */

const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø' +
  '¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

export const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export type Codec = 'mac-roman' | 'windows-1252';

function table(codec: Codec): string {
  if (codec === 'mac-roman') return MAC_ROMAN_HIGH;
  let latin = '';
  for (let b = 0xa0; b <= 0xff; b++) latin += String.fromCharCode(b);
  return CP1252_80_9F + latin;
}

const TABLES: Record<Codec, { toByte: Map<string, number>; toChar: string }> = {
  'mac-roman': build('mac-roman'),
  'windows-1252': build('windows-1252'),
};

function build(codec: Codec) {
  const chars = table(codec);
  const toByte = new Map<string, number>();
  [...chars].forEach((c, i) => toByte.set(c, 0x80 + i));
  return { toByte, toChar: chars };
}

function seqLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * What each character stands for in the code pages: a UTF-8 lead byte (0xC2–0xF4) or a continuation byte
 * (0x80–0xBF), one bit each per code page. A repair starts only at a lead character followed by a continuation
 * character of the same code page. Most statements hold no such pair (plain ASCII, or real accents, curly quotes
 * and dashes: `’` is a lead byte in Mac OS Roman, but is followed by a letter), and are passed over by one scan
 * of their code units instead of being split into characters and decoded twice.
 */
const BYTE_KIND = new Uint8Array(0x10000);
const MAC_LEAD = 1;
const MAC_CONTINUATION = 2;
const CP1252_LEAD = 4;
const CP1252_CONTINUATION = 8;
for (const [codec, lead, continuation] of [['mac-roman', MAC_LEAD, MAC_CONTINUATION], ['windows-1252', CP1252_LEAD, CP1252_CONTINUATION]] as const) {
  for (const [c, b] of TABLES[codec].toByte) {
    if (seqLength(b) > 0) BYTE_KIND[c.charCodeAt(0)] |= lead;
    if ((b & 0xc0) === 0x80) BYTE_KIND[c.charCodeAt(0)] |= continuation;
  }
}

/** Whether `repairMojibake` could change `text` (false: it gives the text back with nothing repaired). */
export function mayHaveMojibake(text: string): boolean {
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    const kind = BYTE_KIND[c];
    if (!(kind & (MAC_LEAD | CP1252_LEAD))) continue;
    const next = BYTE_KIND[text.charCodeAt(i + 1)];
    if ((kind & MAC_LEAD && next & MAC_CONTINUATION) || (kind & CP1252_LEAD && next & CP1252_CONTINUATION)) return true;
  }
  return false;
}

/**
 * The character one UTF-8 sequence encodes: `bytes` is a lead byte (0xC2–0xF4) and as many continuation bytes
 * (0x80–0xBF) as it calls for. Null when the sequence is not well formed (an overlong form, a surrogate, past
 * U+10FFFF: the second byte's range after E0, ED, F0 and F4). A byte-order mark decodes to nothing, as a
 * decoder that drops a leading BOM gives it. Decoded by hand: a TextDecoder call and a caught exception per
 * candidate was most of the repair's time.
 */
export function decodeSequence(bytes: number[]): string | null {
  const [lead, second] = bytes;
  if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return null;
  const n = bytes.length;
  let cp = n === 2 ? lead & 0x1f : n === 3 ? lead & 0x0f : lead & 0x07;
  for (let k = 1; k < n; k++) cp = (cp << 6) | (bytes[k] & 0x3f);
  return cp === 0xfeff ? '' : String.fromCodePoint(cp);
}

function tryDecode(chars: string[], at: number, codec: Codec): { text: string; length: number } | null {
  const { toByte } = TABLES[codec];
  const lead = toByte.get(chars[at]);
  if (lead === undefined) return null;
  const n = seqLength(lead);
  if (n === 0 || at + n > chars.length) return null;
  const bytes = [lead];
  for (let k = 1; k < n; k++) {
    const b = toByte.get(chars[at + k]);
    if (b === undefined || (b & 0xc0) !== 0x80) return null;
    bytes.push(b);
  }
  const text = decodeSequence(bytes);
  return text === null || /^[\p{Cc}\p{M}]/u.test(text) ? null : { text, length: n };
}

export interface Repair {
  text: string;
  /** How many characters were repaired (0 when the text was clean). */
  repaired: number;
  codec?: Codec;
}

function repairWith(chars: string[], codec: Codec): { text: string; repaired: number; consumed: number } {
  let text = '';
  let repaired = 0;
  let consumed = 0;
  for (let i = 0; i < chars.length; ) {
    const hit = tryDecode(chars, i, codec);
    if (hit) {
      text += hit.text;
      repaired += 1;
      consumed += hit.length;
      i += hit.length;
    } else {
      text += chars[i];
      i += 1;
    }
  }
  return { text, repaired, consumed };
}

/**
 * Repairs every mojibake run in `text`. The code page is chosen per text: the one under which more
 * characters decode (a text is mangled by one code page, and real accented text rarely decodes at all).
 */
export function repairMojibake(text: string): Repair {
  if (!mayHaveMojibake(text)) return { text, repaired: 0 };
  const chars = [...text];
  let best: Repair = { text, repaired: 0 };
  let bestConsumed = 0;
  for (const codec of ['mac-roman', 'windows-1252'] as const) {
    const { consumed, ...r } = repairWith(chars, codec);
    if (consumed > bestConsumed) {
      best = { ...r, codec };
      bestConsumed = consumed;
    }
  }
  return best;
}

/** The inverse: what a UTF-8 string looks like after a round trip through `codec` (used by tests and to show the original). */
export function breakUtf8(text: string, codec: Codec): string {
  const { toChar } = TABLES[codec];
  let out = '';
  for (const ch of text) {
    const bytes = new TextEncoder().encode(ch);
    out += bytes.length === 1 ? ch : [...bytes].map((b) => toChar[b - 0x80]).join('');
  }
  return out;
}
