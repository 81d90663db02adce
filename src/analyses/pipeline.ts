/** The analyses of one classified statement table, each computed on first use (the core's atlas() calls this). */
import type { ClassifiedStatement, LevelInfo, Statement } from '../types.ts';
import { findCapNotes, type TaxonomyLike } from './cap-notes.ts';
import { coverage } from './coverage.ts';
import { divergence } from './divergence.ts';
import { gaps } from './gaps.ts';
import { levelSimilarity, similarLevels, type SimilarLevels } from './level-similarity.ts';
import { placeLevels } from './place-levels.ts';
import type { ScaleCues } from './scale-cues.ts';
import type { CapNote, CoverageResult, DivergenceRow, GapFinding, LevelPlacement, SimilarityMatrix } from './types.ts';

export interface AnalyseOptions {
  scaleCues: ScaleCues;
  /** Competency ids (taxonomy order), labels and cues; without it, the competencies seen in the statements. */
  taxonomy?: TaxonomyLike;
  /** `false`: never compute the level × level similarity matrix (quadratic in levels); it is null. */
  similarity?: boolean;
  /** `false`: never compute divergence; it is empty. */
  divergence?: boolean;
  /** Let levels of different ladders that share statements pull each other together (default true). */
  shared?: boolean;
}

export interface Analysis {
  readonly levels: LevelPlacement[];
  readonly similarity: SimilarityMatrix | null;
  /** Each level's five most similar levels in other ladders, by a search along the scale (not every pair: for many levels). */
  readonly similar: SimilarLevels[];
  readonly coverage: CoverageResult;
  readonly gaps: GapFinding[];
  readonly divergence: DivergenceRow[];
  readonly capNotes: CapNote[];
  readonly competencies: string[];
}

/** The table the analyses read. */
export interface AnalysisSet {
  /** The classified statements (a getter may classify them when first read). */
  readonly statements: ClassifiedStatement[];
  readonly levels?: LevelInfo[];
  /**
   * The statements to place levels by, when placing need not wait for classification: placement reads a statement's
   * text, kind, section, flags and attribute, never its competency, so the rows as read place levels exactly as the
   * classified rows do (`ladders levels` never classifies). Absent: the classified statements.
   */
  readonly placeable?: Statement[];
}

/** Competency ids: the taxonomy's in its order, else those seen in the statements, sorted. */
export function competencyIds(statements: readonly ClassifiedStatement[], taxonomy?: TaxonomyLike): string[] {
  if (taxonomy?.competencies.length) return taxonomy.competencies.map((c) => c.id);
  return [...new Set(statements.flatMap((s) => (s.competencies ?? []).map((c) => c.id)))].sort();
}

/**
 * Placement, similarity, coverage, gaps and divergence over one classified statement table. Each table is
 * computed when first read and kept (a command that prints levels never computes gaps); `toJSON` gives them all.
 */
export function analyse(set: AnalysisSet, opts: AnalyseOptions): Analysis {
  return new LazyAnalysis(set, opts);
}

class LazyAnalysis implements Analysis {
  #levels?: LevelPlacement[];
  #similarity?: SimilarityMatrix | null;
  #similar?: SimilarLevels[];
  #coverage?: CoverageResult;
  #gaps?: GapFinding[];
  #divergence?: DivergenceRow[];
  #capNotes?: CapNote[];
  #competencies?: string[];

  constructor(
    private readonly set: AnalysisSet,
    private readonly opts: AnalyseOptions,
  ) {}

  get competencies(): string[] {
    return (this.#competencies ??= competencyIds(this.set.statements, this.opts.taxonomy));
  }
  get levels(): LevelPlacement[] {
    const { placeable, levels } = this.set;
    return (this.#levels ??= placeLevels({ statements: placeable ?? this.set.statements, levels }, { scaleCues: this.opts.scaleCues, shared: this.opts.shared }));
  }
  get capNotes(): CapNote[] {
    return (this.#capNotes ??= findCapNotes(this.set.statements, { scaleCues: this.opts.scaleCues, taxonomy: this.opts.taxonomy }));
  }
  get coverage(): CoverageResult {
    return (this.#coverage ??= coverage(this.set.statements, this.levels, { competencies: this.competencies, capNotes: this.capNotes, levels: this.set.levels, taxonomy: this.opts.taxonomy }));
  }
  get gaps(): GapFinding[] {
    const { scaleCues, taxonomy } = this.opts;
    return (this.#gaps ??= gaps(this.set.statements, this.levels, { competencies: this.competencies, capNotes: this.capNotes, coverage: this.coverage, scaleCues, taxonomy, levels: this.set.levels }));
  }
  get similarity(): SimilarityMatrix | null {
    if (this.opts.similarity === false) return null;
    return (this.#similarity ??= levelSimilarity(this.set.statements, this.levels));
  }
  get similar(): SimilarLevels[] {
    return (this.#similar ??= similarLevels(this.set.statements, this.levels));
  }
  get divergence(): DivergenceRow[] {
    if (this.opts.divergence === false) return [];
    return (this.#divergence ??= divergence(this.set.statements, this.levels, { competencies: this.competencies, capNotes: this.capNotes, taxonomy: this.opts.taxonomy }));
  }
  toJSON(): Analysis {
    const { levels, similarity, similar, coverage, gaps, divergence, capNotes, competencies } = this;
    return { levels, similarity, similar, coverage, gaps, divergence, capNotes, competencies };
  }
}
