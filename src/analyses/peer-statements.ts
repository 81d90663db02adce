/** Peer examples: how other ladders word a competency near a scale position. */
import type { ClassifiedStatement } from '../types.ts';
import { levelKeysOf } from './level-keys.ts';
import type { GapFinding, LevelPlacement } from './types.ts';

export type Peer = NonNullable<GapFinding['peers']>[number];

interface IndexedPeer extends Peer {
  track: string;
  rank: number;
}

/** Primary-competency statements per competency, sorted by their level's position (expectations before examples). */
export function peerIndex(statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[]): Map<string, IndexedPeer[]> {
  const pos = new Map(placements.map((p) => [p.key, p]));
  const keys = levelKeysOf(statements);
  const out = new Map<string, IndexedPeer[]>();
  statements.forEach((s, i) => {
    if (!s.competency || !(s.kind === 'expectation' || s.kind === 'summary' || s.kind === 'example') || s.flags.includes('placeholder')) return;
    const p = pos.get(keys[i]);
    let list = out.get(s.competency);
    if (!list) out.set(s.competency, (list = []));
    if (p) list.push({ company: s.company, track: s.track, level: s.level, statementId: s.id, text: s.text, position: p.position, rank: s.kind === 'expectation' ? 0 : 1 });
  });
  for (const list of out.values()) list.sort((a, b) => a.position - b.position || a.rank - b.rank); // stable: ties keep input order
  return out;
}

/**
 * Up to `limit` peers for a competency near `position` from other ladders: nearest first, one per company while
 * within `window` scale steps, then the nearest of any company. Walks outwards from `position` and stops early.
 */
export function peersFor(
  index: Map<string, IndexedPeer[]>,
  competency: string,
  position: number,
  exclude: { company: string; track: string },
  limit = 3,
  window = 1.5,
): Peer[] {
  const list = index.get(competency) ?? [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].position < position) lo = mid + 1;
    else hi = mid;
  }
  /** Visit rows in order of distance from `position` until `visit` returns false. */
  const outwards = (visit: (p: IndexedPeer, distance: number) => boolean) => {
    for (let i = lo - 1, j = lo; i >= 0 || j < list.length; ) {
      const takeLeft = j >= list.length || (i >= 0 && position - list[i].position <= list[j].position - position);
      const p = takeLeft ? list[i--] : list[j++];
      if (p.company === exclude.company && p.track === exclude.track) continue;
      if (!visit(p, Math.abs(p.position - position))) return;
    }
  };
  const out: IndexedPeer[] = [];
  const companies = new Set<string>();
  outwards((p, d) => {
    if (d > window) return false;
    if (!companies.has(p.company)) {
      companies.add(p.company);
      out.push(p);
    }
    return out.length < limit;
  });
  if (out.length < limit) {
    outwards((p) => {
      if (!out.includes(p)) out.push(p);
      return out.length < limit;
    });
  }
  return out.map((p) => ({ company: p.company, level: p.level, statementId: p.statementId, text: p.text, position: p.position }));
}
