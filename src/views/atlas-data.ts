import type { Analysis } from '../analyses/pipeline.ts';
import type { ScaleCues } from '../analyses/scale-cues.ts';
import type { ClassifiedStatement, LadderSet, Statement } from '../types.ts';

/** What views need to know about the taxonomy (a structural subset of the taxonomy module's type). */
export interface TaxonomyInfo {
  groups: { id: string; label: string }[];
  competencies: { id: string; label: string; group: string; definition?: string }[];
}

/** The analysis tables the views draw: the analyses pipeline's output, as is. */
export type AnalysisTables = Analysis;

/** The ingested ladders: all the overview needs (it draws before the classifier has run). */
export interface LadderData {
  /** Statements without classification, levels, file reports, diagnostics. */
  set: LadderSet;
}

/** Everything the views draw, computed once by the app shell from the data folder. */
export interface AtlasData extends LadderData {
  /** The same statements, classified on the taxonomy. */
  statements: ClassifiedStatement[];
  taxonomy: TaxonomyInfo;
  analysis: AnalysisTables;
  /** Parsed data/scale-cues.json, for analyses run on demand (mapping pasted text). */
  scaleCues: ScaleCues;
  /** The classifier bound to the bundled taxonomy, priors and overrides. */
  classify: (rows: Statement[]) => ClassifiedStatement[];
}

/** The linked selection as views see it. */
export interface ViewSelection {
  company?: string;
  /** Only when the company has several tracks. */
  track?: string;
  level?: string;
  /** Only when the level has several pages in its track. */
  variant?: string;
  competency?: string;
  q?: string;
  text?: string;
  /** Companies compared in the divergence view, comma-separated ids (unset = all). */
  compare?: string;
}

/** Options every view takes. */
export interface ViewOptions {
  /** Available width in CSS pixels. */
  width: number;
  selection: ViewSelection;
  /**
   * Ask the shell to change the linked selection: it updates the URL (a new history entry unless
   * `replace`) and re-renders, unless `render: false` (the view already shows the change).
   */
  onSelect: (patch: ViewSelection, options?: { replace?: boolean; render?: boolean }) => void;
}

/** A view: a pure function from data and options to an element. */
export type View<D extends LadderData = AtlasData> = (data: D, options: ViewOptions) => Element;
