/**
 * Escapes a value for interpolation into a Notebook Kit Markdown cell (`${…}` in `text/markdown`).
 * The kit renders Markdown with inline HTML enabled, so ladder text (titles, company names, file names,
 * explanations) must never reach it raw: every ASCII punctuation mark is backslash-escaped, which
 * Markdown renders as the literal character — no HTML, no link, no emphasis, no heading.
 */
export function mdText(value: unknown): string {
  return String(value ?? '')
    .replace(/[!-/:-@[-`{-~]/g, '\\$&')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}
