/** The scale cue lexicon (data/scale-cues.json): parsing, validation and compiled matchers. */
import type { DurationRule } from './durations.ts';
import { NO_SECTION_RULES, type SectionRules } from './section-rules.ts';
import { escapeRegExp } from '../text/index.ts';
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
  };
  /** Phrases after which cues of the given dimensions describe context, not reach: their weight × factor. */
  dampeners: { phrases: string[]; factor: number; dimensions: string[] };
  scopeWords: string[];
  /** Time spans in statement text ("two to four quarters") read as a horizon; absent → not read. */
  durations?: DurationRule;
  /** Within a ladder, each level sits at least minStep above the level below after the fit (0 → ties allowed). */
  fit: { minStep: number };
  /** Sections that say nothing about level, or whose short cells read as an attribute or a title. */
  sections: SectionRules;
}

export class ScaleCuesError extends Error {
  constructor(public problems: string[]) {
    super(`scale-cues.json: ${problems.join('; ')}`);
    this.name = 'ScaleCuesError';
  }
}

/** Parse and check data/scale-cues.json (text or parsed object). Throws ScaleCuesError naming each problem. */
export function parseScaleCues(input: string | unknown): ScaleCues {
  const raw = (typeof input === 'string' ? JSON.parse(input) : input) as Partial<ScaleCues> | null;
  const problems: string[] = [];
  if (!raw || typeof raw !== 'object') throw new ScaleCuesError(['not an object']);
  const checkCues = (cues: unknown, where: string): ScaleCue[] => {
    if (!Array.isArray(cues)) {
      problems.push(`${where} is not a list`);
      return [];
    }
    return cues.map((c: Partial<ScaleCue>, i) => {
      const at = `${where}[${i}]${c?.id ? ` ("${c.id}")` : ''}`;
      if (typeof c?.id !== 'string') problems.push(`${at}: "id" missing`);
      if (typeof c?.value !== 'number' || c.value < 1 || c.value > 7) problems.push(`${at}: "value" must be a number 1-7`);
      if (typeof c?.weight !== 'number' || c.weight < 0) problems.push(`${at}: "weight" must be a number ≥ 0`);
      if (!Array.isArray(c?.phrases) || c.phrases.some((p) => typeof p !== 'string')) problems.push(`${at}: "phrases" must be a list of strings`);
      return { id: String(c?.id), dimension: String(c?.dimension ?? 'scope'), value: Number(c?.value), weight: Number(c?.weight), phrases: (c?.phrases ?? []).map(String) };
    });
  };
  const cues = checkCues(raw.cues, 'cues');
  const titleCues = raw.titles ? checkCues(raw.titles.cues ?? [], 'titles.cues') : [];
  const attributes: Record<string, AttributeRule> = {};
  for (const [name, rule] of Object.entries(raw.attributes ?? {})) {
    const r = rule as Partial<AttributeRule>;
    attributes[name] = {
      weight: typeof r.weight === 'number' ? r.weight : 1,
      numbers: r.numbers,
      anchors: r.anchors,
      cycleMonths: r.cycleMonths,
      useGeneralCues: r.useGeneralCues !== false,
      cues: checkCues(r.cues ?? [], `attributes.${name}.cues`),
    };
    if (r.anchors && (!Array.isArray(r.anchors) || r.anchors.some((a) => !Array.isArray(a) || a.length !== 2))) {
      problems.push(`attributes.${name}.anchors must be [number, value] pairs`);
    }
  }
  const durations = parseDurations(raw.durations, problems);
  const minStep = raw.fit?.minStep ?? 0;
  if (typeof minStep !== 'number' || minStep < 0 || minStep > 1) problems.push('fit.minStep must be a number 0-1');
  const sections = parseSections(raw.sections, problems);
  const numerals = raw.titles?.numerals;
  if (numerals && (typeof numerals.values !== 'object' || Object.values(numerals.values).some((v) => typeof v !== 'number') || typeof numerals.step !== 'number' || typeof numerals.weight !== 'number')) {
    problems.push('titles.numerals needs values (numeral → 1-7), step and weight');
  }
  for (const a of sections.asAttribute) if (!attributes[a.attribute]) problems.push(`sections.asAttribute: "${a.attribute}" is not one of the attributes`);
  if (problems.length) throw new ScaleCuesError(problems);
  return {
    name: String(raw.name ?? 'scale cues'),
    version: String(raw.version ?? '0'),
    scale: raw.scale ?? [],
    cues,
    attributes,
    capNotes: { patterns: raw.capNotes?.patterns ?? [], levelPattern: raw.capNotes?.levelPattern ?? '\\b(?:l|level)\\s*(\\d+)\\b' },
    titles: { weight: typeof raw.titles?.weight === 'number' ? raw.titles.weight : 0, cues: titleCues, ...(numerals ? { numerals } : {}) },
    dampeners: {
      phrases: raw.dampeners?.phrases ?? [],
      factor: typeof raw.dampeners?.factor === 'number' ? raw.dampeners.factor : 0.25,
      dimensions: raw.dampeners?.dimensions ?? ['scope'],
    },
    scopeWords: raw.scopeWords ?? [],
    ...(durations ? { durations } : {}),
    fit: { minStep: Number(minStep) },
    sections,
  };
}

function parseSections(raw: Partial<SectionRules> | undefined, problems: string[]): SectionRules {
  if (raw === undefined) return NO_SECTION_RULES;
  const strings = (v: unknown, where: string): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      problems.push(`sections.${where} must be a list of strings`);
      return [];
    }
    return v;
  };
  return {
    ignore: strings(raw.ignore, 'ignore'),
    asAttribute: (Array.isArray(raw.asAttribute) ? raw.asAttribute : []).map((a, i) => ({
      match: strings(a?.match, `asAttribute[${i}].match`),
      attribute: String(a?.attribute ?? ''),
      maxWords: typeof a?.maxWords === 'number' ? a.maxWords : 5,
      weight: typeof a?.weight === 'number' ? a.weight : 1,
    })),
    asTitle: { match: strings(raw.asTitle?.match, 'asTitle.match'), maxWords: typeof raw.asTitle?.maxWords === 'number' ? raw.asTitle.maxWords : 6 },
  };
}

function parseDurations(raw: Partial<DurationRule> | undefined, problems: string[]): DurationRule | undefined {
  if (raw === undefined) return undefined;
  const numberMap = (m: unknown, where: string): Record<string, number> => {
    if (!m || typeof m !== 'object' || Object.values(m).some((v) => typeof v !== 'number' || !(v > 0))) {
      problems.push(`durations.${where} must map words to positive numbers`);
      return {};
    }
    return Object.fromEntries(Object.entries(m as Record<string, number>).map(([k, v]) => [normaliseText(k), v]));
  };
  const anchors = raw.anchors;
  if (!Array.isArray(anchors) || anchors.length < 2 || anchors.some((a) => !Array.isArray(a) || a.length !== 2 || a.some((x) => typeof x !== 'number'))) {
    problems.push('durations.anchors must be at least two [months, value] pairs');
  }
  return {
    weight: typeof raw.weight === 'number' ? raw.weight : 1,
    dimension: String(raw.dimension ?? 'horizon'),
    units: numberMap(raw.units, 'units'),
    numbers: numberMap(raw.numbers, 'numbers'),
    anchors: Array.isArray(anchors) ? anchors : [],
    ignoreAfter: (raw.ignoreAfter ?? []).map(String),
    ignoreBefore: (raw.ignoreBefore ?? []).map(String),
  };
}

/** A cue list compiled to one whole-word regular expression over normalised text (longest phrase first). */
export interface CompiledCues {
  re: RegExp;
  byPhrase: Map<string, ScaleCue>;
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
  const alts = [...byPhrase.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const re = new RegExp(alts.length ? `(?<=^| )(?:${alts.map(escapeRegExp).join('|')})(?= |$)` : '(?!)', 'g');
  const out = { re, byPhrase };
  compiledCache.set(cues, out);
  return out;
}
