/** The scale cue lexicon (data/scale-cues.json): parsing, validation and compiled matchers. */
import * as v from 'valibot';
import { DataError, got, isPlainObject, mapOf, nonEmptyString, nonNegative, numberIn, pairs, pattern, positive, readData, record, strings, type Problem } from '../schema/index.ts';
import { DEFAULT_CALIBRATION, type CalibrationSettings } from './calibrate-levels.ts';
import type { DurationRule } from './durations.ts';
import { NO_SECTION_RULES, type SectionRules } from './section-rules.ts';
import { normaliseText } from './text.ts';

export interface ScaleCue {
  id: string;
  dimension: string;
  /** Value on the 1–7 scale the cue speaks for. */
  value: number;
  weight: number;
  phrases: string[];
}

export interface AttributeRule {
  weight: number;
  /** Which numbers the attribute holds, if any. */
  numbers?: 'people' | 'months';
  /** [number, scale value] pairs, interpolated on log(number). */
  anchors?: [number, number][];
  cycleMonths?: number;
  useGeneralCues: boolean;
  cues: ScaleCue[];
}

export interface ScaleCues {
  name: string;
  version: string;
  scale: { value: number; name: string; description: string }[];
  cues: ScaleCue[];
  attributes: Record<string, AttributeRule>;
  capNotes: { patterns: string[]; levelPattern: string };
  /** Cues read from a level's title ("Senior", "Principal"); each hit weighs weight × cue weight. */
  titles: {
    weight: number;
    cues: ScaleCue[];
    /** Roman numerals in a title: alone they place the level (values, at weight); after a seniority word each step adds `step`. */
    numerals?: { values: Record<string, number>; step: number; weight: number };
    /** Words that step a higher seniority word beside them up ("senior" + manager → +0.5); alone they read as their own cue. */
    modifiers?: Record<string, number>;
  };
  /** A cue of these dimensions followed within `window` words by one of `after` reads at most `max` ("… outside of the team"). */
  qualifiers?: { after: string[]; window: number; max: number; dimensions: string[] }[];
  /** Phrases after which cues of the given dimensions describe context, not reach: their weight × factor. */
  dampeners: { phrases: string[]; factor: number; dimensions: string[] };
  scopeWords: string[];
  /** Time spans in statement text ("two to four quarters") read as a horizon; absent → not read. */
  durations?: DurationRule;
  /** Within a ladder, each level sits at least minStep above the level below after the fit (0 → ties allowed). */
  fit: { minStep: number };
  /** Settings of the joint placement fit (calibrate-levels.ts); absent → the defaults there. */
  calibration?: CalibrationSettings;
  /** Sections that say nothing about level, or whose short cells read as an attribute or a title. */
  sections: SectionRules;
}

export class ScaleCuesError extends DataError {
  constructor(source: string, problems: string[]) {
    super(source, problems);
    this.name = 'ScaleCuesError';
  }
}

const CUE = record(
  {
    id: nonEmptyString(),
    dimension: v.optional(nonEmptyString(), 'scope'),
    value: numberIn(1, 7),
    weight: nonNegative(),
    phrases: strings(),
  },
  'expected a cue object with "id", "value", "weight" and "phrases"',
);
const CUES = v.array(CUE, 'must be a list of cues');
const about = v.optional(v.string());

const ATTRIBUTE = record(
  {
    about,
    weight: v.optional(nonNegative(), 1),
    numbers: v.optional(v.picklist(['people', 'months'], (i) => `must be "people" or "months" ${got(i.input)}`)),
    anchors: v.optional(pairs('must be [number, value] pairs')),
    cycleMonths: v.optional(positive()),
    useGeneralCues: v.optional(v.boolean('must be true or false'), true),
    cues: v.optional(CUES, []),
  },
  'expected an attribute rule object',
);

const DURATIONS = record(
  {
    about,
    weight: v.optional(nonNegative(), 1),
    dimension: v.optional(nonEmptyString(), 'horizon'),
    units: mapOf(v.string(), positive(), 'must map words to positive numbers'),
    numbers: v.pipe(
      mapOf(v.string(), positive(), 'must map words to positive numbers'),
      v.transform((m) => Object.fromEntries(Object.entries(m).map(([k, n]) => [normaliseText(k), n]))),
    ),
    anchors: v.pipe(pairs('must be at least two [months, value] pairs'), v.minLength(2, (i) => `must be at least two [months, value] pairs ${got(i.input)}`)),
    ignoreAfter: v.optional(strings(), []),
    ignoreBefore: v.optional(strings(), []),
  },
  'expected a durations object',
);

const SECTIONS = record(
  {
    about,
    ignore: v.optional(strings(), []),
    asAttribute: v.optional(
      v.array(
        record(
          { match: v.optional(strings(), []), attribute: v.string('must name one of the attributes'), maxWords: v.optional(nonNegative(), 5), weight: v.optional(nonNegative(), 1) },
          'expected an object with "match" and "attribute"',
        ),
        'must be a list',
      ),
      [],
    ),
    asTitle: v.optional(record({ match: v.optional(strings(), []), maxWords: v.optional(nonNegative(), 6) }, 'expected an object with "match"'), { match: [], maxWords: 6 }),
  },
  'expected a sections object',
);

const D = DEFAULT_CALIBRATION;
const CALIBRATION = record(
  {
    about,
    textWeight: v.optional(nonNegative(), D.textWeight),
    textSaturation: v.optional(positive(), D.textSaturation),
    factWeight: v.optional(nonNegative(), D.factWeight),
    factSaturation: v.optional(positive(), D.factSaturation),
    titleWeight: v.optional(nonNegative(), D.titleWeight),
    step: v.optional(record({ size: v.optional(positive(), D.step.size), weight: v.optional(nonNegative(), D.step.weight), sizeSd: v.optional(positive(), D.step.sizeSd) }, 'expected an object with "size", "weight" and "sizeSd"'), D.step),
    offsetSd: v.optional(positive(), D.offsetSd),
    text: v.optional(
      record(
        { slope: v.optional(positive(), D.text.slope), slopeSd: v.optional(positive(), D.text.slopeSd), minSlope: v.optional(positive(), D.text.minSlope), maxSlope: v.optional(positive(), D.text.maxSlope), centre: v.optional(numberIn(1, 7), D.text.centre) },
        'expected an object with "slope", "slopeSd", "minSlope", "maxSlope" and "centre"',
      ),
      D.text,
    ),
    variantWeight: v.optional(nonNegative(), D.variantWeight),
    shared: v.optional(record({ perStatement: v.optional(nonNegative(), D.shared.perStatement), max: v.optional(nonNegative(), D.shared.max) }, 'expected an object with "perStatement" and "max"'), D.shared),
  },
  'expected a calibration object',
);

const FIELDS = {
  $comment: about,
  about,
  name: v.optional(v.string(), 'scale cues'),
  version: v.pipe(v.optional(v.union([v.string(), v.number()]), '0'), v.transform(String)),
  scale: v.optional(
    v.array(record({ value: numberIn(1, 7), name: nonEmptyString(), description: v.optional(v.string(), '') }, 'expected a step with "value" and "name"'), 'must be a list of scale steps'),
    [],
  ),
  cues: CUES,
  attributes: v.optional(mapOf(v.string(), ATTRIBUTE, 'must map attribute names to rules'), {}),
  capNotes: v.optional(
    record({ about, patterns: v.optional(strings(), []), levelPattern: v.optional(pattern(() => 'i'), '\\b(?:l|level)\\s*(\\d+)\\b') }, 'expected an object with "patterns"'),
    { patterns: [], levelPattern: '\\b(?:l|level)\\s*(\\d+)\\b' },
  ),
  titles: v.optional(
    record(
      {
        about,
        weight: v.optional(nonNegative(), 0),
        cues: v.optional(CUES, []),
        numerals: v.optional(
          record({ values: mapOf(v.string(), numberIn(1, 7), 'must map numerals to values 1-7'), step: v.number('must be a number'), weight: nonNegative() }, 'needs "values" (numeral → 1-7), "step" and "weight"'),
        ),
        modifiers: v.optional(mapOf(v.string(), numberIn(0, 3), 'must map words to steps from 0 to 3')),
      },
      'expected an object with "weight" and "cues"',
    ),
    { weight: 0, cues: [] },
  ),
  dampeners: v.optional(
    record({ about, phrases: v.optional(strings(), []), factor: v.optional(numberIn(0, 1), 0.25), dimensions: v.optional(strings(), ['scope']) }, 'expected an object with "phrases"'),
    { phrases: [], factor: 0.25, dimensions: ['scope'] },
  ),
  scopeWords: v.optional(v.array(nonEmptyString('must be a word'), 'must be a list of words'), []),
  qualifiers: v.optional(
    v.array(
      record(
        { about, after: strings(), window: v.pipe(positive(), v.integer('must be a whole number')), max: numberIn(1, 7), dimensions: v.optional(strings(), ['scope']) },
        'expected an object with "after", "window" and "max"',
      ),
      'must be a list of qualifiers',
    ),
  ),
  calibration: v.optional(CALIBRATION),
  durations: v.optional(DURATIONS),
  fit: v.optional(record({ about, minStep: v.optional(numberIn(0, 1), 0) }, 'expected an object with "minStep"'), { minStep: 0 }),
  sections: v.optional(SECTIONS, NO_SECTION_RULES),
};

const SCALE_CUES = record(FIELDS, 'expected a JSON object with "cues"');

/** Problems across fields, and fields the lexicon does not have (a typo would otherwise be ignored silently). */
function references(raw: unknown): Problem[] {
  if (!isPlainObject(raw)) return [];
  const problems: Problem[] = Object.keys(raw)
    .filter((k) => !(k in FIELDS))
    .map((k) => ({ path: [{ key: k }], message: `is not a field of the scale cues (fields: ${Object.keys(FIELDS).filter((f) => f !== '$comment' && f !== 'about').join(', ')})` }));
  const attributes = isPlainObject(raw.attributes) ? raw.attributes : {};
  const asAttribute = isPlainObject(raw.sections) && Array.isArray(raw.sections.asAttribute) ? raw.sections.asAttribute : [];
  asAttribute.forEach((a: unknown, i: number) => {
    if (isPlainObject(a) && typeof a.attribute === 'string' && !(a.attribute in attributes)) {
      problems.push({ path: [{ key: 'sections' }, { key: 'asAttribute' }, { key: i, value: a }, { key: 'attribute' }], message: `"${a.attribute}" is not one of the attributes (${Object.keys(attributes).join(', ') || 'none'})` });
    }
  });
  return problems;
}

/** Parse and check data/scale-cues.json (text or parsed object). Throws ScaleCuesError naming each problem by field path. */
export function parseScaleCues(input: unknown, { source = 'scale-cues.json' }: { source?: string } = {}): ScaleCues {
  const { $comment, about, calibration, ...cues } = readData(SCALE_CUES, input, { source, references, error: ScaleCuesError });
  if (!calibration) return cues;
  const { about: _, ...settings } = calibration;
  return { ...cues, calibration: settings };
}

/** A cue list compiled to a trie of whole words over normalised text: at each word, the longest phrase wins. */
export interface CompiledCues {
  root: CueNode;
  byPhrase: Map<string, ScaleCue>;
  /**
   * Whether some phrase begins with a word of this length and first character: `first[wordShape(word)]`. Most words
   * of a text begin no phrase, and this answers for them without cutting the word out of the text to look it up.
   */
  first: Uint8Array;
}

/** A word's length (up to 63) and first character code (modulo 128), as one index into {@link CompiledCues.first}. */
export const wordShape = (length: number, firstCode: number) => (Math.min(length, 63) << 7) | (firstCode & 127);

/** One word of the trie: the words that may follow, and the cue whose phrase ends here. */
export interface CueNode {
  next: Map<string, CueNode> | null;
  cue: ScaleCue | null;
}

const compiledCache = new WeakMap<ScaleCue[], CompiledCues>();

/**
 * Compile cue phrases (normalised the same way as statement text) into one matcher. A phrase listed under two
 * cues belongs to the first. Normalised text has single spaces between words, so word edges are spaces.
 */
export function compileCues(cues: ScaleCue[]): CompiledCues {
  const hit = compiledCache.get(cues);
  if (hit) return hit;
  const byPhrase = new Map<string, ScaleCue>();
  for (const cue of cues) for (const p of cue.phrases.map(normaliseText)) if (p && !byPhrase.has(p)) byPhrase.set(p, cue);
  const root: CueNode = { next: null, cue: null };
  for (const [phrase, cue] of byPhrase) {
    let node = root;
    for (const word of phrase.split(' ')) {
      node.next ??= new Map();
      let child = node.next.get(word);
      if (!child) node.next.set(word, (child = { next: null, cue: null }));
      node = child;
    }
    node.cue = cue;
  }
  const first = new Uint8Array(64 << 7);
  for (const word of root.next?.keys() ?? []) first[wordShape(word.length, word.charCodeAt(0))] = 1;
  const out = { root, byPhrase, first };
  compiledCache.set(cues, out);
  return out;
}
