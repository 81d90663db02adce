/**
 * Trims characters of a set from the ends of a text, in one pass each way. A regular expression
 * such as `/[:\s]+$/` tries every start position of a long run that does not reach the end, which is
 * quadratic in the run's length (60,000 colons in a heading took seconds).
 */
export function trimChars(text: string, strip: (ch: string) => boolean, ends: 'start' | 'end' | 'both' = 'both'): string {
  let from = 0;
  let to = text.length;
  if (ends !== 'end') while (from < to && strip(text[from])) from++;
  if (ends !== 'start') while (to > from && strip(text[to - 1])) to--;
  return from === 0 && to === text.length ? text : text.slice(from, to);
}

/** White space as `\s` matches it. */
export const isSpace = (ch: string) => /\s/.test(ch);
