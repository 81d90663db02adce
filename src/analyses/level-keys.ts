/** How statements and levels are grouped: one key per ladder (company + track) and per level. */
import { compareLevels, levelKey, levelKeysOf } from '../levels/index.ts';
import type { LadderSet, LevelInfo } from '../types.ts';

export { compareLevels, ladderKey, ladderName, levelKey, levelKeysOf, levelLabel, levelName, multiTrackCompanies } from '../levels/index.ts';

/** The set's levels, or levels derived from its statements when the set lists none; sorted by company, track, order. */
export function listLevels(set: Pick<LadderSet, 'statements'> & Partial<Pick<LadderSet, 'levels'>>): LevelInfo[] {
  const byKey = new Map<string, LevelInfo>();
  for (const l of set.levels ?? []) byKey.set(levelKey(l), l);
  const keys = levelKeysOf(set.statements);
  for (let i = 0; i < keys.length; i++) {
    const s = set.statements[i];
    const k = keys[i];
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


/** Group a table's rows by level key ({@link groupBy} by {@link levelKey}, from the table's keys read once). */
export function groupByLevel<T extends Parameters<typeof levelKey>[0]>(rows: readonly T[]): Map<string, T[]> {
  const keys = levelKeysOf(rows);
  const m = new Map<string, T[]>();
  for (let i = 0; i < rows.length; i++) {
    const g = m.get(keys[i]);
    if (g) g.push(rows[i]);
    else m.set(keys[i], [rows[i]]);
  }
  return m;
}
