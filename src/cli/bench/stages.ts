/**
 * The benchmark's in-process stages, timed one after the other on a fresh atlas: ingest, classify, place,
 * coverage, gaps, similarity, and every level mapped to every other company. Wall time and CPU time per stage.
 */
import { performance } from 'node:perf_hooks';
import { mapLevel } from '../../analyses/index.ts';
import { atlas, type Atlas, type DataBundle } from '../../atlas/index.ts';
import type { InputFile } from '../../ingest/index.ts';

export interface StageTime {
  stage: string;
  ms: number;
  cpuMs: number;
  /** Set when the stage ran on a sample and the time is extrapolated. */
  note?: string;
}

export interface StageRun {
  statements: number;
  levels: number;
  stages: StageTime[];
  /** V8 heap in use after each stage, largest (MB). */
  heapMB: number;
}

export const STAGES = ['ingest', 'classify', 'place', 'coverage', 'gaps', 'similarity', 'similarity (all pairs)', 'map'] as const;

/** Levels above which the all-pairs similarity is not run and mapping runs on a sample (its time extrapolated). */
const FULL_LIMIT = Number(process.env.ATLAS_BENCH_FULL_LIMIT) || 1000;

export function runStages(files: readonly InputFile[], data: DataBundle, only: ReadonlySet<string> = new Set(STAGES)): StageRun {
  const a = atlas(files, { data });
  const stages: StageTime[] = [];
  let heap = 0;
  const time = (stage: string, work: (a: Atlas) => string | void) => {
    if (!only.has(stage)) return;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const note = work(a);
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    stages.push({ stage, ms, cpuMs: (c.user + c.system) / 1000, ...(note ? { note } : {}) });
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  };
  time('ingest', (x) => void x.set);
  time('classify', (x) => void x.statements);
  time('place', (x) => void x.analysis.levels);
  time('coverage', (x) => void x.analysis.coverage);
  time('gaps', (x) => void x.analysis.gaps);
  time('similarity', (x) => void x.analysis.similar);
  time('similarity (all pairs)', (x) => {
    if (x.analysis.levels.length > FULL_LIMIT) return 'not run: every pair of more than 1,000 levels';
    void x.analysis.similarity;
  });
  time('map', (x) => {
    // Every level to every other company, support pairs included; above 1,000 levels a sample, extrapolated.
    const levels = x.analysis.levels;
    const step = Math.max(1, Math.ceil(levels.length / FULL_LIMIT));
    let n = 0;
    for (let i = 0; i < levels.length; i += step, n++) mapLevel(levels[i].key, x.statements, levels);
    return step > 1 ? `sample of ${n} of ${levels.length} levels, ×${(levels.length / n).toFixed(0)}` : undefined;
  });
  const out = { statements: a.set.statements.length, levels: a.set.levels.length, stages, heapMB: heap / 2 ** 20 };
  // Extrapolate sampled stages to the whole table.
  for (const s of stages) {
    const m = /×(\d+(?:\.\d+)?)$/.exec(s.note ?? '');
    if (m) (s.ms *= Number(m[1])), (s.cpuMs *= Number(m[1]));
  }
  return out;
}
