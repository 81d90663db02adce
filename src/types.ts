/** The statement table contract shared by ingestion, classification, analyses, views and the CLI. */

export type Kind = 'expectation' | 'example' | 'summary' | 'attribute' | 'note' | 'placeholder';

export const KINDS: readonly Kind[] = ['expectation', 'example', 'summary', 'attribute', 'note', 'placeholder'];

/** Documented flag vocabulary (see README "Flags"). */
export type Flag =
  | 'mojibake-repaired'
  | 'placeholder'
  | 'empty-cell'
  | 'truncated'
  | 'unbulleted'
  | 'external-reference';

export const FLAGS: readonly Flag[] = ['mojibake-repaired', 'placeholder', 'empty-cell', 'truncated', 'unbulleted', 'external-reference'];

export interface SourceRef {
  /** Path relative to the data folder, e.g. `ladders/octopus/octopus-l2-security-engineer.md`. */
  file: string;
  /** 1-based line number (in a workbook or a Word document: the reader's own numbering, see `at`). */
  line: number;
  /** Where in a file without source lines: a workbook cell `Skills!C4`, a document paragraph `¶12`. */
  at?: string;
}

/** Structured value of an Octopus-style attribute line (Planning horizon, Impact radius, …). */
export interface AttributeValue {
  /** Canonical name: `planningHorizon`, `impactRadius`, `evaluation`, `directionNeeded`, or a slug of the label. */
  name: string;
  /** The label as written in the file. */
  label: string;
  /** The value as written (trimmed, trailing full stop removed). */
  value: string;
  /** Parsed numbers where the value has them, as written ("6-12 months": 6 and 12; "2 quarters": 2). */
  min?: number;
  max?: number;
  /** The unit word as written, lower case (`months`, `quarters`, `years`, `cycles`), or `people` for a head count. */
  unit?: string;
}

export interface Statement {
  /** Stable across runs: derived from company, file, line and position in the line. */
  id: string;
  company: string;
  track: string;
  /** Native level label: `IC6`, `L4`, `3`. */
  level: string;
  levelTitle: string;
  /** Position of the level in its ladder (1 = lowest present or declared). */
  levelOrder: number;
  /** Set when two pages of one track share a level: the page title distinguishes them. */
  variant?: string;
  /** Native section path joined with ' › ', e.g. `Craft › Threat Fluency`. */
  section: string;
  kind: Kind;
  text: string;
  flags: Flag[];
  source: SourceRef;
  attribute?: AttributeValue;
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  file: string;
  /** 1-based line, when the problem has one. */
  line?: number;
  /** The place in a file without source lines (`Skills!C4`, `Skills!4`, `¶12`), when the problem has one. */
  at?: string;
  message: string;
}

export type LineStatus = 'blank' | 'statement' | 'structure' | 'skipped';

export interface LineAccount {
  line: number;
  /** The line's place in a file without source lines: a sheet row `Skills!4`, a paragraph `¶12`. */
  at?: string;
  status: LineStatus;
  /** For structure: what it was (title, heading, subtitle, table header…). For skipped: why. */
  reason?: string;
}

export interface FileReport {
  file: string;
  company: string;
  shape: 'markdown-level-page' | 'markdown-multi-level' | 'html-level-page' | 'html-multi-level' | 'docx-level-page' | 'docx-multi-level' | 'grid' | 'long-csv' | 'unknown';
  levels: string[];
  lines: LineAccount[];
  statements: number;
  byKind: Partial<Record<Kind, number>>;
  flags: Partial<Record<Flag, number>>;
}

export interface LevelInfo {
  company: string;
  companyName: string;
  /** The company's colour from its ladder.json (`#rrggbb`), when it names one. */
  companyColor?: string;
  track: string;
  level: string;
  levelTitle: string;
  levelOrder: number;
  variant?: string;
  files: string[];
  /**
   * The level of the same ladder whose expectations this one includes ("The Senior role extends the
   * Intermediate role", "Everything in L2, plus:"), and the id of the statement saying so. Analyses
   * count the included level's expectations as present here (inherited); statements are not copied.
   */
  inherits?: { level: string; statement: string };
}

export interface LadderSet {
  statements: Statement[];
  levels: LevelInfo[];
  files: FileReport[];
  diagnostics: Diagnostic[];
  /** Entries beside the ladders that were left out on purpose, each with the reason (hidden files, LICENSE, symbolic links…). */
  skipped?: SkippedFile[];
}

/** A file or folder entry not read as a ladder, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** A competency score inside a classification. */
export interface CompetencyScore {
  id: string;
  score: number;
}

export interface CueHit {
  competency: string;
  cue: string;
  weight: number;
}

/** What a feature of the trained model added to a competency's logit (`w:` word, `b:` word pair, `v:` verb, `vo:` verb + object, `s:` section word; `cues` and `prior` are the lexicon's and the section prior's parts). */
export interface FeatureHit {
  competency: string;
  feature: string;
  weight: number;
}

export interface Classification {
  /** Primary competency id, or null when nothing speaks for any competency. */
  competency: string | null;
  /** All competencies with a score, highest first; scores sum to 1. */
  competencies: CompetencyScore[];
  /** Other competencies the statement speaks to about as much as the primary (trained model only). */
  secondary?: string[];
  /** With the trained model: calibrated, i.e. about the share of statements at this confidence whose primary a blind annotator accepts. */
  confidence: number;
  why: {
    cues: CueHit[];
    prior?: { section: string; competencies: CompetencyScore[] };
    /** The trained model's strongest reasons for the primary (and secondaries), largest first. */
    features?: FeatureHit[];
    override?: { competency: string; comment: string };
  };
}

export type ClassifiedStatement = Statement & Partial<Classification>;
