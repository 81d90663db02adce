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
 * - strengthGap: over every pair of aligned levels (different ladders, placed within `alignWithin` scale steps, default 1),
 *   the mean difference of their strengths, divided by the competency's highest strength anywhere (so a gap counts in
 *   proportion to how much the competency matters at all);
 * - absence: share of ladders where no statement is about it (cap notes count as mentioning).
 *
 * Of those ladders, `silent` says which name it in passing (with the statements; see passing-mentions.ts) and which
 * never mention it at all; `neverMentioned` lists the companies none of whose ladders' text touches it.
 */
import type { ClassifiedStatement } from '../types.ts';
import { groupBy, ladderKey } from './level-keys.ts';
import { levelProfiles } from './level-profile.ts';
import { passingTouches } from './passing-mentions.ts';
import type { TaxonomyLike } from './cap-notes.ts';
import type { CapNote, DivergenceRow, LevelPlacement } from './types.ts';

export interface DivergenceOptions {
  competencies: string[];
  capNotes?: CapNote[];
  /** Statements shown per company and band (default 3). */
  perBand?: number;
  /** Levels of different ladders placed within this many scale steps count as aligned (default 1). */
  alignWithin?: number;
  /** The taxonomy's cue phrases, to tell a competency named in passing from one never mentioned. */
  taxonomy?: TaxonomyLike;
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
  // ladder key|competency → statements naming it in passing.
  const ladderOf = new Map(statements.map((s) => [s.id, ladderKey(s)]));
  const passing = new Map<string, string[]>();
  for (const t of passingTouches(statements, { taxonomy: opts.taxonomy })) {
    const k = `${ladderOf.get(t.statementId)}|${t.competency}`;
    const list = passing.get(k);
    if (list) list.push(t.statementId);
    else passing.set(k, [t.statementId]);
  }
  const levelRows = ladders.flatMap((l) => l.map((p) => ({ key: p.key, position: p.position, ladder: ladderKey(p) }))).sort((a, b) => a.position - b.position);
  // The rows as arrays for the pairs of levels compared below (every pair within one scale step, of each
  // competency: with many ladders, most of the work), their ladders numbered: no look-up or string compared per pair.
  const rowPosition = Float64Array.from(levelRows, (r) => r.position);
  const ladderNumbers = new Map<string, number>();
  const rowLadder = Int32Array.from(levelRows, (r) => {
    let n = ladderNumbers.get(r.ladder);
    if (n === undefined) ladderNumbers.set(r.ladder, (n = ladderNumbers.size));
    return n;
  });
  const rowShare = new Float64Array(levelRows.length);
  const rows: DivergenceRow[] = opts.competencies.map((c) => {
    const onset: DivergenceRow['onset'] = [];
    const strength: DivergenceRow['strength'] = [];
    const sideBySide: DivergenceRow['sideBySide'] = [];
    const silent: DivergenceRow['silent'] = [];
    let latestUncensored = -Infinity;
    let earliest = Infinity;
    for (const ladder of ladders) {
      const first = ladder.find((p) => (profiles.get(p.key)?.entries.get(c)?.mentions.length ?? 0) > 0);
      const lk = ladderKey(ladder[0]);
      if (!first) {
        if (!capped.has(`${lk}|${c}`)) silent.push({ company: ladder[0].company, track: ladder[0].track, inPassing: passing.get(`${lk}|${c}`) ?? [] });
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
          sideBySide.push({ band, company: p.company, track: p.track, level: p.level, statements: shown.map((s) => ({ id: s.id, text: s.text })) });
        }
      }
    }
    const onsetSpread = latestUncensored > earliest ? (latestUncensored - earliest) / 6 : 0;
    const peak = Math.max(0, ...strength.map((s) => s.strength));
    const within = opts.alignWithin ?? 1;
    for (let i = 0; i < levelRows.length; i++) rowShare[i] = profiles.get(levelRows[i].key)?.entries.get(c)?.share ?? 0;
    // The mean gap, summed in pair order (the same sum as of a list of the gaps).
    let gapSum = 0;
    let gapCount = 0;
    for (let i = 0; i < levelRows.length; i++) {
      for (let j = i + 1; j < levelRows.length; j++) {
        if (rowPosition[j] - rowPosition[i] > within) break;
        if (rowLadder[i] === rowLadder[j]) continue;
        gapSum += peak > 0 ? Math.abs(rowShare[i] - rowShare[j]) / peak : 0;
        gapCount++;
      }
    }
    const strengthGap = gapCount ? gapSum / gapCount : 0;
    const absence = ladders.length ? silent.length / ladders.length : 0;
    // Ladders silent on it, not even in passing: company → tracks.
    const unspoken = new Map<string, Set<string>>();
    for (const x of silent) {
      if (x.inPassing.length) continue;
      let tracks = unspoken.get(x.company);
      if (!tracks) unspoken.set(x.company, (tracks = new Set()));
      tracks.add(x.track);
    }
    const touched = new Set(ladders.filter((l) => !unspoken.get(l[0].company)?.has(l[0].track)).map((l) => l[0].company));
    const neverMentioned = [...new Set(silent.map((x) => x.company))].filter((co) => !touched.has(co));
    sideBySide.sort((a, b) => a.band - b.band || (a.company < b.company ? -1 : a.company > b.company ? 1 : 0));
    return {
      competency: c,
      divergence: r3((onsetSpread + strengthGap + absence) / 3),
      parts: { onsetSpread: r3(onsetSpread), strengthGap: r3(strengthGap), absence: r3(absence) },
      onset,
      strength,
      neverMentioned,
      silent,
      sideBySide,
    };
  });
  return rows.sort((a, b) => b.divergence - a.divergence || (a.competency < b.competency ? -1 : 1));
}
