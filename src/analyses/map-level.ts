/** Map a company level (or any placed level) to the best level of every other ladder, honestly saying below/above. */
import type { ClassifiedStatement } from '../types.ts';
import { groupBy, ladderKey, levelKey } from './level-keys.ts';
import { levelProfiles, profileCosine, type LevelProfile } from './level-profile.ts';
import { resolveLevel } from './resolve-level.ts';
import { tokenJaccard } from './text-vectors.ts';
import type { LevelPlacement, MapCandidate, MapResult, MapTarget, Relation, StatementPair } from './types.ts';

export interface MapOptions {
  /** Only map to this company (id or name, case-insensitive). */
  to?: string;
  /** How many supporting statement pairs to return per target (default 5). */
  support?: number;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Scale distance (in steps of the common scale) at which a candidate's closeness has fallen to e^-½. */
const CLOSENESS_SD = 0.5;

/**
 * A candidate level: its distance from the source on the calibrated scale, and a closeness score
 * exp(−d²/2σ²) with σ half a scale step. Range overlap and profile cosine are shown, not scored: the
 * position already carries the evidence, and levels of one ladder share a profile whatever their height.
 */
export function candidateScore(source: Pick<LevelPlacement, 'position' | 'low' | 'high'>, target: LevelPlacement, profile: number): MapCandidate {
  const distance = target.position - source.position;
  const inter = Math.max(0, Math.min(source.high, target.high) - Math.max(source.low, target.low));
  const narrow = Math.max(0.01, Math.min(source.high - source.low, target.high - target.low));
  const overlap = Math.min(1, inter / narrow);
  const score = Math.exp(-(distance * distance) / (2 * CLOSENESS_SD * CLOSENESS_SD));
  return { key: target.key, level: target.level, score: r3(score), overlap: r3(overlap), distance: r2(distance), profile: r3(profile) };
}

/** Half the ladder's fitted step: how far beyond its lowest (highest) level a source may sit and still be that level. */
export function edgeMargin(ladder: readonly Pick<LevelPlacement, 'calibration'>[]): number {
  const step = ladder.find((p) => p.calibration)?.calibration?.step ?? 1;
  return Math.max(0.35, step / 2);
}

/** `below` when the source sits more than half a ladder step under its lowest level, `above` likewise over its highest, else `match`. */
export function relationTo(source: Pick<LevelPlacement, 'position'>, targets: readonly LevelPlacement[]): Relation {
  const margin = edgeMargin(targets);
  const lowest = Math.min(...targets.map((t) => t.position));
  const highest = Math.max(...targets.map((t) => t.position));
  if (source.position < lowest - margin) return 'below';
  if (source.position > highest + margin) return 'above';
  return 'match';
}

/** Pairs of statements (same primary competency) that best show what the two levels share. */
export function supportPairs(a: readonly ClassifiedStatement[], b: readonly ClassifiedStatement[], limit: number): StatementPair[] {
  const pairs: StatementPair[] = [];
  const bBy = groupBy(b.filter((s) => s.competency && s.kind !== 'placeholder'), (s) => s.competency!);
  for (const s of a) {
    if (!s.competency || s.kind === 'placeholder') continue;
    for (const t of bBy.get(s.competency) ?? []) {
      pairs.push({ competency: s.competency, source: { id: s.id, text: s.text }, target: { id: t.id, text: t.text }, similarity: r3(tokenJaccard(s.text, t.text)) });
    }
  }
  pairs.sort((x, y) => y.similarity - x.similarity || (x.source.id < y.source.id ? -1 : x.source.id > y.source.id ? 1 : x.target.id < y.target.id ? -1 : 1));
  const seen = new Set<string>();
  const out: StatementPair[] = [];
  for (const p of pairs) {
    if (seen.has(p.competency)) continue;
    seen.add(p.competency);
    out.push(p);
    if (out.length >= limit) break;
  }
  return out;
}

/** Map an already-placed source (a level, or placed free text) against every ladder except its own. */
export function mapPlacement(
  source: LevelPlacement,
  sourceStatements: readonly ClassifiedStatement[],
  sourceProfile: LevelProfile | undefined,
  statements: readonly ClassifiedStatement[],
  placements: readonly LevelPlacement[],
  opts: MapOptions = {},
): MapResult {
  const profiles = levelProfiles(statements);
  const byLevel = groupBy(statements, levelKey);
  const to = opts.to?.toLowerCase();
  const targets: MapTarget[] = [];
  for (const ladder of groupBy(placements, ladderKey).values()) {
    const first = ladder[0];
    if (ladderKey(first) === ladderKey(source)) continue;
    if (to && first.company.toLowerCase() !== to && first.companyName.toLowerCase() !== to) continue;
    const candidates = ladder
      .map((t) => candidateScore(source, t, profileCosine(sourceProfile, profiles.get(t.key))))
      .sort((x, y) => Math.abs(x.distance) - Math.abs(y.distance) || (x.key < y.key ? -1 : 1));
    const relation = relationTo(source, ladder);
    const nearest = relation === 'below' ? ladder[0] : relation === 'above' ? ladder[ladder.length - 1] : null;
    const best = nearest ? candidates.find((c) => c.key === nearest.key)! : titleTieBreak(source, candidates, ladder);
    const bestP = ladder.find((t) => t.key === best.key)!;
    targets.push({
      company: first.company,
      companyName: first.companyName,
      track: first.track,
      best,
      relation,
      score: best.score,
      candidates,
      support: supportPairs(sourceStatements, byLevel.get(best.key) ?? [], opts.support ?? 5),
      explanation: explain(source, bestP, relation) + closeSecond(relation, best, candidates, ladder),
    });
  }
  return {
    source: { key: source.key, label: source.label, position: source.position, low: source.low, high: source.high, rawPosition: source.rawPosition, basis: source.basis, evidence: source.evidence, ...(source.calibration ? { calibration: source.calibration } : {}) },
    targets,
  };
}

function explain(s: LevelPlacement, t: LevelPlacement, relation: Relation): string {
  const at = (p: LevelPlacement) => `${p.position.toFixed(1)} (range ${p.low.toFixed(1)}–${p.high.toFixed(1)})`;
  if (relation === 'below') return `${s.label} at ${at(s)} lies below every ${t.company} level given; the lowest is ${t.label} at ${at(t)}.`;
  if (relation === 'above') return `${s.label} at ${at(s)} lies above every ${t.company} level given; the highest is ${t.label} at ${at(t)}.`;
  return `${s.label} at ${at(s)} is closest to ${t.label} at ${at(t)}.`;
}

/** Distance gap (scale steps) under which two candidates are a tie that the level titles may break. */
export const TITLE_TIE = 0.1;

const titleCue = (p: Pick<LevelPlacement, 'evidence'>) => p.evidence.find((e) => e.kind === 'title')?.cue;

/**
 * The nearest candidate; when the runner-up is within TITLE_TIE of the same distance and shares the source's
 * seniority title word ("Senior" and "Senior") while the nearest does not, the text cannot tell them apart and the title decides.
 */
export function titleTieBreak(source: Pick<LevelPlacement, 'evidence'>, candidates: MapCandidate[], ladder: readonly LevelPlacement[]): MapCandidate {
  const [first, second] = candidates;
  const own = titleCue(source);
  if (!second || !own || Math.abs(second.distance) - Math.abs(first.distance) > TITLE_TIE) return first;
  const cue = (c: MapCandidate) => titleCue(ladder.find((p) => p.key === c.key)!);
  return cue(first) !== own && cue(second) === own ? second : first;
}

/** When the runner-up lies on the other side of the source about as near, say so: the honest answer is "between the two". */
function closeSecond(relation: Relation, best: MapCandidate, candidates: MapCandidate[], ladder: LevelPlacement[]): string {
  if (relation !== 'match') return '';
  const second = candidates.find((c) => c.key !== best.key);
  if (!second || Math.abs(second.distance) - Math.abs(best.distance) > 0.25 || Math.sign(second.distance) === Math.sign(best.distance)) return '';
  const label = ladder.find((p) => p.key === second.key)!.label;
  const [lo, hi] = second.distance < best.distance ? [label, ladder.find((p) => p.key === best.key)!.label] : [ladder.find((p) => p.key === best.key)!.label, label];
  return ` It sits between ${lo} and ${hi} (${Math.abs(best.distance).toFixed(2)} from ${ladder.find((p) => p.key === best.key)!.label}, ${Math.abs(second.distance).toFixed(2)} from ${label}).`;
}

/** Map `company:level` (or a level key) to every other ladder. Throws LevelRefError for an unknown level. */
export function mapLevel(ref: string, statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[], opts: MapOptions = {}): MapResult {
  const source = resolveLevel(ref, placements);
  const own = statements.filter((s) => levelKey(s) === source.key);
  return mapPlacement(source, own, levelProfiles(own).get(source.key), statements, placements, opts);
}
