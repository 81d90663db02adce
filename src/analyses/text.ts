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

/**
 * The words of a normalised text (single spaces between them) as numbers ({@link normalWordNumber}, -1 past the
 * numbers' bound), in text order. Cue phrases and shingles are then matched by number, without cutting every word
 * out of the text and hashing it again for each reader. Where a word starts and ends is not kept: word i starts
 * after the text's i-th space (a reader that needs the places of a few words counts spaces up to them). Kept for
 * every statement while the analyses run, so kept small: a plain array of small integers (three typed arrays a
 * row, each with its buffer, made about 250 MB of the 1000x seed corpus's heap).
 */
export interface NormalWords {
  readonly ids: readonly number[];
}

/** A number for each distinct word of normalised text, 0, 1, 2… in order of first sight, the same for the whole process (bounded). */
const wordNumbers = new Map<string, number>();
/** The word of each number (the table read backwards: a row's normalised text is its words' numbers, spelled out). */
const numberedWords: string[] = [];
/** The numbers' bound (a long-lived process keeps the table; beyond it a word has none, -1). */
export const MAX_WORD_NUMBERS = 131_071;

/** The number of a word of normalised text (given when first seen, unless `add` is false); -1 when it has none. */
export function normalWordNumber(word: string, add = true): number {
  let n = wordNumbers.get(word);
  if (n === undefined) {
    if (!add || wordNumbers.size >= MAX_WORD_NUMBERS) return -1;
    wordNumbers.set(word, (n = wordNumbers.size));
    numberedWords.push(word);
  }
  return n;
}

/** The {@link NormalWords} of a text already normalised ({@link normaliseText}). */
export function normalWords(norm: string): NormalWords {
  return { ids: normalWordIds(norm) };
}

function normalWordIds(norm: string): number[] {
  const ids: number[] = [];
  if (!norm.length) return ids;
  for (let i = 0; ; ) {
    const end = norm.indexOf(' ', i);
    if (end < 0) {
      ids.push(normalWordNumber(norm.slice(i)));
      return ids;
    }
    ids.push(normalWordNumber(norm.slice(i, end)));
    i = end + 1;
  }
}

/**
 * A row's normalised words: their numbers, and its normalised text only when a word has no number. Otherwise the
 * text is the words spelled out from their numbers, single spaces between them, when asked for again: keeping it
 * too was another copy of every statement's text, lower-cased, for the whole command (~45 MB at 1000x the seeds).
 */
interface NormalRow {
  readonly ids: readonly number[];
  readonly text: string | undefined;
}

const normalised = new WeakMap<object, NormalRow>();

/** The row's entry, made now when it has none. */
const normalRow = (row: { readonly text: string }): NormalRow => normalised.get(row) ?? addNormalRow(row, normaliseText(row.text));

/** Makes the row's entry from its normalised text (kept only when a word has no number). */
function addNormalRow(row: { readonly text: string }, text: string): NormalRow {
  const ids = normalWordIds(text);
  const out = { ids, text: ids.includes(-1) ? text : undefined };
  normalised.set(row, out);
  return out;
}

/**
 * {@link normaliseText} of a row's text, worked out once per row object (several analyses read every statement's
 * normalised text). Kept per row, not per text: two rows with the same words are still two pieces of work, as they
 * are for any reader of real ladders, where texts rarely repeat.
 */
export function rowNormalText(row: { readonly text: string }): string {
  const r = normalised.get(row);
  if (r === undefined) {
    const text = normaliseText(row.text);
    addNormalRow(row, text);
    return text;
  }
  if (r.text !== undefined) return r.text;
  const { ids } = r;
  if (ids.length < 2) return ids.length ? numberedWords[ids[0]] : '';
  const parts = new Array<string>(ids.length);
  for (let i = 0; i < ids.length; i++) parts[i] = numberedWords[ids[i]];
  return parts.join(' ');
}

/** {@link normalWords} of a row's normalised text, worked out once per row object, like {@link rowNormalText}. */
export function rowNormalWords(row: { readonly text: string }): NormalWords {
  return normalRow(row);
}

/** How many words a row's normalised text has. */
export function rowNormalWordCount(row: { readonly text: string }): number {
  return normalRow(row).ids.length;
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
