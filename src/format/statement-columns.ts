/** The statement table's columns, as `ladders statements --csv` and `--arrow` write them and the notebooks' arquero table holds them. */
import type { ClassifiedStatement } from '../types.ts';

const cueList = (s: ClassifiedStatement) => (s.why?.cues ?? []).map((c) => `${c.competency}:${c.cue}`);
export const cues = (s: ClassifiedStatement) => cueList(s).join('; ');

export const STATEMENT_COLUMNS: [string, (s: ClassifiedStatement) => unknown][] = [
  ['id', (s) => s.id],
  ['company', (s) => s.company],
  ['track', (s) => s.track],
  ['level', (s) => s.level],
  ['levelTitle', (s) => s.levelTitle],
  ['levelOrder', (s) => s.levelOrder],
  ['variant', (s) => s.variant ?? ''],
  ['section', (s) => s.section],
  ['kind', (s) => s.kind],
  ['text', (s) => s.text],
  ['flags', (s) => s.flags.join(' ')],
  ['competency', (s) => s.competency ?? ''],
  ['confidence', (s) => (s.confidence === undefined ? '' : s.confidence.toFixed(2))],
  ['cues', cues],
  ['prior', (s) => s.why?.prior?.competencies.map((c) => c.id).join(' ') ?? ''],
  ['override', (s) => s.why?.override?.comment ?? ''],
  ['file', (s) => s.source.file],
  ['line', (s) => s.source.line],
  ['at', (s) => s.source.at ?? ''],
];

/** The same columns for Arrow, with native types: lists as lists, full-precision numbers, null where absent. */
const ARROW_VALUES: Record<string, (s: ClassifiedStatement) => unknown> = {
  variant: (s) => s.variant ?? null,
  flags: (s) => s.flags,
  competency: (s) => s.competency ?? null,
  confidence: (s) => s.confidence ?? null,
  cues: cueList,
  prior: (s) => s.why?.prior?.competencies.map((c) => c.id) ?? [],
  override: (s) => s.why?.override?.comment ?? null,
  at: (s) => s.source.at ?? null,
};
export const ARROW_COLUMNS = STATEMENT_COLUMNS.map(([name, get]) => [name, ARROW_VALUES[name] ?? get] as const);
