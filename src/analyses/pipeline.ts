/** The one entry point the CLI, the dashboard and the notebooks call: classified statements in, every analysis out. */
import type { ClassifiedStatement, LevelInfo } from '../types.ts';
import { findCapNotes, type TaxonomyLike } from './cap-notes.ts';
import { coverage } from './coverage.ts';
import { divergence } from './divergence.ts';
import { gaps } from './gaps.ts';
import { levelSimilarity } from './level-similarity.ts';
import { placeLevels } from './place-levels.ts';
import type { ScaleCues } from './scale-cues.ts';
import type { CapNote, CoverageResult, DivergenceRow, GapFinding, LevelPlacement, SimilarityMatrix } from './types.ts';

export interface AnalyseOptions {
  scaleCues: ScaleCues;
  /** Competency ids (taxonomy order), labels and cues; without it, the competencies seen in the statements. */
  taxonomy?: TaxonomyLike;
  /** Compute the level × level similarity matrix (quadratic in levels; default true). */
  similarity?: boolean;
  /** Compute divergence (default true). */
  divergence?: boolean;
  /** Let levels of different ladders that share statements pull each other together (default true). */
  shared?: boolean;
}

export interface Analysis {
  levels: LevelPlacement[];
  similarity: SimilarityMatrix | null;
  coverage: CoverageResult;
  gaps: GapFinding[];
  divergence: DivergenceRow[];
  capNotes: CapNote[];
  competencies: string[];
}

/** Competency ids: the taxonomy's in its order, else those seen in the statements, sorted. */
export function competencyIds(statements: readonly ClassifiedStatement[], taxonomy?: TaxonomyLike): string[] {
  if (taxonomy?.competencies.length) return taxonomy.competencies.map((c) => c.id);
  return [...new Set(statements.flatMap((s) => (s.competencies ?? []).map((c) => c.id)))].sort();
}

/** Run placement, similarity, coverage, gaps and divergence over one classified statement table. */
export function analyse(set: { statements: ClassifiedStatement[]; levels?: LevelInfo[] }, opts: AnalyseOptions): Analysis {
  const { statements } = set;
  const competencies = competencyIds(statements, opts.taxonomy);
  const levels = placeLevels(set, { scaleCues: opts.scaleCues, shared: opts.shared });
  const capNotes = findCapNotes(statements, { scaleCues: opts.scaleCues, taxonomy: opts.taxonomy });
  const cov = coverage(statements, levels, { competencies, capNotes });
  return {
    levels,
    similarity: opts.similarity === false ? null : levelSimilarity(statements, levels),
    coverage: cov,
    gaps: gaps(statements, levels, { competencies, capNotes, coverage: cov, scaleCues: opts.scaleCues, taxonomy: opts.taxonomy }),
    divergence: opts.divergence === false ? [] : divergence(statements, levels, { competencies, capNotes }),
    capNotes,
    competencies,
  };
}
