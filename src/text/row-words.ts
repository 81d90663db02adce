/**
 * A statement row's words and their stems, split once per row and shared by everything that reads them (the
 * classifier, mentions in passing, near-duplicates, level vectors): each used to split and stem every statement
 * again. Memoised per row object, like `levelKey` (rows are not mutated once read), never per text.
 */
import { stemmed, type stemNumber } from './stem.ts';
import { words } from './tokenise.ts';

export interface RowWords {
  /** {@link words} of the row's text. */
  readonly words: readonly string[];
  /** The {@link stem} of each word, in the same order (so {@link tokenise} of the text). */
  readonly stems: readonly string[];
  /** The {@link stemNumber} of each stem, when split by {@link splitText} (-1 for a stem past the numbers' bound). */
  readonly ids?: readonly number[];
}

const memo = new WeakMap<object, RowWords>();

/** The words of a text and their stems. */
export function splitText(text: string): RowWords {
  const raws = words(text);
  const stems: string[] = [];
  const ids: number[] = [];
  for (let i = 0; i < raws.length; i++) {
    const s = stemmed(raws[i]);
    // the memo's copy of the word: one string per distinct word kept with the rows (see stemmed)
    raws[i] = s.word;
    stems.push(s.stem);
    ids.push(s.id);
  }
  return { words: raws, stems, ids };
}

/** The words and stems of a row's text (computed on first use, then kept with the row). */
export function rowWords(row: { readonly text: string }): RowWords {
  let w = memo.get(row);
  if (w === undefined) memo.set(row, (w = splitText(row.text)));
  return w;
}

/**
 * The words of a row's text: those kept with it when there are ({@link rowWords}, {@link keepRowWords}), else split
 * now and not kept, for a reader that goes over each row once (a classified table may be kept without its words).
 */
export function rowWordsOnce(row: { readonly text: string }): readonly string[] {
  return memo.get(row)?.words ?? words(row.text);
}

/** Keep a row's words, split by the caller ({@link splitText} of the row's text), for its later readers. */
export function keepRowWords(row: { readonly text: string }, split: RowWords): void {
  memo.set(row, split);
}
