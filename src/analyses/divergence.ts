/**
 * Divergence: where the ladders disagree about a competency.
 *
 * Per competency and ladder: the onset (lowest-placed level that mentions it), the strength (the competency's
 * share of the level's classified text) in each aligned band (scale position rounded to 1..7), ladders that
 * never mention it, and statements side by side per band.
 *
 * The measure (0..1) is the mean of three parts:
 * - onsetSpread: (latest onset − earliest onset) / 6, where the latest onset only counts when it is not the
 *   ladder's lowest level (a ladder that starts high cannot say when the competency begins);
 * - strengthGap: over bands where ≥ 2 ladders have a level, the mean of (max − min) / max of their strengths;
 * - absence: share of ladders that never mention it (cap notes count as mentioning).
 */
import type { ClassifiedStatement } from '../types.ts';
import { groupBy, ladderKey } from './level-keys.ts';
import { levelProfiles } from './level-profile.ts';
import type { CapNote, DivergenceRow, LevelPlacement } from './types.ts';

export interface DivergenceOptions {
  competencies: string[];
  capNotes?: CapNote[];
  /** Statements shown per company and band (default 3). */
  perBand?: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Aligned band of a placement: its position rounded to the nearest whole step, 1..7. */
export function bandOf(position: number): number {
  return Math.min(7, Math.max(1, Math.round(position)));
}

/** Ranked divergence rows, most divergent first (ties by competency id). */
export function divergence(statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[], opts: DivergenceOptions): DivergenceRow[] {
  const profiles = levelProfiles(statements);
  const ladders = [...groupBy(placements, ladderKey).values()].map((l) => [...l].sort((a, b) => a.position - b.position || a.levelOrder - b.levelOrder));
  const capped = new Set((opts.capNotes ?? []).map((n) => `${ladderKey(n)}|${n.competency}`));
  const perBand = opts.perBand ?? 3;
  const rows: DivergenceRow[] = opts.competencies.map((c) => {
    const onset: DivergenceRow['onset'] = [];
    const strength: DivergenceRow['strength'] = [];
    const sideBySide: DivergenceRow['sideBySide'] = [];
    const neverMentioned: string[] = [];
    let latestUncensored = -Infinity;
    let earliest = Infinity;
    for (const ladder of ladders) {
      const first = ladder.find((p) => (profiles.get(p.key)?.entries.get(c)?.mentions.length ?? 0) > 0);
      const lk = ladderKey(ladder[0]);
      if (!first) {
        if (!capped.has(`${lk}|${c}`)) neverMentioned.push(ladder[0].company);
        onset.push({ company: ladder[0].company, track: ladder[0].track, level: null, position: null, statementIds: [] });
      } else {
        const e = profiles.get(first.key)!.entries.get(c)!;
        onset.push({ company: first.company, track: first.track, level: first.level, position: first.position, statementIds: e.mentions.map((s) => s.id) });
        earliest = Math.min(earliest, first.position);
        if (first !== ladder[0]) latestUncensored = Math.max(latestUncensored, first.position);
      }
      for (const p of ladder) {
        const e = profiles.get(p.key)?.entries.get(c);
        const band = bandOf(p.position);
        strength.push({ company: p.company, track: p.track, band, level: p.level, strength: r3(e?.share ?? 0), statementIds: e ? e.mentions.map((s) => s.id) : [] });
        if (e?.mentions.length) {
          const shown = [...e.primary, ...e.mentions.filter((s) => !e.primary.includes(s))].slice(0, perBand);
          sideBySide.push({ band, company: p.company, level: p.level, statements: shown.map((s) => ({ id: s.id, text: s.text })) });
        }
      }
    }
    const onsetSpread = latestUncensored > earliest ? (latestUncensored - earliest) / 6 : 0;
    const gaps: number[] = [];
    for (const rowsInBand of groupBy(strength, (s) => String(s.band)).values()) {
      const perLadder = [...groupBy(rowsInBand, (s) => `${s.company}|${s.track}`).values()].map((g) => g.reduce((t, s) => t + s.strength, 0) / g.length);
      if (perLadder.length < 2) continue;
      const max = Math.max(...perLadder);
      gaps.push(max > 0 ? (max - Math.min(...perLadder)) / max : 0);
    }
    const strengthGap = gaps.length ? gaps.reduce((t, g) => t + g, 0) / gaps.length : 0;
    const absence = ladders.length ? neverMentioned.length / ladders.length : 0;
    sideBySide.sort((a, b) => a.band - b.band || (a.company < b.company ? -1 : a.company > b.company ? 1 : 0));
    return {
      competency: c,
      divergence: r3((onsetSpread + strengthGap + absence) / 3),
      parts: { onsetSpread: r3(onsetSpread), strengthGap: r3(strengthGap), absence: r3(absence) },
      onset,
      strength,
      neverMentioned,
      sideBySide,
    };
  });
  return rows.sort((a, b) => b.divergence - a.divergence || (a.competency < b.competency ? -1 : 1));
}
