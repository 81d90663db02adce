import { stem, words } from '../text/index.ts';

/** Word lists the feature reader uses, shipped with the model (data, not code). */
export interface FeatureWords {
  /** Words that say nothing on their own: left out of word and word-pair features. */
  stop: string[];
  /** Words that come before a statement's main verb (pronouns, modals, auxiliaries, fillers). Adverbs in -ly are skipped too. */
  beforeVerb: string[];
  /** Words between a verb and its object that are not the object (articles, possessives, prepositions). */
  notObject: string[];
}

/** The word lists compiled to stems, memoised per lists object. */
interface CompiledWords {
  stop: Set<string>;
  beforeVerb: Set<string>;
  notObject: Set<string>;
}

const compiled = new WeakMap<FeatureWords, CompiledWords>();

function compile(words: FeatureWords): CompiledWords {
  let c = compiled.get(words);
  if (!c) {
    const stems = (list: string[]) => new Set(list.flatMap((w) => splitWords(w).map((x) => x.stem)));
    c = { stop: stems(words.stop), beforeVerb: stems(words.beforeVerb), notObject: stems(words.notObject) };
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
  's:': 'section word',
} as const;

/** An -ly adverb ("actively", "independently"), not a verb in -ply ("apply", "comply"). */
const isAdverb = (raw: string) => raw.length > 4 && raw.endsWith('ly') && !raw.endsWith('ply');

/**
 * The statement's main verb and the first two words of its object: the first word after the subject,
 * modals, auxiliaries and adverbs ("I actively participate in calibration sessions" → participate;
 * calibration, session). Heuristic, no part-of-speech tagger: in ladder statements the verb comes first
 * ("Mentors interns", "I mentor…").
 */
export function verbObject(words: Word[], lists: FeatureWords): { verb: string; object: string[] } | null {
  const { beforeVerb, notObject, stop } = compile(lists);
  let i = 0;
  while (i < words.length && (beforeVerb.has(words[i].stem) || isAdverb(words[i].raw))) i++;
  if (i >= words.length) return null;
  const object: string[] = [];
  for (let j = i + 1; j < words.length && object.length < 2; j++) {
    if (!notObject.has(words[j].stem) && !stop.has(words[j].stem)) object.push(words[j].stem);
  }
  return { verb: words[i].stem, object };
}

/**
 * The features of a statement, each a string in its own namespace: `w:` stems of content words,
 * `b:` pairs of neighbouring content words, `v:` the main verb, `vo:` the verb with each of the first
 * two object words, `s:` stems of the section path. Sorted, each once.
 */
export function modelFeatures(text: string, section: string | undefined, lists: FeatureWords): string[] {
  const { stop } = compile(lists);
  const out = new Set<string>();
  const words = splitWords(text);
  const content = words.filter((w) => !stop.has(w.stem));
  for (const w of content) out.add(`w:${w.stem}`);
  for (let i = 1; i < content.length; i++) out.add(`b:${content[i - 1].stem} ${content[i].stem}`);
  const vo = verbObject(words, lists);
  if (vo) {
    out.add(`v:${vo.verb}`);
    for (const o of vo.object) out.add(`vo:${vo.verb} ${o}`);
  }
  if (section) for (const w of splitWords(section)) if (!stop.has(w.stem)) out.add(`s:${w.stem}`);
  return [...out].sort();
}
