/** Output tables of the analyses layer. Every figure carries the statement ids it rests on. */
import type { Kind, LevelInfo } from '../types.ts';
import type { PlacementPart } from './calibrate-levels.ts';

/** One cue phrase (or attribute reading) found in a statement, with its value on the 1–7 scale. */
export interface ScaleEvidence {
  /** The statement the cue was found in; `<level key>#title` for evidence read from the level's title. */
  statementId: string;
  kind: Kind | 'title';
  /** The cue id from data/scale-cues.json, or `attribute:<name>` for a parsed attribute value. */
  cue: string;
  /** The words of the statement that matched. */
  match: string;
  dimension: string;
  /** Position on the common scale this cue speaks for (1–7). */
  value: number;
  /** Cue weight × kind weight (× attribute weight). */
  weight: number;
  /** Read from a structured fact (an attribute, a scope cell, a span of time) rather than from wording. */
  fact?: boolean;
}

/** A company level placed on the common 1–7 scale. */
export interface LevelPlacement extends Omit<LevelInfo, 'files'> {
  /** Unique id of the level: `company|track|level` plus `|variant` when set. */
  key: string;
  /** Short label `company:level`, `company:track:level` when the company has several tracks (the CLI reads it back). */
  label: string;
  /** Display name: company name, track when the company has several, level ("Octopus Deploy Security Analyst L2"). */
  name: string;
  /** Fitted position (after keeping the ladder's native order). */
  position: number;
  low: number;
  high: number;
  /** Weighted mean of the evidence before the order fit; null without evidence. */
  rawPosition: number | null;
  /** Sum of evidence weights. */
  evidenceWeight: number;
  /** `evidence`: placed from its own cues; `interpolated`: no cues, placed between neighbours; `none`: no cues and no neighbours. */
  basis: 'evidence' | 'interpolated' | 'none';
  /** Evidence, strongest first. */
  evidence: ScaleEvidence[];
  /** All statement ids of the level (any kind). */
  statementIds: string[];
  /** How the joint fit placed it: what each reading and neighbour said, and its ladder's writing offset and step. */
  calibration?: LevelCalibration;
}

/** The joint fit's account of one level (see calibrate-levels.ts). */
export interface LevelCalibration {
  /** What each part says the position should be, with its weight; the position is their weighted mean. */
  parts: PlacementPart[];
  /** The ladder's writing offset taken off its text readings (+: its wording reads higher than the fit places it). */
  offset: number;
  /** Fitted distance between consecutive levels of the ladder. */
  step: number;
  /** How far the ladder's text readings spread per scale point (below 1: its wording understates the differences). */
  slope: number;
  /** Readings of the level's own evidence before the fit. */
  readings: { text: number | null; facts: number | null; title: number | null };
}

/** Cell of the pairwise level similarity table. */
export interface LevelSimilarity {
  a: string;
  b: string;
  /** Combined similarity 0..1 = weights.profile·profile + weights.text·text + weights.scale·scale. */
  similarity: number;
  /** Cosine of the competency profiles. */
  profile: number;
  /** Cosine of TF-IDF word vectors. */
  text: number;
  /** 1 − |position difference| / 6. */
  scale: number;
}

export interface SimilarityMatrix {
  keys: string[];
  labels: string[];
  /** values[i][j] = similarity of keys[i] and keys[j]. */
  values: number[][];
  long: LevelSimilarity[];
}

export type Relation = 'match' | 'below' | 'above';

/** A pair of statements that supports a mapping or a diff. */
export interface StatementPair {
  competency: string;
  source: { id: string; text: string };
  target: { id: string; text: string };
  similarity: number;
}

export interface MapCandidate {
  key: string;
  level: string;
  score: number;
  /** Share of the narrower range covered by the overlap of the two ranges (0..1). */
  overlap: number;
  /** Target position − source position. */
  distance: number;
  profile: number;
}

export interface MapTarget {
  company: string;
  companyName: string;
  track: string;
  /** Best level of that company (for `below`/`above`: the nearest level, not an equivalent). */
  best: MapCandidate;
  relation: Relation;
  /** 0..1: how good the match is (low when `below`/`above`). */
  score: number;
  candidates: MapCandidate[];
  /** Statements that support the mapping: both sides, same competency. */
  support: StatementPair[];
  /** One line in plain words. */
  explanation: string;
}

export interface MapResult {
  source: Pick<LevelPlacement, 'key' | 'label' | 'name' | 'position' | 'low' | 'high' | 'rawPosition' | 'basis' | 'evidence' | 'calibration'>;
  targets: MapTarget[];
}

export interface CoverageCell {
  company: string;
  track: string;
  level: string;
  levelKey: string;
  competency: string;
  /** Statements whose primary competency this is. */
  count: number;
  /** Statements with this competency primary or secondary (score ≥ minScore). */
  mentions: number;
  /**
   * Statements of the levels this one includes ("extends the Intermediate role") whose primary
   * competency this is: present here by inheritance, counted beside `count`, not copied.
   */
  inherited: number;
  /** Labels of the included levels those statements come from. */
  inheritedFrom: string[];
  /** Sum of competency scores. */
  weight: number;
  /** weight / total weight of the level's classified statements. */
  share: number;
  statementIds: string[];
  /** Statements of the level that mention the competency only in passing (a secondary reading or its cue words; see passing-mentions.ts). */
  passingIds: string[];
}

export interface CompanyCoverage {
  company: string;
  track: string;
  /** Competencies some statement of the ladder is about (primary, or secondary score ≥ minScore). */
  covered: string[];
  /** Competencies nothing in the ladder's text touches: no statement about them, none naming them in passing, no cap note. */
  missing: string[];
  /** Competencies no statement is about but some mention in passing: where (statement ids) and the words. */
  inPassing: { competency: string; statementIds: string[]; cues: string[] }[];
  /** covered.length / taxonomy size. */
  share: number;
  /** Competencies not covered but carried over by a cap note. */
  carriedOver: string[];
}

export interface CoverageResult {
  cells: CoverageCell[];
  companies: CompanyCoverage[];
  competencies: string[];
}

export type Severity = 'high' | 'medium' | 'low' | 'info';

export type GapType =
  | 'placeholder'
  | 'empty-cell'
  | 'truncated'
  | 'missing-level'
  | 'competency-never-covered'
  | 'competency-in-passing'
  | 'competency-drops-out'
  | 'external-reference-only'
  | 'near-duplicate'
  | 'carried-over';

export interface GapFinding {
  type: GapType;
  severity: Severity;
  company: string;
  track: string;
  level: string | null;
  competency: string | null;
  statementIds: string[];
  /** One line: what to do. */
  suggestion: string;
  /** For missing competencies: how the other ladders word it at the aligned level. */
  peers?: { company: string; level: string; statementId: string; text: string; position: number }[];
  detail?: string;
}

export interface CapNote {
  statementId: string;
  company: string;
  track: string;
  /** Level the note sits in. */
  level: string;
  competency: string;
  /** Level label the expectations stop at (e.g. `L5`). */
  capLevel: string;
  text: string;
}

export interface DivergenceRow {
  competency: string;
  /** 0..1, higher = ladders disagree more; see divergence.ts for the measure. */
  divergence: number;
  parts: { onsetSpread: number; strengthGap: number; absence: number };
  onset: { company: string; track: string; level: string | null; position: number | null; statementIds: string[] }[];
  /** Strength (share of level weight) per company per aligned band (1..7). */
  strength: { company: string; track: string; band: number; level: string; strength: number; statementIds: string[] }[];
  /** Companies none of whose ladders' text touches the competency: no statement about it, none naming it in passing. */
  neverMentioned: string[];
  /** Ladders where no statement is about it (the absence part), each with the statements that name it in passing (none: never mentioned). */
  silent: { company: string; track: string; inPassing: string[] }[];
  /** Statements per band, company side by side. */
  sideBySide: { band: number; company: string; track: string; level: string; statements: { id: string; text: string }[] }[];
}

export interface DiffEntry {
  competency: string;
  change: 'added' | 'dropped' | 'strengthened' | 'weakened' | 'kept' | 'carried-over';
  /** `to` includes `from` ("extends"): what `from` expects is present in `to` by inheritance. */
  inherited?: boolean;
  from: DiffSide;
  to: DiffSide;
}

/** One level's side of a diff entry. */
export interface DiffSide {
  /** Statements of the level about the competency (primary, or secondary score ≥ 0.25). */
  count: number;
  /** Classified statements of the level. */
  of: number;
  /** count / of: the share the change is decided on (0 exactly when no statement is about it). */
  share: number;
  /** Sum of the competency's scores over the level's statements (the soft weight behind profiles and similarity). */
  weight: number;
  scale: number | null;
  statements: { id: string; text: string }[];
}

export interface LevelDiff {
  from: { key: string; label: string; position: number };
  to: { key: string; label: string; position: number };
  entries: DiffEntry[];
}
