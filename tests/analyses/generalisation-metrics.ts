/**
 * Held-out figures for level placement on the generalisation fixtures (tests/fixtures/generalisation): our own
 * ladders in public-ladder shapes, with expectations written before the pipeline was first run on them.
 */
import { readFileSync } from 'node:fs';
import { mapLevel, type Analysis, type LevelPlacement, type ScaleCues } from '../../src/analyses/index.ts';
import { atlas } from '../../src/atlas/index.ts';
import { readDataBundle, readLadderFiles } from '../../src/cli/load-data-dir.ts';
import type { ClassifiedStatement } from '../../src/types.ts';

export const GENERALISATION_DIR = 'tests/fixtures/generalisation';

export interface LevelExpectation {
  company: string;
  level: string;
  title: string;
  expected: number;
  low: number;
  high: number;
}
export interface MappingExpectation {
  from: string;
  to: string;
  accept: string[];
  why: string;
}
export interface Expectations {
  levels: LevelExpectation[];
  mappings: MappingExpectation[];
}

/** Expectations of a fixture folder (default: the first round). */
export const readExpectations = (dir = GENERALISATION_DIR): Expectations => JSON.parse(readFileSync(`${dir}/expectations.json`, 'utf8'));
export const expectations: Expectations = readExpectations();

export interface GeneralisationRun {
  statements: ClassifiedStatement[];
  analysis: Analysis;
}

/** Ingest, classify and place the generalisation ladders; `withTitles: false` drops title evidence (text only). */
export function runGeneralisation(opts: { scaleCues?: ScaleCues; withTitles?: boolean; dir?: string } = {}): GeneralisationRun {
  const data = readDataBundle({ dir: 'data' });
  let scaleCues = opts.scaleCues ?? JSON.parse(String(data.scaleCues!.content));
  if (opts.withTitles === false) scaleCues = { ...scaleCues, titles: { ...scaleCues.titles, weight: 0 } };
  const a = atlas(readLadderFiles(opts.dir ?? GENERALISATION_DIR), { data: { ...data, scaleCues: { name: 'scale-cues.json (as given)', content: scaleCues } } });
  return { statements: a.statements, analysis: a.analysis };
}

/** A level of the run by company and native label (or, failing that, title). */
export function findLevel(levels: readonly LevelPlacement[], company: string, level: string): LevelPlacement {
  const own = levels.filter((l) => l.company === company);
  const p = own.find((l) => l.level === level) ?? own.find((l) => l.levelTitle === level) ?? own.find((l) => l.level.startsWith(`${level} `));
  if (!p) throw new Error(`no level ${company}:${level} (have ${own.map((l) => l.level).join(', ')})`);
  return p;
}

export interface Figures {
  /** Ladders whose raw (pre-fit) positions strictly increase in native order. */
  ladderOrder: { ok: number; n: number; failing: string[] };
  /** Adjacent level pairs whose raw positions increase. */
  pairOrder: { ok: number; n: number; failing: string[] };
  /** Mean absolute error of the fitted position vs our expectation. */
  mae: number;
  /** Levels whose fitted position lies inside the band we would defend. */
  inBand: { ok: number; n: number; failing: string[] };
  mapping: { ok: number; n: number; misses: string[] };
}

/** The figures we report: order before the isotonic fit, error against our expectations, mapping agreement. */
export function figures(run: GeneralisationRun, exp: Expectations = expectations): Figures {
  const levels = run.analysis.levels;
  const companies = [...new Set(exp.levels.map((e) => e.company))];
  const ladderFailing: string[] = [];
  const pairFailing: string[] = [];
  let pairs = 0;
  for (const c of companies) {
    const ladder = levels.filter((l) => l.company === c).sort((a, b) => a.levelOrder - b.levelOrder);
    let ok = true;
    for (let i = 1; i < ladder.length; i++) {
      pairs++;
      const a = ladder[i - 1].rawPosition;
      const b = ladder[i].rawPosition;
      if (a === null || b === null || !(b > a)) {
        ok = false;
        pairFailing.push(`${ladder[i - 1].label} ${a} !< ${ladder[i].label} ${b}`);
      }
    }
    if (!ok) ladderFailing.push(c);
  }
  let err = 0;
  const bandFailing: string[] = [];
  for (const e of exp.levels) {
    const p = findLevel(levels, e.company, e.level);
    err += Math.abs(p.position - e.expected);
    if (p.position < e.low - 1e-9 || p.position > e.high + 1e-9) bandFailing.push(`${p.label} ${p.position} not in ${e.low}–${e.high}`);
  }
  const misses: string[] = [];
  for (const m of exp.mappings) {
    const t = mapLevel(m.from, run.statements, levels, { to: m.to }).targets[0];
    const got = t.relation === 'match' ? t.best.level : t.relation;
    const gotTitle = t.relation === 'match' ? levels.find((l) => l.key === t.best.key)?.levelTitle : undefined;
    if (!m.accept.includes(got) && !(gotTitle && m.accept.includes(gotTitle))) misses.push(`${m.from} → ${m.to}: got ${got}, accepted ${m.accept.join('/')}`);
  }
  return {
    ladderOrder: { ok: companies.length - ladderFailing.length, n: companies.length, failing: ladderFailing },
    pairOrder: { ok: pairs - pairFailing.length, n: pairs, failing: pairFailing },
    mae: err / exp.levels.length,
    inBand: { ok: exp.levels.length - bandFailing.length, n: exp.levels.length, failing: bandFailing },
    mapping: { ok: exp.mappings.length - misses.length, n: exp.mappings.length, misses },
  };
}
