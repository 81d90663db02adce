/** Levels a ladder does not give: gaps in its numbering, numbers its own text refers to, and a top that stops low. */
import type { Statement } from '../types.ts';
import type { GapFinding, LevelPlacement } from './types.ts';

const parseLabel = (level: string) => /^([A-Za-z]*)[\s-]*(\d+)$/.exec(level.trim());

/**
 * Findings for one ladder (placements in native order). `levelPattern` (from scale-cues capNotes) finds level
 * references such as "L5/L6" or "Level 4+" in the ladder's own statements.
 */
export function missingLevels(ladder: readonly LevelPlacement[], statements: readonly Statement[], levelPattern: string, topBelow = 5): GapFinding[] {
  if (!ladder.length) return [];
  const { company, track } = ladder[0];
  const out: GapFinding[] = [];
  const parsed = ladder.map((p) => parseLabel(p.level));
  if (parsed.every(Boolean)) {
    const prefix = parsed[0]![1];
    const present = new Set(parsed.map((m) => Number(m![2])));
    const re = new RegExp(levelPattern, 'gi');
    const referenced = new Map<number, string[]>();
    for (const s of statements) {
      for (const m of s.text.matchAll(re)) {
        const n = Number(m[1]);
        if (!Number.isFinite(n) || n > 20) continue;
        referenced.set(n, [...(referenced.get(n) ?? []), s.id]);
        // "L5/L6": a slash list names more than one level
        for (const extra of s.text.slice((m.index ?? 0) + m[0].length).matchAll(/^\s*\/\s*[A-Za-z]*\s*(\d+)/g)) referenced.set(Number(extra[1]), [...(referenced.get(Number(extra[1])) ?? []), s.id]);
      }
    }
    const minPresent = Math.min(...present);
    const maxN = Math.max(...present, ...referenced.keys());
    const lowest = ladder[0];
    for (let n = 1; n <= maxN; n++) {
      if (present.has(n)) continue;
      const label = `${prefix}${n}`;
      const between = n > minPresent && n < Math.max(...present);
      const refs = [...new Set(referenced.get(n) ?? [])];
      out.push({
        type: 'missing-level',
        severity: between ? 'medium' : 'low',
        company,
        track,
        level: label,
        competency: null,
        statementIds: refs,
        suggestion: between
          ? `Add ${label}: the ladder jumps over it, so nobody can tell what separates its neighbours.`
          : n < minPresent
            ? `Add ${label} (or say the ladder starts at ${lowest.level}); today the lowest level given is ${lowest.level}.`
            : `Add ${label}: the ladder's own text refers to it but gives no page for it.`,
        detail: refs.length ? `referred to in ${refs.length} statement(s)` : undefined,
      });
    }
  }
  const top = ladder[ladder.length - 1];
  if (top.basis === 'evidence' && top.position < topBelow && !out.some((f) => f.level && parseLabel(f.level) && Number(parseLabel(f.level)![2]) > Number(parseLabel(top.level)?.[2] ?? Infinity))) {
    const m = parseLabel(top.level);
    out.push({
      type: 'missing-level',
      severity: 'low',
      company,
      track,
      level: m ? `${m[1]}${Number(m[2]) + 1}` : null,
      competency: null,
      statementIds: [],
      suggestion: `The ladder stops at ${top.level} (scale ${top.position.toFixed(1)}): add the levels above it if they exist, or say where the track ends.`,
    });
  }
  return out;
}
