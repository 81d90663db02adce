/** Text helpers of the analyses: one normalisation for cue phrases, and content words on the shared tokeniser. */
import { rowWords, stem, words } from '../text/index.ts';

/** Lower-case, plain quotes, hyphens/slashes/punctuation to spaces, single spaces. */
export function normaliseText(text: string): string {
  // Every character but a letter, a digit, an apostrophe or a plus (quotes, dashes, slashes, white space) ends a
  // word: one pass turns each run of them into one space.
  const lower = text.toLowerCase();
  // Most ladder text is ASCII, where a letter or digit is [a-z0-9] once lower-cased: a plain pattern is several
  // times faster than the Unicode property classes.
  if (!NON_ASCII.test(lower)) return lower.replace(/[^a-z0-9'+]+/g, ' ').trim();
  return lower
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[^\p{L}\p{N}'+]+/gu, ' ')
    .trim();
}
const NON_ASCII = /[^\x00-\x7f]/;

const STOP = new Set(
  'a an and are as at be by for from i in is it its of on or our so that the their them they this to we with my me am was were has have had can will not but into over who what which when where while than then also'.split(' '),
);

const normalised = new WeakMap<object, string>();

/**
 * {@link normaliseText} of a row's text, worked out once per row object (several analyses read every statement's
 * normalised text). Kept per row, not per text: two rows with the same words are still two pieces of work, as they
 * are for any reader of real ladders, where texts rarely repeat.
 */
export function rowNormalText(row: { readonly text: string }): string {
  let out = normalised.get(row);
  if (out === undefined) normalised.set(row, (out = normaliseText(row.text)));
  return out;
}

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
