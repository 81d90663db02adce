/** Peer examples: how other ladders word a competency near a scale position. */
import type { ClassifiedStatement } from '../types.ts';
import { groupBy, levelKey } from './level-keys.ts';
import type { GapFinding, LevelPlacement } from './types.ts';

export type Peer = NonNullable<GapFinding['peers']>[number];

/** Index of primary-competency statements with their level positions, for quick peer look-ups. */
export function peerIndex(statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[]): Map<string, Peer[]> {
  const pos = new Map(placements.map((p) => [p.key, p]));
  const rows = statements.filter((s) => s.competency && (s.kind === 'expectation' || s.kind === 'summary' || s.kind === 'example') && !s.flags.includes('placeholder'));
  const out = new Map<string, Peer[]>();
  for (const [c, list] of groupBy(rows, (s) => s.competency!)) {
    out.set(
      c,
      list
        .filter((s) => pos.has(levelKey(s)))
        .map((s) => ({ company: s.company, level: s.level, statementId: s.id, text: s.text, position: pos.get(levelKey(s))!.position, kind: s.kind, track: s.track }))
        .sort((a, b) => (a.kind === 'expectation' ? 0 : 1) - (b.kind === 'expectation' ? 0 : 1) || a.position - b.position)
        .map(({ company, level, statementId, text, position, track }) => ({ company, level, statementId, text, position, track })),
    );
  }
  return out;
}

/** Up to `limit` peers for a competency near `position`, one per other ladder first, nearest first. */
export function peersFor(index: Map<string, Peer[]>, competency: string, position: number, exclude: { company: string; track: string }, limit = 3): Peer[] {
  const list = (index.get(competency) ?? []).filter((p) => !(p.company === exclude.company && (p as Peer & { track?: string }).track === exclude.track));
  const sorted = [...list].sort((a, b) => Math.abs(a.position - position) - Math.abs(b.position - position) || (a.statementId < b.statementId ? -1 : 1));
  const out: Peer[] = [];
  const companies = new Set<string>();
  for (const p of sorted) {
    if (companies.has(p.company)) continue;
    companies.add(p.company);
    out.push(strip(p));
    if (out.length >= limit) return out;
  }
  for (const p of sorted) {
    if (out.length >= limit) break;
    if (!out.some((o) => o.statementId === p.statementId)) out.push(strip(p));
  }
  return out;
}

function strip(p: Peer): Peer {
  return { company: p.company, level: p.level, statementId: p.statementId, text: p.text, position: p.position };
}
