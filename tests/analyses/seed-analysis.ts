/** The seed ladders classified and analysed once per test file, plus builders for small synthetic ladders. */
import type { Analysis, ScaleCues } from '../../src/analyses/index.ts';
import type { Taxonomy } from '../../src/taxonomy/index.ts';
import type { ClassifiedStatement, Kind, Statement } from '../../src/types.ts';
import { seedsAtlas } from '../helpers.ts';

export const scaleCues: ScaleCues = seedsAtlas().scaleCues;
export const taxonomy: Taxonomy = seedsAtlas().taxonomy;

/** The seed ladders' atlas: classified statements and every analysis (computed on first use). */
export function seedAnalysis(): { statements: ClassifiedStatement[]; analysis: Analysis } {
  const { statements, analysis } = seedsAtlas();
  return { statements, analysis };
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
