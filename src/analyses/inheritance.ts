/** Levels that include other levels ("The Senior role extends the Intermediate role"): who inherits what. */
import type { LevelInfo } from '../types.ts';
import { ladderKey, levelKey } from './level-keys.ts';

export interface Inheritance {
  /** Level key → keys of the levels it includes, nearest first, following chains (L4 → L3 → L2). */
  ancestors: Map<string, string[]>;
  /** Level key → id of the statement saying so. */
  statement: Map<string, string>;
}

/** The inheritance relations of a set of levels (`LevelInfo.inherits`), chains followed, cycles cut. */
export function inheritance(levels: readonly LevelInfo[] = []): Inheritance {
  const byLabel = new Map<string, string[]>();
  for (const l of levels) {
    const k = `${ladderKey(l)}|${l.level}`;
    const list = byLabel.get(k);
    if (list) list.push(levelKey(l));
    else byLabel.set(k, [levelKey(l)]);
  }
  const parents = new Map<string, string[]>();
  const statement = new Map<string, string>();
  for (const l of levels) {
    if (!l.inherits) continue;
    parents.set(levelKey(l), byLabel.get(`${ladderKey(l)}|${l.inherits.level}`) ?? []);
    statement.set(levelKey(l), l.inherits.statement);
  }
  const ancestors = new Map<string, string[]>();
  for (const key of parents.keys()) {
    const seen = new Set<string>([key]);
    const out: string[] = [];
    let frontier = parents.get(key) ?? [];
    while (frontier.length) {
      const next: string[] = [];
      for (const p of frontier) {
        if (seen.has(p)) continue;
        seen.add(p);
        out.push(p);
        next.push(...(parents.get(p) ?? []));
      }
      frontier = next;
    }
    ancestors.set(key, out);
  }
  return { ancestors, statement };
}
