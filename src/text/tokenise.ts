import { stem } from './stem.ts';

const QUOTES = /[\u2018\u2019\u02bc`]/g;
const POSSESSIVE = /'s(?![\p{L}\p{N}])/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/**
 * The one tokeniser: lower-case words of a text, Unicode-aware (`café` stays `café`). Compatibility forms are
 * folded (NFKC), a possessive `'s` is dropped, and anything but letters and digits separates words
 * (`on-call` → `on`, `call`; `CI/CD` → `ci`, `cd`).
 */
export function words(text: string): string[] {
  // Plain ASCII text (most ladders) is read by one scan of its character codes ({@link asciiWords}); any other
  // character sends the text through the Unicode expressions.
  return asciiWords(text) ?? unicodeWords(text);
}

/** {@link words} by the Unicode expressions (also right for ASCII text, only slower). */
function unicodeWords(text: string): string[] {
  const out = text.normalize('NFKC').toLowerCase().replace(QUOTES, "'").replace(POSSESSIVE, '').split(NOT_WORD);
  return out[0] === '' || out[out.length - 1] === '' ? out.filter(Boolean) : out;
}

/**
 * {@link words} of a text of ASCII characters only, else null: the runs of letters and digits, lower-cased, less
 * each `s` that a quote (' or `) comes just before and no letter or digit just after (a possessive). The same words
 * as `text.toLowerCase().replace(/['`]s(?![a-z0-9])/g, '').split(/[^a-z0-9]+/)` without its empty ends (a test
 * holds them equal), without the expressions' runtime calls and the string the replacement builds.
 */
export function asciiWords(text: string): string[] | null {
  const out: string[] = [];
  const n = text.length;
  // the lower-cased text, made when the first upper-case letter is seen
  let lower: string | undefined;
  let upper = false;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    if (c >= 128) return null;
    // a letter or a digit (upper-case letters lower-cased below)
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)) {
      if (start < 0) start = i;
      if (c <= 90 && c >= 65) upper = true;
      continue;
    }
    if (start < 0) continue;
    // one letter s right after a quote and before a non-word character: a possessive, dropped
    const possessive = i - start === 1 && start > 0 && (text.charCodeAt(start) | 32) === 115 && (text.charCodeAt(start - 1) === 39 || text.charCodeAt(start - 1) === 96);
    if (!possessive) {
      if (upper) lower ??= text.toLowerCase();
      out.push((lower ?? text).slice(start, i));
    }
    start = -1;
  }
  return out;
}

/** Word stems of a text: {@link words} through the Porter {@link stem}mer. */
export function tokenise(text: string): string[] {
  return words(text).map(stem);
}
