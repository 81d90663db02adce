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

/**
 * Score of a candidate level: 0.5 · closeness of positions (Gaussian, σ = 1 scale step) + 0.25 · overlap of the
 * ranges (share of the narrower range) + 0.25 · cosine of the competency profiles.
 */
export function candidateScore(source: Pick<LevelPlacement, 'position' | 'low' | 'high'>, target: LevelPlacement, profile: number): MapCandidate {
  const distance = target.position - source.position;
  const inter = Math.max(0, Math.min(source.high, target.high) - Math.max(source.low, target.low));
  const narrow = Math.max(0.01, Math.min(source.high - source.low, target.high - target.low));
  const overlap = Math.min(1, inter / narrow);
  const closeness = Math.exp(-(distance * distance) / 2);
  return { key: target.key, level: target.level, score: r3(0.5 * closeness + 0.25 * overlap + 0.25 * profile), overlap: r3(overlap), distance: r2(distance), profile: r3(profile) };
}

/** `below` when the source position lies under every target range, `above` when over every one, else `match`. */
export function relationTo(source: Pick<LevelPlacement, 'position'>, targets: readonly LevelPlacement[]): Relation {
  if (targets.every((t) => source.position < t.low)) return 'below';
  if (targets.every((t) => source.position > t.high)) return 'above';
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
      .sort((x, y) => y.score - x.score || Math.abs(x.distance) - Math.abs(y.distance) || (x.key < y.key ? -1 : 1));
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
    source: { key: source.key, label: source.label, position: source.position, low: source.low, high: source.high, evidence: source.evidence },
    targets,
  };
}

function explain(s: LevelPlacement, t: LevelPlacement, relation: Relation): string {
  const at = (p: LevelPlacement) => `${p.position.toFixed(1)} (range ${p.low.toFixed(1)}–${p.high.toFixed(1)})`;
  if (relation === 'below') return `${s.label} at ${at(s)} lies below every ${t.company} level given; the lowest is ${t.label} at ${at(t)}.`;
  if (relation === 'above') return `${s.label} at ${at(s)} lies above every ${t.company} level given; the highest is ${t.label} at ${at(t)}.`;
  return `${s.label} at ${at(s)} is closest to ${t.label} at ${at(t)}.`;
}

/** Score gap under which two candidates are a tie that the level titles may break. */
export const TITLE_TIE = 0.05;

const titleCue = (p: Pick<LevelPlacement, 'evidence'>) => p.evidence.find((e) => e.kind === 'title')?.cue;

/**
 * The best candidate; when the runner-up is within TITLE_TIE and shares the source's seniority title word
 * ("Senior" and "Senior") while the leader does not, the text cannot tell them apart and the title decides.
 */
export function titleTieBreak(source: Pick<LevelPlacement, 'evidence'>, candidates: MapCandidate[], ladder: readonly LevelPlacement[]): MapCandidate {
  const [first, second] = candidates;
  const own = titleCue(source);
  if (!second || !own || first.score - second.score > TITLE_TIE) return first;
  const cue = (c: MapCandidate) => titleCue(ladder.find((p) => p.key === c.key)!);
  return cue(first) !== own && cue(second) === own ? second : first;
}

/** When the runner-up scores within 0.1 of a match, say so: the honest answer is "between the two". */
function closeSecond(relation: Relation, best: MapCandidate, candidates: MapCandidate[], ladder: LevelPlacement[]): string {
  if (relation !== 'match') return '';
  const second = candidates.find((c) => c.key !== best.key);
  if (!second || best.score - second.score > 0.1) return '';
  const label = ladder.find((p) => p.key === second.key)!.label;
  if (second.score > best.score) return ` ${label} scores a little higher (${second.score.toFixed(2)} vs ${best.score.toFixed(2)}), a tie on the text; the shared title word decides.`;
  return ` ${label} is almost as close (score ${second.score.toFixed(2)} vs ${best.score.toFixed(2)}).`;
}

/** Map `company:level` (or a level key) to every other ladder. Throws LevelRefError for an unknown level. */
export function mapLevel(ref: string, statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[], opts: MapOptions = {}): MapResult {
  const source = resolveLevel(ref, placements);
  const own = statements.filter((s) => levelKey(s) === source.key);
  return mapPlacement(source, own, levelProfiles(own).get(source.key), statements, placements, opts);
}
