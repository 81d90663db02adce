/**
 * The content words of a statement as integer ids, worked out once per statement and shared by the analyses that
 * compare words (level vectors for similarity, support pairs for mapping): tokenising is the costly part of both.
 */
import type { ClassifiedStatement } from '../types.ts';
import { rowContentTokens } from './text.ts';

/** Word ids, process-wide: a word keeps its id, so ids worked out at any time compare. */
const ids = new Map<string, number>();

/** Per statement object (statements are not mutated), forgotten with it. */
const memo = new WeakMap<ClassifiedStatement, Int32Array>();

/** How many distinct words have an id (every id is below it). */
export const wordCount = () => ids.size;

/** The statement's content words (rowContentTokens: from the words its row split once) as ids, in text order, repeats kept. */
export function statementWords(s: ClassifiedStatement): Int32Array {
  let words = memo.get(s);
  if (!words) {
    const tokens = rowContentTokens(s);
    words = new Int32Array(tokens.length);
    for (let k = 0; k < tokens.length; k++) {
      let id = ids.get(tokens[k]);
      if (id === undefined) ids.set(tokens[k], (id = ids.size));
      words[k] = id;
    }
    memo.set(s, words);
  }
  return words;
}

/** The statement's distinct content-word ids, ascending. */
export function distinctWords(s: ClassifiedStatement): Int32Array {
  const sorted = statementWords(s).slice().sort();
  let n = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[n++] = sorted[k];
  return sorted.subarray(0, n);
}
