/**
 * Porter (1980) suffix-stripping stemmer for English words, written for this project: the one stemmer of
 * the classifier and the analyses. `stem('mentoring') === stem('mentored') === 'mentor'`; British `-isation`
 * is read as `-ization`. Input must be a lower-case word; words of one or two letters and words with anything
 * but the letters a–z (`café`, `10x`) are returned unchanged. Memoised.
 */
export function stem(word: string): string {
  if (word.length < 3) return word; // as porter() would, without a look-up
  return stemmed(word).stem;
}

/** A word and its stem, as memoised, with the stem's number ({@link stemNumber}). */
export interface Stemmed {
  readonly word: string;
  readonly stem: string;
  readonly id: number;
}

/**
 * The memo entry of a word: its stem, the stem's number, and the word as first seen. A statement table keeps its
 * rows' words ({@link splitText}): the memo's copy in place of each freshly cut one is the same text in one string
 * per distinct word instead of one per occurrence, and the garbage collector has that much less to move.
 */
export function stemmed(word: string): Stemmed {
  let s = stems.get(word);
  if (s === undefined) {
    const stem = word.length < 3 ? word : porter(word);
    s = { word, stem, id: stemNumber(stem) };
    if (stems.size < MAX_CACHED) stems.set(word, s);
  }
  return s;
}

const stems = new Map<string, Stemmed>();

/**
 * A number for each distinct stem, 0, 1, 2… in order of first sight, the same for the whole process (bounded like
 * the memo; beyond it -1): tables keyed by stem can then be arrays indexed by number, read without hashing a string.
 */
export function stemNumber(stem: string): number {
  let n = numbers.get(stem);
  if (n === undefined) {
    if (numbers.size >= MAX_CACHED) return -1;
    numbers.set(stem, (n = numbers.size));
  }
  return n;
}

const numbers = new Map<string, number>();
const MAX_CACHED = 50_000;

function porter(word: string): string {
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return word;
  if (word.includes('isation')) word = word.replace('isation', 'ization');
  const kept = KEEP_APART.find(([prefix]) => word.startsWith(prefix));
  if (kept) return kept[1];
  let w = word;
  w = step1a(w);
  w = step1b(w);
  w = step1c(w);
  w = step2(w);
  w = step3(w);
  w = step4(w);
  w = step5(w);
  return w;
}

/**
 * Word families Porter's rules would merge with unrelated words (experience/experiment,
 * decisive/decision, production/productive/product, community/communication, internal/intern): they get a stem of their own.
 */
const KEEP_APART: [string, string][] = [
  ['experienc', 'experienc'],
  ['decisive', 'decisiv'],
  ['production', 'production'],
  ['productiv', 'productiv'],
  ['communit', 'communiti'],
  ['internal', 'internal'],
];

function isConsonant(w: string, i: number): boolean {
  const c = w[i];
  if ('aeiou'.includes(c)) return false;
  if (c === 'y') return i === 0 ? true : !isConsonant(w, i - 1);
  return true;
}

/** m(): the number of vowel–consonant sequences in `w`. */
function measure(w: string): number {
  let m = 0;
  let i = 0;
  const n = w.length;
  while (i < n && isConsonant(w, i)) i++;
  while (i < n) {
    while (i < n && !isConsonant(w, i)) i++;
    if (i >= n) break;
    while (i < n && isConsonant(w, i)) i++;
    m++;
  }
  return m;
}

function hasVowel(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (!isConsonant(w, i)) return true;
  return false;
}

function endsDoubleConsonant(w: string): boolean {
  const n = w.length;
  return n >= 2 && w[n - 1] === w[n - 2] && isConsonant(w, n - 1);
}

/** *o: stem ends consonant-vowel-consonant, last not w, x or y. */
function endsCvc(w: string): boolean {
  const n = w.length;
  if (n < 3) return false;
  if (!isConsonant(w, n - 3) || isConsonant(w, n - 2) || !isConsonant(w, n - 1)) return false;
  return !'wxy'.includes(w[n - 1]);
}

function replace(w: string, suffix: string, repl: string, minMeasure: number): string | null {
  if (!w.endsWith(suffix)) return null;
  const base = w.slice(0, w.length - suffix.length);
  return measure(base) > minMeasure ? base + repl : w;
}

function step1a(w: string): string {
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ies')) return w.slice(0, -2);
  if (w.endsWith('ss')) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

function step1b(w: string): string {
  if (w.endsWith('eed')) {
    const base = w.slice(0, -3);
    return measure(base) > 0 ? w.slice(0, -1) : w;
  }
  let base: string | null = null;
  if (w.endsWith('ed')) base = w.slice(0, -2);
  else if (w.endsWith('ing')) base = w.slice(0, -3);
  if (base === null || !hasVowel(base)) return w;
  if (base.endsWith('at') || base.endsWith('bl') || base.endsWith('iz')) return base + 'e';
  if (endsDoubleConsonant(base) && !/[lsz]$/.test(base)) return base.slice(0, -1);
  if (measure(base) === 1 && endsCvc(base)) return base + 'e';
  return base;
}

function step1c(w: string): string {
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) return w.slice(0, -1) + 'i';
  return w;
}

const STEP2: [string, string][] = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'],
  ['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'],
  ['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'],
  ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble'],
  ['logi', 'log'],
];

const STEP3: [string, string][] = [
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''],
];

const STEP4 = [
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou',
  'ism', 'ate', 'iti', 'ous', 'ive', 'ize',
];

function longestRule(w: string, rules: [string, string][], minMeasure: number): string {
  let best: [string, string] | null = null;
  for (const rule of rules) if (w.endsWith(rule[0]) && (!best || rule[0].length > best[0].length)) best = rule;
  if (!best) return w;
  return replace(w, best[0], best[1], minMeasure) ?? w;
}

function step2(w: string): string {
  return longestRule(w, STEP2, 0);
}

function step3(w: string): string {
  return longestRule(w, STEP3, 0);
}

function step4(w: string): string {
  let best = '';
  for (const s of STEP4) if (w.endsWith(s) && s.length > best.length) best = s;
  if (!best) return w;
  const base = w.slice(0, w.length - best.length);
  if (measure(base) <= 1) return w;
  if (best === 'ion' && !/[st]$/.test(base)) return w;
  return base;
}

function step5(w: string): string {
  if (w.endsWith('e')) {
    const base = w.slice(0, -1);
    const m = measure(base);
    if (m > 1 || (m === 1 && !endsCvc(base))) w = base;
  }
  if (measure(w) > 1 && endsDoubleConsonant(w) && w.endsWith('l')) w = w.slice(0, -1);
  return w;
}
