/** What changes between two levels: competencies added, dropped, strengthened or weakened, with the statements. */
import type { ClassifiedStatement, LevelInfo } from '../types.ts';
import { inheritance } from './inheritance.ts';
import { ladderKey, levelKey } from './level-keys.ts';
import { levelProfiles, type ProfileEntry } from './level-profile.ts';
import { resolveLevel } from './resolve-level.ts';
import type { CapNote, DiffEntry, LevelDiff, LevelPlacement } from './types.ts';

export interface DiffOptions {
  capNotes?: CapNote[];
  /** Statements listed per side and competency (default 5). */
  limit?: number;
  /** Relative change in share that counts as strengthened/weakened (default 0.25) … */
  relative?: number;
  /** … when the absolute change is at least this (default 0.02). */
  absolute?: number;
  /** The ladders' levels, for inheritance: when `to` includes `from`, nothing of `from` is dropped or weakened. */
  levels?: readonly LevelInfo[];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Diff level `from` → `to` (either may be `company:level` or a key; different companies allowed).
 * A level has a competency when a statement names it (primary, or secondary ≥ 0.25) or its share is ≥ absolute.
 * added: only `to` has it; dropped: only `from` does (carried-over when a cap note in `to`'s ladder covers it);
 * strengthened/weakened: the competency's share of the level changes by ≥ relative and ≥ absolute; else kept.
 * When `to` includes `from` (`LevelInfo.inherits`, given in `opts.levels`), dropped is carried-over and
 * weakened is kept, each marked `inherited`.
 * Entries are ordered added, strengthened, dropped, carried-over, weakened, kept, then by taxonomy/competency id.
 */
export function diffLevels(from: string, to: string, statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[], opts: DiffOptions = {}): LevelDiff {
  const a = resolveLevel(from, placements);
  const b = resolveLevel(to, placements);
  const own = statements.filter((s) => {
    const k = levelKey(s);
    return k === a.key || k === b.key;
  });
  const profiles = levelProfiles(own);
  const pa = profiles.get(a.key);
  const pb = profiles.get(b.key);
  const capped = new Set((opts.capNotes ?? []).filter((n) => ladderKey(n) === ladderKey(b)).map((n) => n.competency));
  const ids = [...new Set([...(pa?.entries.keys() ?? []), ...(pb?.entries.keys() ?? [])])].sort();
  // `to` includes `from` ("extends"): from's expectations are present in `to`, inherited.
  const inherited = !!inheritance(opts.levels).ancestors.get(b.key)?.includes(a.key);
  const rel = opts.relative ?? 0.25;
  const abs = opts.absolute ?? 0.02;
  const entries: DiffEntry[] = [];
  for (const c of ids) {
    const ea = pa?.entries.get(c);
    const eb = pb?.entries.get(c);
    const sa = ea?.share ?? 0;
    const sb = eb?.share ?? 0;
    const inA = !!ea?.mentions.length || sa >= abs;
    const inB = !!eb?.mentions.length || sb >= abs;
    if (!inA && !inB) continue;
    let change: DiffEntry['change'];
    if (!inA) change = 'added';
    else if (!inB) change = capped.has(c) ? 'carried-over' : 'dropped';
    else if (sb - sa >= abs && sb >= sa * (1 + rel)) change = 'strengthened';
    else if (sa - sb >= abs && sb <= sa * (1 - rel)) change = 'weakened';
    else change = 'kept';
    const byInheritance = inherited && (change === 'dropped' || change === 'weakened');
    if (byInheritance) change = change === 'dropped' ? 'carried-over' : 'kept';
    entries.push({ competency: c, change, ...(byInheritance ? { inherited: true } : {}), from: side(ea, a, opts.limit ?? 5), to: side(eb, b, opts.limit ?? 5) });
  }
  const rank: Record<DiffEntry['change'], number> = { added: 0, strengthened: 1, dropped: 2, 'carried-over': 3, weakened: 4, kept: 5 };
  entries.sort((x, y) => rank[x.change] - rank[y.change] || (x.competency < y.competency ? -1 : 1));
  return {
    from: { key: a.key, label: a.label, position: a.position },
    to: { key: b.key, label: b.label, position: b.position },
    entries,
  };
}

function side(e: ProfileEntry | undefined, p: LevelPlacement, limit: number): DiffEntry['from'] {
  const list = e ? [...e.primary, ...e.mentions.filter((s) => !e.primary.includes(s))] : [];
  const ids = new Set(list.map((s) => s.id));
  const ev = p.evidence.filter((x) => ids.has(x.statementId));
  const w = ev.reduce((t, x) => t + x.weight, 0);
  return {
    weight: r3(e?.weight ?? 0),
    share: r3(e?.share ?? 0),
    scale: w > 0 ? Math.round((ev.reduce((t, x) => t + x.value * x.weight, 0) / w) * 100) / 100 : null,
    statements: list.slice(0, limit).map((s) => ({ id: s.id, text: s.text })),
  };
}

/** Diff each level of a ladder with the next one (native order). */
export function diffLadder(company: string, statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[], opts: DiffOptions = {}): LevelDiff[] {
  const ladder = placements.filter((p) => p.company === company).sort((x, y) => (x.track < y.track ? -1 : x.track > y.track ? 1 : x.levelOrder - y.levelOrder));
  const out: LevelDiff[] = [];
  for (let i = 0; i + 1 < ladder.length; i++) {
    if (ladder[i].track === ladder[i + 1].track) out.push(diffLevels(ladder[i].key, ladder[i + 1].key, statements, placements, opts));
  }
  return out;
}
