import type { Atlas } from '../atlas/index.ts';

/** What views need to know about the taxonomy (a structural subset of the taxonomy module's type). */
export interface TaxonomyInfo {
  groups: { id: string; label: string }[];
  competencies: { id: string; label: string; group: string; definition?: string }[];
}

/** The ingested ladders: all the overview needs (it draws before the classifier has run). */
export type LadderData = Pick<Atlas, 'set'>;

/** Everything the views draw: the core's atlas (classified statements, taxonomy, analyses, the classifier). */
export type AtlasData = Atlas;

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
  /** Ladders compared in the divergence view, comma-separated company ids or ladder keys `company|track` (unset = all). */
  compare?: string;
  /** The level the level diff compares with (a level key; unset = the next level of the same track). */
  to?: string;
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
