import { analyse, parseScaleCues, type Analysis, type AnalyseOptions, type ScaleCues } from '../analyses/index.ts';
import type { InputFile } from '../ingest/index.ts';
import { classifyAll, classifyText, modelFits, parseClassifierModel, parseOverrides, parsePriors, parseTaxonomy, TaxonomyError, unmatchedOverrides, type ClassifierModel, type Override, type SectionPriors, type Taxonomy } from '../taxonomy/index.ts';
import type { Classification, ClassifiedStatement, LadderSet, Statement } from '../types.ts';
import { DATA_FILE_NAMES, type DataBundle, type DataFile } from './data-bundle.ts';
import { ingestLadders, type LadderOptions } from './ingest-ladders.ts';
import { parseOnce } from './parse-data.ts';

export interface AtlasOptions extends LadderOptions {
  /**
   * Leave the overrides out when they name competencies the taxonomy lacks, instead of failing: for a taxonomy
   * that replaced the one the overrides were written for (a user's upload). Said in `warnings`.
   */
  looseOverrides?: boolean;
  /** Analysis settings beyond the data (e.g. `shared: false` to place levels without shared-statement links). */
  analyse?: Pick<AnalyseOptions, 'shared'>;
  /**
   * `false`: `statements` classified without their reasons (no `why`: no analysis reads it), for a caller that
   * never shows them; competencies, scores, confidence and every analysis are the same. Default true.
   */
  reasons?: boolean;
  /**
   * `'cues'`: of what classifying found in each statement, keep only its cue matches for the analyses (see
   * ClassifyAllOptions.keepWords): for a caller that reads no analysis of the words (level vectors, similar levels).
   * Default true: the words too.
   */
  keepWords?: true | 'cues';
}

/**
 * Ladders read, classified and analysed — each stage computed when first read, then kept: a command that only
 * prints statements never places a level, and one that only reads the ladders never parses the taxonomy.
 */
export interface Atlas {
  /** The ladders as read: statements (not classified), levels, file reports, diagnostics. */
  readonly set: LadderSet;
  /** The data files it was given (to hand to another thread that classifies as this atlas does). */
  readonly data: DataBundle | undefined;
  readonly taxonomy: Taxonomy;
  /** The section-prior crosswalk, when the data has one. */
  readonly priors: SectionPriors | undefined;
  readonly overrides: Override[];
  /** The trained classifier, when the data has one and it was trained on this taxonomy's competencies (else the cue lexicon and priors decide; said in `warnings`). */
  readonly model: ClassifierModel | undefined;
  readonly scaleCues: ScaleCues;
  /** The statements, classified on the taxonomy (with the priors and overrides). */
  readonly statements: ClassifiedStatement[];
  /** Placement, similarity, coverage, gaps, divergence and cap notes, each computed on first use. */
  readonly analysis: Analysis;
  /**
   * Classify other rows (pasted text, a job description) as the statements were; `overrides: false` leaves the
   * reviewer's decisions out (to measure the classifier itself); `keepWords: false` keeps no words or cue matches
   * with the rows for later analyses (rows that are only printed), `'cues'` only the cue matches; `reasons: false`
   * gives rows without `why`.
   */
  classify(rows: Statement[], options?: { overrides?: boolean; keepWords?: boolean | 'cues'; reasons?: boolean }): ClassifiedStatement[];
  /** Classify one text, optionally under a native section name (no override applies). */
  classifyText(text: string, section?: string): Classification;
  /** Problems with the data that did not stop it: prior weights for unknown competencies, overrides left out or matching no statement. */
  readonly warnings: string[];
}

/**
 * The core's one entry point: ladder files (or ladders already read) and the data files, to classified
 * statements and every analysis. Runs unchanged in Node and the browser: its data is passed in, never read.
 */
export function atlas(input: readonly InputFile[] | AtlasInput, options: AtlasOptions = {}): Atlas {
  return new LazyAtlas(input, options);
}

/**
 * Ladders already read, and optionally already classified and analysed (tables computed elsewhere: at build time,
 * in a worker; see atlas-tables.ts). What is given is used as it is; the rest is computed on first use as usual.
 */
export interface AtlasInput {
  set: LadderSet;
  statements?: ClassifiedStatement[];
  analysis?: Analysis;
  warnings?: string[];
}

const need = (file: DataFile | undefined, member: 'taxonomy' | 'scaleCues'): DataFile => {
  if (!file) throw new Error(`no ${DATA_FILE_NAMES[member]} given`);
  return file;
};
const taxonomyOf = (content: unknown, source: string) => parseTaxonomy(content, { source });
const scaleCuesOf = (content: unknown, source: string) => parseScaleCues(content, { source });
const modelOf = (content: unknown, source: string) => parseClassifierModel(content, { source });
/** Priors and overrides are read against a taxonomy: one parser per taxonomy, so each pair is read once. */
const perTaxonomy = <T>(read: (content: unknown, taxonomy: Taxonomy, source: string) => T) => {
  const parsers = new WeakMap<Taxonomy, (content: unknown, source: string) => T>();
  return (taxonomy: Taxonomy) => {
    let parse = parsers.get(taxonomy);
    if (!parse) parsers.set(taxonomy, (parse = (content, source) => read(content, taxonomy, source)));
    return parse;
  };
};
const priorsUnder = perTaxonomy((content, taxonomy, source) => parsePriors(content, taxonomy, { source }));
const overridesUnder = perTaxonomy((content, taxonomy, source) => parseOverrides(String(content), taxonomy, { source }));

class LazyAtlas implements Atlas {
  /** The ladder files, until they are read: then let go (their bytes are as large as the corpus). */
  #files?: readonly InputFile[];
  #set?: LadderSet;
  #priors?: { value: SectionPriors | undefined };
  #overrides?: { value: Override[]; leftOut?: string };
  #statements?: ClassifiedStatement[];
  #analysis?: Analysis;
  #warnings?: string[];

  constructor(
    input: readonly InputFile[] | AtlasInput,
    private readonly options: AtlasOptions,
  ) {
    if ('set' in input) (this.#set = input.set), (this.#statements = input.statements), (this.#analysis = input.analysis), (this.#warnings = input.warnings);
    else this.#files = input;
  }

  get set(): LadderSet {
    if (!this.#set) {
      this.#set = ingestLadders(this.#files!, this.options);
      this.#files = undefined;
    }
    return this.#set;
  }

  get data(): DataBundle | undefined {
    return this.options.data;
  }

  get taxonomy(): Taxonomy {
    return parseOnce(need(this.options.data?.taxonomy, 'taxonomy'), taxonomyOf);
  }

  get priors(): SectionPriors | undefined {
    const file = this.options.data?.sectionPriors;
    const taxonomy = this.taxonomy;
    return (this.#priors ??= { value: file ? parseOnce(file, priorsUnder(taxonomy)) : undefined }).value;
  }

  get overrides(): Override[] {
    return this.#readOverrides().value;
  }

  #readOverrides(): { value: Override[]; leftOut?: string } {
    if (this.#overrides) return this.#overrides;
    const file = this.options.data?.overrides;
    const taxonomy = this.taxonomy;
    if (!file) return (this.#overrides = { value: [] });
    try {
      return (this.#overrides = { value: parseOnce(file, overridesUnder(taxonomy)) });
    } catch (error) {
      if (!this.options.looseOverrides || !(error instanceof TaxonomyError)) throw error;
      return (this.#overrides = { value: [], leftOut: `${file.name}: left out, written for another taxonomy (${error.problems[0]})` });
    }
  }

  get model(): ClassifierModel | undefined {
    const file = this.options.data?.classifierModel;
    if (!file) return undefined;
    const model = parseOnce(file, modelOf);
    return modelFits(model, this.taxonomy) ? model : undefined;
  }

  get scaleCues(): ScaleCues {
    return parseOnce(need(this.options.data?.scaleCues, 'scaleCues'), scaleCuesOf);
  }

  get statements(): ClassifiedStatement[] {
    const { reasons, keepWords } = this.options;
    return (this.#statements ??= this.classify(this.set.statements, { reasons, keepWords }));
  }

  get analysis(): Analysis {
    if (this.#analysis) return this.#analysis;
    // Statements classified only when an analysis reads them: placing levels reads the rows as read (or the
    // classified ones, once they exist, so their normalised text is worked out once for every analysis).
    const atlas = this;
    const set = { levels: this.set.levels, get statements() { return atlas.statements; }, get placeable() { return atlas.#statements ?? atlas.set.statements; } };
    return (this.#analysis = analyse(set, { scaleCues: this.scaleCues, taxonomy: this.taxonomy, ...this.options.analyse }));
  }

  // Bound, so a shell can hand them on (`mapText(…, { classify: atlas.classify })`).
  readonly classify = (rows: Statement[], { overrides = true, keepWords = true, reasons = true }: { overrides?: boolean; keepWords?: boolean | 'cues'; reasons?: boolean } = {}): ClassifiedStatement[] =>
    classifyAll(rows, { taxonomy: this.taxonomy, priors: this.priors, model: this.model, overrides: overrides ? this.overrides : [], keepWords, reasons });

  readonly classifyText = (text: string, section?: string): Classification => classifyText(text, { taxonomy: this.taxonomy, priors: this.priors, model: this.model, section });

  get warnings(): string[] {
    if (this.#warnings) return this.#warnings;
    const { data } = this.options;
    const out: string[] = [];
    const ignored = this.priors?.warnings.length ?? 0;
    if (ignored) out.push(`${data?.sectionPriors?.name}: ${ignored} prior weight(s) name competencies not in ${data?.taxonomy?.name}; ignored`);
    if (data?.classifierModel && !this.model) out.push(`${data.classifierModel.name}: trained on other competencies than ${data?.taxonomy?.name}'s; left out (the cue lexicon and priors decide)`);
    const { value, leftOut } = this.#readOverrides();
    if (leftOut) out.push(leftOut);
    for (const o of unmatchedOverrides(this.set.statements, value)) out.push(`${data?.overrides?.name}: override for "${o.id}" matches no statement`);
    return out;
  }
}
