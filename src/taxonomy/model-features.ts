import { stem, words } from '../text/index.ts';

/** Word lists the feature reader uses, shipped with the model (data, not code). */
export interface FeatureWords {
  /** Words that say nothing on their own: left out of word and word-pair features. */
  stop: string[];
  /** Words that come before a statement's main verb (pronouns, modals, auxiliaries, fillers). Adverbs in -ly are skipped too. */
  beforeVerb: string[];
  /** Words between a verb and its object that are not the object (articles, possessives, prepositions). */
  notObject: string[];
  /** Words after which the next few words are negated ("not", "without", "avoid"); for the `negation` kind. */
  negation?: string[];
}

/** The word lists compiled to stems, memoised per lists object. */
interface CompiledWords {
  negation: Set<string>;
  stop: Set<string>;
  beforeVerb: Set<string>;
  notObject: Set<string>;
}

const compiled = new WeakMap<FeatureWords, CompiledWords>();

/** The word lists as sets of stems (memoised per lists object). */
export function compiledWords(words: FeatureWords): CompiledWords {
  let c = compiled.get(words);
  if (!c) {
    const stems = (list: string[]) => new Set(list.flatMap((w) => splitWords(w).map((x) => x.stem)));
    c = { stop: stems(words.stop), beforeVerb: stems(words.beforeVerb), notObject: stems(words.notObject), negation: new Set(words.negation ?? []) };
    compiled.set(words, c);
  }
  return c;
}

/** A word as written (lower case) and its stem. */
export interface Word {
  raw: string;
  stem: string;
}

/** Lower-case words and their stems: the one tokeniser's words through the one stemmer (src/text). */
export function splitWords(text: string): Word[] {
  return words(text).map((raw) => ({ raw, stem: stem(raw) }));
}

/** Feature name prefixes, one namespace each. */
export const FEATURE_KINDS = {
  'w:': 'word',
  'b:': 'word pair',
  'v:': 'verb',
  'vo:': 'verb + object',
  'h:': 'word of the first clause',
  'n:': 'word after a negation',
  'p:': 'word beginning',
  'c:': 'cue phrase',
  'cc:': 'cue of a competency',
  's:': 'section word',
} as const;

/** Kinds of feature a model may use (`features` in the model and its training settings). */
export const FEATURE_SETS = ['words', 'pairs', 'verb', 'clauses', 'head', 'negation', 'prefix', 'cues', 'section'] as const;
export type FeatureSet = (typeof FEATURE_SETS)[number];

/** The feature kinds of a model trained before `features` existed. */
export const DEFAULT_FEATURES: readonly FeatureSet[] = ['words', 'pairs', 'verb'];

/** An -ly adverb ("actively", "independently"), not a verb in -ply ("apply", "comply"). */
const isAdverb = (raw: string) => raw.length > 4 && raw.endsWith('ly') && !raw.endsWith('ply');

/**
 * The statement's main verb and the first two words of its object: the first word after the subject,
 * modals, auxiliaries and adverbs ("I actively participate in calibration sessions" → participate;
 * calibration, session). Heuristic, no part-of-speech tagger: in ladder statements the verb comes first
 * ("Mentors interns", "I mentor…").
 */
export function verbObject(words: Word[], lists: FeatureWords): { verb: string; object: string[] } | null {
  return verbObjectOf(
    words.map((w) => w.raw),
    words.map((w) => w.stem),
    lists,
  );
}

/** {@link verbObject} of words given as two arrays: the words as written (lower case) and their stems. */
export function verbObjectOf(raws: readonly string[], stems: readonly string[], lists: FeatureWords): { verb: string; object: string[] } | null {
  const at = verbObjectAt(raws, stems, lists);
  return at && { verb: stems[at.verb], object: at.object.map((j) => stems[j]) };
}

/** {@link verbObjectOf} as positions in the arrays: the verb's, and its object words' (at most two). */
export function verbObjectAt(raws: readonly string[], stems: readonly string[], lists: FeatureWords): { verb: number; object: number[] } | null {
  const { beforeVerb, notObject, stop } = compiledWords(lists);
  let i = 0;
  while (i < stems.length && (beforeVerb.has(stems[i]) || isAdverb(raws[i]))) i++;
  if (i >= stems.length) return null;
  const object: number[] = [];
  for (let j = i + 1; j < stems.length && object.length < 2; j++) {
    if (!notObject.has(stems[j]) && !stop.has(stems[j])) object.push(j);
  }
  return { verb: i, object };
}

/** Clause breaks: sentence ends, semicolons, colons, commas, dashes and brackets (bounded, no backtracking). */
const CLAUSE_BREAK = /[.;:!?,()\u2013\u2014]+|\s-\s|\band\b|\bor\b|\bwhile\b|\bwhen\b|\bby\b/g;

/** The statement cut into clauses (each its words); the first is the head clause. */
function clauses(text: string): Word[][] {
  return text
    .toLowerCase()
    .split(CLAUSE_BREAK)
    .map(splitWords)
    .filter((c) => c.length > 0);
}

/** A cue of the taxonomy found in the statement (`why.cues`). */
export interface CueFeature {
  competency: string;
  cue: string;
}

export interface FeatureOptions {
  /** Kinds of feature to read (default {@link DEFAULT_FEATURES}, plus `section` when a section is given and asked for). */
  kinds?: readonly FeatureSet[];
  /** The lexicon's cue hits, for the `cues` kind. */
  cues?: readonly CueFeature[];
  /** The text's words, when the caller has already split them ({@link splitWords} of the same text): saves splitting twice. */
  words?: Word[];
}

/** Add the verb (`v:`) and verb + object (`vo:`) features of a verb phrase. */
function addVerb(out: Set<string>, vo: { verb: string; object: string[] } | null, stop: Set<string>): void {
  if (!vo || stop.has(vo.verb)) return;
  out.add(`v:${vo.verb}`);
  for (const o of vo.object) out.add(`vo:${vo.verb} ${o}`);
}

/**
 * The features of a statement, each a string in its own namespace (see {@link FEATURE_KINDS}), by kind:
 * `words` stems of content words (`w:`); `pairs` neighbouring content words (`b:`); `verb` the main verb and
 * the verb with each of the first two object words (`v:`, `vo:`); `clauses` the same for the verb of every
 * clause; `head` the content words of the first clause (`h:`, what the statement asks first); `negation`
 * the content words after not/no/without/avoid… (`n:`); `prefix` the first five letters of longer content
 * words (`p:`, word families the stemmer keeps apart); `cues` the cue phrases the taxonomy's lexicon found
 * (`c:`) and each competency they speak for (`cc:`); `section` stems of the section path (`s:`). Sorted, each once.
 */
export function modelFeatures(text: string, section: string | undefined, lists: FeatureWords, options: FeatureOptions = {}): string[] {
  return [...featureSet(text, section, lists, options)].sort();
}

/** The features of {@link modelFeatures}, each once, unsorted. */
export function featureSet(text: string, section: string | undefined, lists: FeatureWords, { kinds = DEFAULT_FEATURES, cues = [], words: given }: FeatureOptions = {}): Set<string> {
  const { stop, negation } = compiledWords(lists);
  const out = new Set<string>();
  const words = given ?? splitWords(text);
  const content: Word[] = [];
  for (const w of words) if (!stop.has(w.stem)) content.push(w);
  if (kinds.includes('words')) for (const w of content) out.add(`w:${w.stem}`);
  if (kinds.includes('pairs')) for (let i = 1; i < content.length; i++) out.add(`b:${content[i - 1].stem} ${content[i].stem}`);
  if (kinds.includes('verb')) addVerb(out, verbObject(words, lists), stop);
  const clauseKind = kinds.includes('clauses');
  if (clauseKind || kinds.includes('head')) {
    const parts = clauses(text);
    if (clauseKind) for (const c of parts) if (c.length > 1) addVerb(out, verbObject(c, lists), stop);
    if (kinds.includes('head') && parts.length) for (const w of parts[0]) if (!stop.has(w.stem)) out.add(`h:${w.stem}`);
  }
  if (kinds.includes('negation')) {
    let after = 0;
    for (const w of words) {
      if (negation.has(w.raw)) after = 4;
      else if (after > 0) {
        after--;
        if (!stop.has(w.stem)) out.add(`n:${w.stem}`);
      }
    }
  }
  if (kinds.includes('prefix')) for (const w of content) if (w.raw.length > 6 && /^[a-z]+$/.test(w.raw)) out.add(`p:${w.raw.slice(0, 5)}`);
  if (kinds.includes('cues')) {
    for (const c of cues) {
      out.add(`c:${c.cue}`);
      out.add(`cc:${c.competency}`);
    }
  }
  if (kinds.includes('section') && section) for (const w of splitWords(section)) if (!stop.has(w.stem)) out.add(`s:${w.stem}`);
  return out;
}
