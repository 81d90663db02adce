import { stem } from './stem.ts';

/**
 * Split text into lower-case word stems. Hyphens, slashes and punctuation separate words
 * (`on-call` → `on`, `call`); possessive `'s` is dropped; British `-isation` is read as `-ization`.
 */
export function tokenise(text: string): string[] {
  const normal = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/isation/g, 'ization');
  const words = normal.split(/[^a-z0-9]+/).filter(Boolean);
  return words.map(cachedStem);
}

const stems = new Map<string, string>();
const MAX_CACHED = 50_000;

function cachedStem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stem(word);
    if (stems.size < MAX_CACHED) stems.set(word, s);
  }
  return s;
}
