import { isSpace, trimChars } from './trim-chars.ts';

/** Collapses runs of white space (tabs, NBSP, doubled spaces) to one space and trims; curly quotes are kept. */
export function normaliseSpace(text: string): string {
  if (!spacesToFix(text)) return text;
  return text.replace(/[\s\u200b]+/g, ' ').trim();
}

/** A code unit `\s` matches: ASCII tab to carriage return, space, and Unicode's spaces and line separators. */
function isWhiteSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Whether the text has white space to collapse or trim (what `/\s\s|[^\S ]|^\s|\s$/` finds), in one scan of its
 * code units: every piece of text read goes through here, most of it already clean.
 */
function spacesToFix(text: string): boolean {
  const last = text.length - 1;
  let previous = false;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 0xa0) {
      previous = false;
      continue;
    }
    if (!isWhiteSpace(c)) {
      previous = false;
      continue;
    }
    if (c !== 32 || previous || i === 0 || i === last) return true;
    previous = true;
  }
  return false;
}

/** A pointer to another document is one short sentence; longer text is never one (and is not scanned). */
const MAX_REFERENCE_CHARS = 500;

const LINK = /\[[^\]]+\]\([^)]+\)|https?:\/\/\S+|\b[\w-]+\.(md|pdf|docx?)\b/i;
/**
 * What every match of LINK holds (`](`, `://`, `.md`, `.pdf`, `.doc`), looked for first: almost no statement
 * has any, and LINK tries its three branches at every word.
 */
const MAY_LINK = /\]\(|:\/\/|\.(?:md|pdf|doc)/i;

/** True when a statement is only a pointer to another document. */
export function isExternalReference(raw: string): boolean {
  if (raw.length > MAX_REFERENCE_CHARS || !MAY_LINK.test(raw)) return false;
  if (!LINK.test(raw)) return false;
  const rest = raw.replace(/\[([^\]]+)\]\([^)]+\)|https?:\/\/\S+/gi, ' ').trim();
  const words = rest.split(/\s+/).filter(Boolean).length;
  return /\b(listed|described|outlined|defined|documented|see|refer|per|as in|according to|encompass|found in)\b/i.test(rest) || words <= 4;
}

const LEADING_SYMBOL = /^[\p{Extended_Pictographic}\p{S}\p{P}\p{Cf}\u200d\ufe0f\s]$/u;

/** Strips leading emoji, symbols and numbering from a heading so sections compare by name (plain text in). */
export function sectionName(text: string): string {
  const t = normaliseSpace(text);
  let from = 0;
  while (from < t.length) {
    const ch = String.fromCodePoint(t.codePointAt(from)!);
    if (!LEADING_SYMBOL.test(ch)) break;
    from += ch.length;
  }
  return trimChars(t.slice(from), (c) => c === ':' || isSpace(c), 'end');
}

/**
 * Whether the Markdown parser reads this one line of clean text (`normaliseSpace`d) as a single text token of
 * itself, in cases `cleanText`'s quick markup test sends to the parser: emphasis markers (`*`, `_`) only at the
 * start or after a space, which can open emphasis but never close it, and `[` or `!` with no `]` anywhere, so
 * no link or image can end. Anything else that can start markup (escape, code, autolink, HTML, entity, `~`,
 * control characters) answers false. One scan: a grid cell of 500 KB of `**a ` made the parser build a token per
 * marker (0.6 s of CPU for two such cells).
 */
export function parsesToItself(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7e) continue;
    if (c < 0x20) return false;
    switch (c) {
      case 0x5c: // \
      case 0x60: // `
      case 0x3c: // <
      case 0x26: // &
      case 0x5d: // ]
      case 0x7e: // ~
        return false;
      case 0x2a: // *
      case 0x5f: {
        // _
        const before = i === 0 ? 0x20 : text.charCodeAt(i - 1);
        if (before !== 0x20 && before !== c) return false;
        break;
      }
    }
  }
  return true;
}
