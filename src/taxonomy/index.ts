/**
 * Taxonomy and classification: read the competency taxonomy, the section-prior crosswalk and user
 * overrides (as text or objects — no file access here), and place statements on the taxonomy with
 * the cues and prior that decided it. Runs unchanged in Node and the browser.
 */
export { parseTaxonomy } from './load-taxonomy.ts';
export { parsePriors } from './load-priors.ts';
export { parseOverrides, unmatchedOverrides } from './overrides.ts';
export { classifyText } from './classify-statement.ts';
export { modelFits, parseClassifierModel, type ClassifierModel } from './classifier-model.ts';
export { classifyAll, CLASSIFIED_KINDS } from './classify-all.ts';
export { sectionPrior, sectionParts, type SectionPriorResult } from './section-prior.ts';
export { TaxonomyError } from './taxonomy-error.ts';
export type {
  Competency,
  CompetencyGroup,
  Taxonomy,
  PriorRule,
  SectionPriors,
  Override,
  ClassifyTextOptions,
  ClassifyAllOptions,
} from './types.ts';
/** Alias of {@link ClassifyTextOptions}. */
export type { ClassifyTextOptions as ClassifyOptions } from './types.ts';
