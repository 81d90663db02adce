/** What changes between two levels: competencies added, dropped, strengthened or weakened, with the statements. */
import type { ClassifiedStatement, LevelInfo } from '../types.ts';
import { inheritance } from './inheritance.ts';
import { ladderKey, levelKey } from './level-keys.ts';
import { isProfiled, levelProfiles, type ProfileEntry } from './level-profile.ts';
import { resolveLevel } from './resolve-level.ts';
import type { CapNote, DiffEntry, LevelDiff, LevelPlacement } from './types.ts';

export interface DiffOptions {
  capNotes?: CapNote[];
  /** Statements listed per side and competency (default 5). */
  limit?: number;
  /** Relative change in share (of the lower share) that counts as strengthened/weakened (default 0.25) … */
  relative?: number;
  /** … when the share changes by at least this much too (default 0.05: five percentage points). */
  absolute?: number;
  /** The ladders' levels, for inheritance: when `to` includes `from`, nothing of `from` is dropped or weakened. */
  levels?: readonly LevelInfo[];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Diff level `from` → `to` (either may be `company:level`, `company:track:level` or a key; different companies allowed).
 *
 * A statement is *about* a competency when it is its primary reading or scores ≥ 0.25 (the coverage rule). A
 * competency's *share* of a level is the share of the level's classified statements about it (so 0% means no
 * statement is about it, and the shares shown are the numbers the change is decided on):
 * - added: no statement of `from` is about it, some statement of `to` is (0% → more);
 * - dropped: some statement of `from` is about it, none of `to` (more → 0%); carried-over instead when a cap note in
 *   `to`'s ladder covers it, or when `to` includes `from` (`LevelInfo.inherits`, in `opts.levels`; marked `inherited`);
 * - strengthened / weakened: both levels have it and the share rises / falls by at least `absolute` (default 5
 *   percentage points) and by at least `relative` of the lower share (default a quarter); weakened is kept when `to`
 *   includes `from` (marked `inherited`);
 * - kept: both have it, at about the same share.
 * Entries are ordered added, strengthened, dropped, carried-over, weakened, kept, then by competency id.
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
  const abs = opts.absolute ?? 0.05;
  // Statements that take part in profiles (classified, not placeholders): what a share is a share of.
  const classified = (key: string) => own.filter((s) => levelKey(s) === key && isProfiled(s)).length;
  const na = classified(a.key);
  const nb = classified(b.key);
  const entries: DiffEntry[] = [];
  for (const c of ids) {
    const ea = pa?.entries.get(c);
    const eb = pb?.entries.get(c);
    const ca = ea?.mentions.length ?? 0;
    const cb = eb?.mentions.length ?? 0;
    if (!ca && !cb) continue;
    const sa = na ? ca / na : 0;
    const sb = nb ? cb / nb : 0;
    let change: DiffEntry['change'];
    if (!ca) change = 'added';
    else if (!cb) change = capped.has(c) ? 'carried-over' : 'dropped';
    else if (sb - sa >= abs && sb >= sa * (1 + rel)) change = 'strengthened';
    else if (sa - sb >= abs && sa >= sb * (1 + rel)) change = 'weakened';
    else change = 'kept';
    const byInheritance = inherited && (change === 'dropped' || change === 'weakened');
    if (byInheritance) change = change === 'dropped' ? 'carried-over' : 'kept';
    const limit = opts.limit ?? 5;
    entries.push({ competency: c, change, ...(byInheritance ? { inherited: true } : {}), from: side(ea, a, limit, ca, na), to: side(eb, b, limit, cb, nb) });
  }
  const rank: Record<DiffEntry['change'], number> = { added: 0, strengthened: 1, dropped: 2, 'carried-over': 3, weakened: 4, kept: 5 };
  entries.sort((x, y) => rank[x.change] - rank[y.change] || (x.competency < y.competency ? -1 : 1));
  return {
    from: { key: a.key, label: a.label, position: a.position },
    to: { key: b.key, label: b.label, position: b.position },
    entries,
  };
}

function side(e: ProfileEntry | undefined, p: LevelPlacement, limit: number, count: number, of: number): DiffEntry['from'] {
  const list = e ? [...e.primary, ...e.mentions.filter((s) => !e.primary.includes(s))] : [];
  const ids = new Set(list.map((s) => s.id));
  const ev = p.evidence.filter((x) => ids.has(x.statementId));
  const w = ev.reduce((t, x) => t + x.weight, 0);
  return {
    count,
    of,
    share: of ? r3(count / of) : 0,
    weight: r3(e?.weight ?? 0),
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
