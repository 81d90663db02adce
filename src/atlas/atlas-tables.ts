/**
 * An atlas as plain tables, to compute in one place and use in another: the dashboard's bundled ladders are read,
 * classified and analysed at build time and shipped as data; ladders uploaded in the browser are analysed in a
 * worker and posted to the page. Tables survive JSON and structured clone (plain objects, arrays, numbers, strings).
 */
import type { Analysis } from '../analyses/index.ts';
import type { Classification, ClassifiedStatement, LadderSet } from '../types.ts';
import { atlas, type Atlas, type AtlasOptions } from './atlas.ts';

/** The analyses of an atlas, each table computed. */
export type AnalysisTables = Omit<Analysis, never>;

/** What classification added to one statement; null for a statement of a kind that is not classified. */
export type StatementClass = Partial<Classification> | null;

export interface AtlasTables {
  set: LadderSet;
  /** Per statement of `set.statements`, in order: its classification. (The statements are not repeated.) */
  classes: StatementClass[];
  analysis: AnalysisTables;
  warnings: string[];
}

/** Every table of an atlas, computed now. */
export function atlasTables(a: Atlas): AtlasTables {
  const { levels, similarity, similar, coverage, gaps, divergence, capNotes, competencies } = a.analysis;
  return {
    set: a.set,
    classes: a.statements.map((s, i) => classOf(s, a.set.statements[i])),
    analysis: { levels, similarity, similar, coverage, gaps, divergence, capNotes, competencies },
    warnings: a.warnings,
  };
}

/** The fields classification added to a statement (in their order), or null when it added none with a value. */
function classOf(classified: ClassifiedStatement, read: object): StatementClass {
  const added = Object.entries(classified).filter(([key]) => !(key in read));
  return added.some(([, value]) => value !== undefined) ? (Object.fromEntries(added) as Partial<Classification>) : null;
}

/** The atlas the tables were taken from: the same statements and analyses; the classifier is built from `options.data` only if asked to classify other text. */
export function atlasFromTables(tables: AtlasTables, options: AtlasOptions = {}): Atlas {
  const { classes, analysis, warnings } = tables;
  const set = withStatementShape(tables.set);
  const statements: ClassifiedStatement[] = set.statements.map((s, i) => {
    const c = classes[i];
    // The shape classifyAll gives an unclassified row: the classification fields present, undefined.
    return c ? { ...s, ...c } : { ...s, competency: undefined, competencies: undefined, confidence: undefined, why: undefined };
  });
  return atlas({ set, statements, analysis, warnings }, options);
}

/**
 * The set with its statements in ingestion's one object shape: JSON leaves out the fields that are undefined
 * (`attribute`, `variant`), and a table of one shape keeps every later loop on V8's fast path.
 */
export function withStatementShape(set: LadderSet): LadderSet {
  return { ...set, statements: set.statements.map((s) => ({ ...s, attribute: s.attribute, variant: s.variant })) };
}
