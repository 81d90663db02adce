import type { ClassifierModel } from './classifier-model.ts';

/** A group of competencies (Scope, Craft, People, Leadership in the shipped taxonomy). */
export interface CompetencyGroup {
  id: string;
  label: string;
  description: string;
}

/** One competency: what it covers, in our own words, and the cue phrases that speak for it. */
export interface Competency {
  id: string;
  label: string;
  /** Id of a {@link CompetencyGroup}. */
  group: string;
  /** One sentence. */
  definition: string;
  /** A few sentences on what belongs here. */
  description: string;
  /** Cue phrase → weight. Phrases are stemmed and matched as runs of words; longer matches win over the words inside them. */
  cues: Record<string, number>;
}

/** A competency taxonomy as read from `data/taxonomy.json`. */
export interface Taxonomy {
  name: string;
  version: string;
  groups: CompetencyGroup[];
  competencies: Competency[];
}

/** One crosswalk rule: section names matching any phrase get these prior weights. */
export interface PriorRule {
  label: string;
  match: string[];
  weights: Record<string, number>;
}

/** Section-name crosswalk as read from `data/section-priors.json`. */
export interface SectionPriors {
  /** How much a full prior adds to the cue scores (about one clear single-word cue). */
  strength: number;
  rules: PriorRule[];
  /** Non-fatal problems found while reading (e.g. weights for ids the taxonomy does not have, which are dropped). */
  warnings: string[];
}

/** A user's decision for one statement, from `data/overrides.csv`. */
export interface Override {
  id: string;
  competency: string;
  comment: string;
}

/** Options for classifying one text. */
export interface ClassifyTextOptions {
  taxonomy: Taxonomy;
  priors?: SectionPriors;
  /** Native section path (`Craft › Security Execution`); used to look up a prior and, with a model, as section words. */
  section?: string;
  /** Trained model (`data/classifier-model.json`); without one (or when its competencies are not the taxonomy's) the cue lexicon and priors decide alone. */
  model?: ClassifierModel;
}

/** Options for classifying a statement table. */
export interface ClassifyAllOptions {
  taxonomy: Taxonomy;
  priors?: SectionPriors;
  model?: ClassifierModel;
  overrides?: Override[];
  /**
   * Keep each row's words and cue matches with it for the analyses that read them later (the default). A caller
   * that only prints the rows says `false`: nothing is kept for rows no analysis will read. `'cues'`: only the cue
   * matches (mentions in passing read them for every row; the words, read by few analyses, are split again by
   * those): at 1000x the seeds the words kept were about 190 MB of heap.
   */
  keepWords?: boolean | 'cues';
  /**
   * `false`: rows without `why` (the features behind the scores not gathered, no reasons kept: at 1000× the seed
   * ladders about a quarter of the classified table), an overridden row's included, for a caller that never shows
   * them; competencies, scores and confidence are the same. Default true.
   */
  reasons?: boolean;
}
