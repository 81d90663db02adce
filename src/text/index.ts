/** Text tools every layer shares: one tokeniser, one stemmer, one slug, one regex escape, one collation, one way to show control characters. */
export { words, tokenise } from './tokenise.ts';
export { stem, stemNumber } from './stem.ts';
export { slug } from './slug.ts';
export { escapeRegExp } from './escape-regexp.ts';
export { compareNatural, compareText } from './compare-text.ts';
export { escapeControls } from './escape-controls.ts';
export { keepRowWords, rowWords, rowWordsOnce, splitText, type RowWords } from './row-words.ts';
export { sortSmall } from './sort-small.ts';
