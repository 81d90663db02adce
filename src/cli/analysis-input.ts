/** Node shell side of the analyses: read ladders, taxonomy, priors, overrides and scale cues; classify; analyse. */
import fs from 'node:fs';
import path from 'node:path';
import { analyse, parseScaleCues, type Analysis, type ScaleCues } from '../analyses/index.ts';
import { classifyAll, type Taxonomy } from '../taxonomy/index.ts';
import type { ClassifiedStatement, LadderSet, Statement } from '../types.ts';
import type { Io, ParsedArgs } from './command.ts';
import { BUNDLED_DATA } from './load-data-dir.ts';
import { loadInput } from './load-input.ts';
import { loadTaxonomyFiles, taxonomyPathsFromFlags } from './load-taxonomy-files.ts';

export interface AnalysisInput {
  set: LadderSet;
  statements: ClassifiedStatement[];
  taxonomy: Taxonomy;
  scaleCues: ScaleCues;
  classify: (rows: Statement[]) => ClassifiedStatement[];
  analysis: Analysis;
}

/** A data file from `--data DIR` when it has one, else the bundled copy. */
export function dataFile(name: string, dir?: string): string {
  const own = dir ? path.join(dir, name) : null;
  return own && fs.existsSync(own) ? own : path.join(BUNDLED_DATA, name);
}

const read = (name: string, dir?: string) => fs.readFileSync(dataFile(name, dir), 'utf8');

/** Flags every analysis command accepts. */
export const ANALYSIS_VALUED_FLAGS = ['data', 'taxonomy', 'priors', 'overrides', 'scale-cues'] as const;

/** Load, classify and analyse what the flags point at (`--data DIR`, `--taxonomy/--priors/--overrides FILE`, `--scale-cues FILE`). */
export function loadAnalysis(parsed: ParsedArgs, opts: { similarity?: boolean; divergence?: boolean } = {}): AnalysisInput {
  const dir = typeof parsed.flags.data === 'string' ? parsed.flags.data : undefined;
  const set = loadInput(parsed);
  const { taxonomy, priors, overrides } = loadTaxonomyFiles(taxonomyPathsFromFlags(parsed.flags));
  const scaleCues = parseScaleCues(typeof parsed.flags['scale-cues'] === 'string' ? fs.readFileSync(parsed.flags['scale-cues'], 'utf8') : read('scale-cues.json', dir));
  const classify = (rows: Statement[]) => classifyAll(rows, { taxonomy, priors, overrides });
  const statements = classify(set.statements);
  const analysis = analyse({ ...set, statements }, { scaleCues, taxonomy, similarity: opts.similarity ?? false, divergence: opts.divergence ?? false });
  return { set, statements, taxonomy, scaleCues, classify, analysis };
}

/** Ingest errors make the exit code 1; warnings are summed up in one line on stderr. */
export function reportInputProblems(set: LadderSet, io: Io): number {
  const errors = set.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) io.err(`${d.file}${d.line ? `:${d.line}` : ''}: error: ${d.message}`);
  const warnings = set.diagnostics.length - errors.length;
  if (warnings) io.err(`(${warnings} ingest warning${warnings > 1 ? 's' : ''}; see \`ladders ingest\`)`);
  return errors.length ? 1 : 0;
}

/** Fixed-width number. */
export const n1 = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(1));
