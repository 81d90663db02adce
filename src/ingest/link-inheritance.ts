import type { Diagnostic, LevelInfo, Statement } from '../types.ts';
import type { DraftLevel } from './draft.ts';
import { findLevelLabel } from './level-label.ts';
import { sectionName } from './normalise-text.ts';
import type { StatementsByLevel } from './statements-by-level.ts';

type LadderEntry = { level: string; levelTitle: string; levelOrder: number };

interface Pending {
  info: LevelInfo;
  draft: NonNullable<DraftLevel['inherits']>;
  /** The level entries of the ladder (company and track) the level belongs to: one array shared by its levels. */
  ladder: LadderEntry[];
}

const key = (s: string) => sectionName(s).toLowerCase();

/**
 * What a ladder's levels are looked up by, built once per ladder: a ladder of many levels that each include
 * another would otherwise scan (and normalise) the whole ladder once per level.
 */
interface LadderIndex {
  /** The labels, in ladder order without repeats. */
  labels: string[];
  has: Set<string>;
  /** Distinct levels by rising order (one label per order). */
  byOrder: LadderEntry[];
  /** A level's label by its label or title, normalised: the first entry in ladder order that matches. */
  byName: Map<string, string>;
}

function indexLadder(ladder: LadderEntry[]): LadderIndex {
  const has = new Set<string>();
  const labels: string[] = [];
  const byName = new Map<string, string>();
  const byOrder: LadderEntry[] = [];
  for (const e of ladder) {
    if (!has.has(e.level)) {
      has.add(e.level);
      labels.push(e.level);
      byOrder.push(e);
    }
    const names = [key(e.level), key(e.levelTitle)];
    for (const n of names) if (!byName.has(n)) byName.set(n, e.level);
  }
  byOrder.sort((a, b) => a.levelOrder - b.levelOrder);
  return { labels, has, byOrder, byName };
}

/** The level just below `order` in the ladder (the highest order under it), if any. */
function levelBelow(byOrder: LadderEntry[], order: number): string | undefined {
  let lo = 0;
  let hi = byOrder.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byOrder[mid].levelOrder < order) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? byOrder[lo - 1].level : undefined;
}

/**
 * Turns each "this level includes that one" sentence into a relation between two levels of one
 * ladder (`LevelInfo.inherits`), across files: the words name a level label, a level title, or
 * "the previous level". Words naming no level of the ladder get a warning, and no relation.
 * `statements` holds each file's statements by file, company, track and level.
 */
export function linkInheritance(pending: Pending[], statements: StatementsByLevel, diagnostics: Diagnostic[]) {
  const indexes = new Map<LadderEntry[], LadderIndex>();
  for (const { info, draft, ladder } of pending) {
    let index = indexes.get(ladder);
    if (!index) indexes.set(ladder, (index = indexLadder(ladder)));
    const { labels, has } = index;
    let target: string | undefined;
    if (draft.level && has.has(draft.level)) target = draft.level;
    else if (draft.previous) target = levelBelow(index.byOrder, info.levelOrder);
    else {
      target = index.byName.get(key(draft.text)) ?? (() => {
        const code = findLevelLabel(draft.text)?.label;
        return code && has.has(code) ? code : undefined;
      })();
    }
    const file = info.files[0];
    if (!target || target === info.level) {
      diagnostics.push({
        severity: 'warning', file, line: draft.line,
        message: `level ${info.level} says it includes "${draft.text}", which names no other level of ${info.companyName} ${info.track}; the levels are not linked (name the level by its label or title, e.g. "Everything in ${labels.find((l) => l !== info.level) ?? 'L2'}, plus:")`,
      });
      continue;
    }
    const own = statements.get(file, info.company, info.track, info.level) ?? [];
    const said = own.find((s) => s.source.line === draft.line && s.kind === 'note') ?? own.find((s) => s.source.line === draft.line);
    info.inherits = { level: target, statement: said?.id ?? '' };
  }
}
