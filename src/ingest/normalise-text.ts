/** Collapses runs of white space (tabs, NBSP, doubled spaces) to one space and trims; curly quotes are kept. */
export function normaliseSpace(text: string): string {
  if (!/\s\s|[^\S ]|^\s|\s$/.test(text)) return text;
  return text.replace(/[\s\u200b]+/g, ' ').trim();
}

/**
 * Removes Markdown inline markup while keeping every word: emphasis markers go, links become
 * `text (url)`, images their alt text, code spans their content.
 */
export function stripInlineMarkdown(text: string): string {
  if (!/[*_`[!]/.test(text)) return text;
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, '$1 ($2)')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]+?)(?<=\S)_(?!\w)/g, '$1$2')
    .replace(/(^|\s)[_*]+(?=\s|$)/g, '$1')
    .replace(/(\S)[_*]+([.!?]?)$/g, '$1$2')
    .replace(/^[_*]+(?=\S)/g, '');
}

/** Normalised statement text from one raw Markdown fragment. */
export function cleanText(raw: string): string {
  return normaliseSpace(stripInlineMarkdown(normaliseSpace(raw)));
}

/** True when a statement is only a pointer to another document. */
export function isExternalReference(raw: string): boolean {
  if (!/[(./]/.test(raw)) return false;
  const link = /\[[^\]]+\]\([^)]+\)|https?:\/\/\S+|\b[\w-]+\.(md|pdf|docx?)\b/i;
  if (!link.test(raw)) return false;
  const rest = raw.replace(/\[([^\]]+)\]\([^)]+\)|https?:\/\/\S+/gi, ' ').trim();
  const words = rest.split(/\s+/).filter(Boolean).length;
  return /\b(listed|described|outlined|defined|documented|see|refer|per|as in|according to|encompass|found in)\b/i.test(rest) || words <= 4;
}

/** Strips leading emoji, symbols and numbering from a heading so sections compare by name. */
export function sectionName(text: string): string {
  return cleanText(text)
    .replace(/^[\p{Extended_Pictographic}\p{S}\p{P}\p{Cf}\u200d\ufe0f\s]+/u, '')
    .replace(/[:\s]+$/, '')
    .trim();
}
