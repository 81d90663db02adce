/** Text helpers of the analyses: one normalisation for cue phrases, and content words on the shared tokeniser. */
import { rowWords, stem, words } from '../text/index.ts';

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

/** Content words: stop words and one-letter words removed, stemmed. */
export function contentTokens(text: string): string[] {
  return words(text)
    .filter((w) => !STOP.has(w) && w.length > 1)
    .map(stem);
}

/** {@link contentTokens} of a row's text, from the row's words and stems split once ({@link rowWords}). */
export function rowContentTokens(row: { readonly text: string }): string[] {
  const { words: raws, stems } = rowWords(row);
  const out: string[] = [];
  for (let i = 0; i < raws.length; i++) if (!STOP.has(raws[i]) && raws[i].length > 1) out.push(stems[i]);
  return out;
}
