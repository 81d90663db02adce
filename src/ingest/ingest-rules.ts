import * as v from 'valibot';
import defaults from '../../data/ingest-rules.json';
import { mapOf, pattern, positive, readData, record, strings } from '../schema/index.ts';

/** The reading rules from `data/ingest-rules.json`, compiled. */
export interface IngestRules {
  placeholder: RegExp[];
  note: RegExp[];
  /** All placeholder patterns as one expression, so a statement is scanned once. */
  anyPlaceholder: RegExp;
  /** All note patterns as one expression. */
  anyNote: RegExp;
  genericLabels: Set<string>;
  exampleLabels: Set<string>;
  subsectionKeys: Set<string>;
  attributeAliases: [name: string, alias: string][];
  seniorityWords: string[];
  /** Rank phrases of level titles as word lists with their rank (1 = lowest), longest phrase first. */
  levelTitleRanks: { words: string[]; rank: number }[];
  /** Rank of a title without a rank word beside ranked ones (the "intermediate" group). */
  unrankedRank: number;
  /** Section headings about the role or process, not expectations (lower case, matched as a heading's start). */
  contextSections: string[];
  /** Sentences saying a level includes another's expectations; group `base` names the other level. */
  inheritance: RegExp[];
  /** Words naming the level before this one ("the previous level"), lower case. */
  previousLevelWords: string[];
  /** Base names of files that sit beside ladders but are not ladders (LICENSE, NOTICE, README), lower case. */
  ignoredFiles: Set<string>;
  maxFileBytes: number;
}

// Unicode mode only where a pattern needs it: V8 runs these many times faster without it.
const flagsFor = (p: string) => (/\\[pPu]\{/.test(p) ? 'iu' : 'i');

const RULES = record(
  {
    $comment: v.optional(v.string()),
    placeholderPatterns: v.array(pattern(flagsFor), 'must be a list of regular expressions'),
    notePatterns: v.array(pattern(flagsFor), 'must be a list of regular expressions'),
    genericLabels: strings(),
    exampleLabels: strings(),
    subsectionKeys: strings(),
    attributeAliases: mapOf(v.string(), strings('must be a list of labels'), 'must map attribute names to lists of labels'),
    seniorityWords: strings(),
    levelTitleRanks: v.optional(v.array(strings('must be a list of words'), 'must be a list of lists of words, lowest rank first')),
    contextSections: v.optional(strings()),
    inheritancePatterns: v.optional(v.array(pattern(flagsFor), 'must be a list of regular expressions')),
    previousLevelWords: v.optional(strings()),
    ignoredFiles: v.optional(strings()),
    maxFileBytes: v.pipe(positive('must be a positive whole number of bytes'), v.integer('must be a positive whole number of bytes')),
  },
  'expected a JSON object of reading rules',
);

/** The rule data as written in `ingest-rules.json`. */
export type IngestRulesData = v.InferOutput<typeof RULES>;

/** Reads and compiles an ingest-rules file (JSON text or parsed); throws naming the file and every bad field. */
export function parseIngestRules(input: unknown, { source = 'ingest-rules.json' }: { source?: string } = {}): IngestRules {
  return compileRules(readData(RULES, input, { source }));
}

/** Compiles rule data (the bundled file by default). */
export function compileRules(data: IngestRulesData = defaults): IngestRules {
  const re = (p: string) => {
    try {
      return new RegExp(p, flagsFor(p));
    } catch (e) {
      throw new Error(`ingest rules: bad pattern ${JSON.stringify(p)}: ${(e as Error).message}`);
    }
  };
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const placeholder = data.placeholderPatterns.map(re);
  const note = data.notePatterns.map(re);
  const union = (xs: RegExp[]) => new RegExp(xs.map((x) => `(?:${x.source})`).join('|') || '(?!)', xs.some((x) => x.unicode) ? 'iu' : 'i');
  return {
    placeholder,
    note,
    anyPlaceholder: union(placeholder),
    anyNote: union(note),
    genericLabels: lower(data.genericLabels),
    exampleLabels: lower(data.exampleLabels),
    subsectionKeys: lower(data.subsectionKeys),
    attributeAliases: Object.entries(data.attributeAliases)
      .flatMap(([name, aliases]) => aliases.map((a) => [name, a.toLowerCase()] as [string, string]))
      .sort((a, b) => b[1].length - a[1].length),
    seniorityWords: [...data.seniorityWords].sort((a, b) => b.length - a.length),
    levelTitleRanks: (data.levelTitleRanks ?? [])
      .flatMap((group, i) => group.map((p) => ({ words: p.toLowerCase().split(/\s+/).filter(Boolean), rank: i + 1 })))
      .filter((r) => r.words.length)
      .sort((a, b) => b.words.length - a.words.length),
    unrankedRank: 1 + Math.max(0, (data.levelTitleRanks ?? []).findIndex((g) => g.some((p) => p.toLowerCase() === 'intermediate'))),
    contextSections: (data.contextSections ?? []).map((x) => x.toLowerCase()),
    inheritance: (data.inheritancePatterns ?? []).map(re),
    previousLevelWords: (data.previousLevelWords ?? []).map((x) => x.toLowerCase()),
    ignoredFiles: lower(data.ignoredFiles ?? []),
    maxFileBytes: data.maxFileBytes,
  };
}

export const defaultRules: IngestRules = compileRules();

/** Placeholders are short by nature; longer text is never tested (keeps patterns cheap on big files). */
export function isPlaceholder(text: string, rules: IngestRules): boolean {
  return text.length <= 40 && rules.anyPlaceholder.test(text);
}

/** Meta notes ("expectations do not go up beyond L5", "Everything in L2, plus:") are one short sentence. */
export function isNote(text: string, rules: IngestRules): boolean {
  return text.length <= 240 && rules.anyNote.test(text);
}
