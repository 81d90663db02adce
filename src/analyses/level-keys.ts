/** How statements and levels are grouped: one key per ladder (company + track) and per level. */
import type { LadderSet, LevelInfo, Statement } from '../types.ts';

type LevelLike = Pick<Statement, 'company' | 'track' | 'level'> & { variant?: string };

const keys = new WeakMap<object, string>();

/** `company|track|level` (+ `|variant`). Memoised per row object (rows are not mutated). */
export function levelKey(s: LevelLike): string {
  let k = keys.get(s);
  if (k === undefined) {
    k = s.variant ? `${s.company}|${s.track}|${s.level}|${s.variant}` : `${s.company}|${s.track}|${s.level}`;
    keys.set(s, k);
  }
  return k;
}

/** `company|track`. */
export function ladderKey(s: Pick<Statement, 'company' | 'track'>): string {
  return `${s.company}|${s.track}`;
}

/** The set's levels, or levels derived from its statements when the set lists none; sorted by company, track, order. */
export function listLevels(set: Pick<LadderSet, 'statements'> & Partial<Pick<LadderSet, 'levels'>>): LevelInfo[] {
  const byKey = new Map<string, LevelInfo>();
  for (const l of set.levels ?? []) byKey.set(levelKey(l), l);
  for (const s of set.statements) {
    const k = levelKey(s);
    const have = byKey.get(k);
    if (!have) {
      byKey.set(k, {
        company: s.company,
        companyName: s.company,
        track: s.track,
        level: s.level,
        levelTitle: s.levelTitle,
        levelOrder: s.levelOrder,
        variant: s.variant,
        files: [s.source.file],
      });
    }
  }
  return [...byKey.values()].sort(compareLevels);
}

/** Stable order: company, track, level order, level label, variant. */
export function compareLevels(a: LevelInfo, b: LevelInfo): number {
  return (
    cmp(a.company, b.company) ||
    cmp(a.track, b.track) ||
    a.levelOrder - b.levelOrder ||
    cmp(a.level, b.level) ||
    cmp(a.variant ?? '', b.variant ?? '')
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Group rows by a key, keeping input order inside each group. */
export function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const g = m.get(k);
    if (g) g.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Display label `company:level` (with variant in brackets). */
export function levelLabel(l: LevelLike): string {
  return `${l.company}:${l.level}${l.variant ? ` [${l.variant}]` : ''}`;
}
