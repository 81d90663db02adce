/** Text helpers shared by the analyses: one normalisation so cues, tokens and diffs agree. */

const memo = new Map<string, string>();

/** Lower-case, plain quotes, hyphens/slashes/punctuation to spaces, single spaces. Memoised (texts repeat across analyses). */
export function normaliseText(text: string): string {
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  if (memo.size > 100_000) memo.clear();
  const out = normalise(text);
  memo.set(text, out);
  return out;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\-\u2010-\u2015/_]+/g, ' ')
    .replace(/[^\p{L}\p{N}'+ ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const STOP = new Set(
  'a an and are as at be by for from i in is it its of on or our so that the their them they this to we with my me am was were has have had can will not but into over who what which when where while than then also'.split(' '),
);

/** Words of a text after normalisation. */
export function words(text: string): string[] {
  const n = normaliseText(text);
  return n ? n.split(' ') : [];
}

/** Content words: stop words removed, crude plural/verb endings folded. */
export function contentTokens(text: string): string[] {
  return words(text)
    .filter((w) => !STOP.has(w) && w.length > 1)
    .map(stem);
}

/** A light stemmer: enough to match "leads"/"lead", "projects"/"project". */
export function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && w.endsWith('es') && /(ss|sh|ch|x)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Escape a string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
