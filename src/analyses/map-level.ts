/** Map a company level (or any placed level) to the best level of every other ladder, honestly saying below/above. */
import type { ClassifiedStatement } from '../types.ts';
import { groupBy, ladderKey, ladderName, levelKey, multiTrackCompanies } from './level-keys.ts';
import { levelProfiles, profileCosine, type LevelProfile } from './level-profile.ts';
import { resolveLevel } from './resolve-level.ts';
import { contentTokens } from './text.ts';
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
  return bestPairs(supportRows(a), supportRows(b), limit);
}

/** Statements that can support a mapping, by primary competency, each with its content-word ids. */
type SupportRows = Map<string, { s: ClassifiedStatement; ids: Int32Array }[]>;

function supportRows(statements: readonly ClassifiedStatement[]): SupportRows {
  const out: SupportRows = new Map();
  for (const s of statements) {
    if (!s.competency || s.kind === 'placeholder') continue;
    const row = { s, ids: contentIds(s.text) };
    const list = out.get(s.competency);
    if (list) list.push(row);
    else out.set(s.competency, [row]);
  }
  return out;
}

/** The best pair of each competency (highest word overlap, then ids), then the competencies by their best pair. */
function bestPairs(a: SupportRows, b: SupportRows, limit: number): StatementPair[] {
  if (limit <= 0) return [];
  const best: StatementPair[] = [];
  for (const [competency, sources] of a) {
    const targets = b.get(competency);
    if (!targets) continue;
    let top: { s: ClassifiedStatement; t: ClassifiedStatement; similarity: number } | null = null;
    for (const { s, ids } of sources) {
      for (const { s: t, ids: tids } of targets) {
        const similarity = r3(jaccard(ids, tids));
        if (top && (similarity < top.similarity || (similarity === top.similarity && (s.id > top.s.id || (s.id === top.s.id && t.id >= top.t.id))))) continue;
        top = { s, t, similarity };
      }
    }
    if (top) best.push({ competency, source: { id: top.s.id, text: top.s.text }, target: { id: top.t.id, text: top.t.text }, similarity: top.similarity });
  }
  return best.sort(byOverlap).slice(0, limit);
}

const byOverlap = (x: StatementPair, y: StatementPair) =>
  y.similarity - x.similarity || (x.source.id < y.source.id ? -1 : x.source.id > y.source.id ? 1 : x.target.id < y.target.id ? -1 : x.target.id > y.target.id ? 1 : 0);

/** Distinct content-word ids of a text, ascending (memoised by text; ids are this module's own). */
const termIds = new Map<string, number>();
const textIds = new Map<string, Int32Array>();
function contentIds(text: string): Int32Array {
  let ids = textIds.get(text);
  if (!ids) {
    if (textIds.size > 200_000) (textIds.clear(), termIds.clear());
    const set = new Set<number>();
    for (const w of contentTokens(text)) {
      let id = termIds.get(w);
      if (id === undefined) termIds.set(w, (id = termIds.size));
      set.add(id);
    }
    ids = Int32Array.from(set).sort();
    textIds.set(text, ids);
  }
  return ids;
}

/** Jaccard overlap of two ascending id lists (0 when either is empty), as tokenJaccard of their texts. */
function jaccard(a: Int32Array, b: Int32Array): number {
  if (!a.length || !b.length) return 0;
  let inter = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) (inter++, i++, j++);
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

/** What mapping reads of a statement table and its placements, built once per pair of tables (they are not mutated). */
interface MapIndex {
  /** Each level's support rows, built when first asked for. */
  support: Map<string, SupportRows>;
  profiles: Map<string, LevelProfile>;
  byLevel: Map<string, ClassifiedStatement[]>;
  ladders: LevelPlacement[][];
  byKey: Map<string, LevelPlacement>;
}

const indexes = new WeakMap<readonly ClassifiedStatement[], WeakMap<readonly LevelPlacement[], MapIndex>>();

function mapIndex(statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[]): MapIndex {
  let byPlacements = indexes.get(statements);
  if (!byPlacements) indexes.set(statements, (byPlacements = new WeakMap()));
  let index = byPlacements.get(placements);
  if (!index) {
    const byKey = new Map<string, LevelPlacement>();
    for (const p of placements) if (!byKey.has(p.key)) byKey.set(p.key, p);
    index = { support: new Map(), profiles: levelProfiles(statements), byLevel: groupBy(statements, levelKey), ladders: [...groupBy(placements, ladderKey).values()], byKey };
    byPlacements.set(placements, index);
  }
  return index;
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
  const { profiles, byLevel, ladders, support } = mapIndex(statements, placements);
  const sourceRows = supportRows(sourceStatements);
  const rowsOf = (key: string) => {
    let rows = support.get(key);
    if (!rows) support.set(key, (rows = supportRows(byLevel.get(key) ?? [])));
    return rows;
  };
  const to = opts.to?.toLowerCase();
  const multi = multiTrackCompanies(placements);
  const targets: MapTarget[] = [];
  for (const ladder of ladders) {
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
      support: bestPairs(sourceRows, rowsOf(best.key), opts.support ?? 5),
      explanation: explain(source, bestP, relation, ladderName(bestP, multi.has(bestP.company))) + closeSecond(relation, best, candidates, ladder),
    });
  }
  return {
    source: { key: source.key, label: source.label, name: source.name, position: source.position, low: source.low, high: source.high, rawPosition: source.rawPosition, basis: source.basis, evidence: source.evidence, ...(source.calibration ? { calibration: source.calibration } : {}) },
    targets,
  };
}

/** One line in display names ("Teleport 3 at 4.1 … is closest to Dropbox IC4 at 4.0 …"). */
function explain(s: LevelPlacement, t: LevelPlacement, relation: Relation, ladder: string): string {
  const at = (p: LevelPlacement) => `${p.position.toFixed(1)} (range ${p.low.toFixed(1)}–${p.high.toFixed(1)})`;
  const source = s.name ?? s.label;
  if (relation === 'below') return `${source} at ${at(s)} lies below every ${ladder} level given; the lowest is ${t.name} at ${at(t)}.`;
  if (relation === 'above') return `${source} at ${at(s)} lies above every ${ladder} level given; the highest is ${t.name} at ${at(t)}.`;
  return `${source} at ${at(s)} is closest to ${t.name} at ${at(t)}.`;
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
  const label = ladder.find((p) => p.key === second.key)!.name;
  const bestName = ladder.find((p) => p.key === best.key)!.name;
  const [lo, hi] = second.distance < best.distance ? [label, bestName] : [bestName, label];
  return ` It sits between ${lo} and ${hi} (${Math.abs(best.distance).toFixed(2)} from ${bestName}, ${Math.abs(second.distance).toFixed(2)} from ${label}).`;
}

/** Map `company:level` (or a level key) to every other ladder. Throws LevelRefError for an unknown level. */
export function mapLevel(ref: string, statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[], opts: MapOptions = {}): MapResult {
  const index = mapIndex(statements, placements);
  const source = index.byKey.get(ref) ?? resolveLevel(ref, placements);
  return mapPlacement(source, index.byLevel.get(source.key) ?? [], index.profiles.get(source.key), statements, placements, opts);
}
