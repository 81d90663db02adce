import { isSpace, trimChars } from './trim-chars.ts';

/** Collapses runs of white space (tabs, NBSP, doubled spaces) to one space and trims; curly quotes are kept. */
export function normaliseSpace(text: string): string {
  if (!/\s\s|[^\S ]|^\s|\s$/.test(text)) return text;
  return text.replace(/[\s\u200b]+/g, ' ').trim();
}

/** A pointer to another document is one short sentence; longer text is never one (and is not scanned). */
const MAX_REFERENCE_CHARS = 500;

/** True when a statement is only a pointer to another document. */
export function isExternalReference(raw: string): boolean {
  if (raw.length > MAX_REFERENCE_CHARS || !/[(./]/.test(raw)) return false;
  const link = /\[[^\]]+\]\([^)]+\)|https?:\/\/\S+|\b[\w-]+\.(md|pdf|docx?)\b/i;
  if (!link.test(raw)) return false;
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
