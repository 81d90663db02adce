/** The seed ladders classified and analysed once per test file, plus builders for small synthetic ladders. */
import { readFileSync } from 'node:fs';
import { analyse, parseScaleCues, type Analysis, type ScaleCues } from '../../src/analyses/index.ts';
import { classifyAll, parseOverrides, parsePriors, parseTaxonomy, type Taxonomy } from '../../src/taxonomy/index.ts';
import type { ClassifiedStatement, Kind, Statement } from '../../src/types.ts';
import { seeds } from '../helpers.ts';

export const scaleCues: ScaleCues = parseScaleCues(readFileSync('data/scale-cues.json', 'utf8'));
export const taxonomy: Taxonomy = parseTaxonomy(readFileSync('data/taxonomy.json', 'utf8'));

let cached: { statements: ClassifiedStatement[]; analysis: Analysis } | null = null;

/** Seeds → classifyAll → analyse (with similarity and divergence). */
export function seedAnalysis(): { statements: ClassifiedStatement[]; analysis: Analysis } {
  if (cached) return cached;
  const set = seeds();
  const priors = parsePriors(readFileSync('data/section-priors.json', 'utf8'), taxonomy);
  const overrides = parseOverrides(readFileSync('data/overrides.csv', 'utf8'), taxonomy);
  const statements = classifyAll(set.statements, { taxonomy, priors, overrides });
  cached = { statements, analysis: analyse({ ...set, statements }, { scaleCues, taxonomy }) };
  return cached;
}

/** Placement of `company:level` in an analysis. */
export function placed(a: Analysis, label: string) {
  const p = a.levels.find((l) => l.label === label);
  if (!p) throw new Error(`no level ${label}`);
  return p;
}

let n = 0;

/** A synthetic statement; `competency` sets a one-competency classification. */
export function row(company: string, level: string, levelOrder: number, text: string, extra: Partial<ClassifiedStatement> & { competency?: string } = {}): ClassifiedStatement {
  const { competency, ...rest } = extra;
  n++;
  const s: Statement = {
    id: `${company}.${level}.${n}`,
    company,
    track: 'eng',
    level,
    levelTitle: `${company} ${level}`,
    levelOrder,
    section: '',
    kind: 'expectation' as Kind,
    text,
    flags: [],
    source: { file: `ladders/${company}/x.md`, line: n },
    ...rest,
  };
  return competency ? { ...s, competency, competencies: [{ id: competency, score: 1 }], confidence: 1, why: { cues: [] } } : s;
}
