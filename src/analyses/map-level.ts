/** Map a company level (or any placed level) to the best level of every other ladder, honestly saying below/above. */
import type { ClassifiedStatement } from '../types.ts';
import { groupBy, ladderKey, ladderName, levelKey, multiTrackCompanies } from './level-keys.ts';
import { levelProfiles, type LevelProfile } from './level-profile.ts';
import { resolveLevel } from './resolve-level.ts';
import { supportPairsEach, supportRows, type SupportRows } from './support-pairs.ts';
import type { LevelPlacement, MapCandidate, MapResult, MapTarget, Relation } from './types.ts';

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
  return relationWithin(source.position, Math.min(...targets.map((t) => t.position)), Math.max(...targets.map((t) => t.position)), edgeMargin(targets));
}

function relationWithin(position: number, lowest: number, highest: number, margin: number): Relation {
  if (position < lowest - margin) return 'below';
  if (position > highest + margin) return 'above';
  return 'match';
}

/** A ladder as mapping reads it, worked out once per index: its levels and what every mapping to it needs of them. */
interface LadderIndex {
  key: string;
  levels: LevelPlacement[];
  /** Lower-cased company id and name, for `to`. */
  company: string;
  companyName: string;
  /** Lowest and highest level position, and the edge margin beyond them (see relationTo). */
  lowest: number;
  highest: number;
  margin: number;
  /** Per level: profile vector, title cue, ladder name and "position (range …)" as the explanation shows them. */
  vectors: (ProfileVector | undefined)[];
  cues: (string | undefined)[];
  names: string[];
  places: string[];
}

/** What mapping reads of a statement table and its placements, built once per pair of tables (they are not mutated). */
interface MapIndex {
  /** Each level's support rows, built when first asked for. */
  support: Map<string, SupportRows>;
  profiles: Map<string, LevelProfile>;
  byLevel: Map<string, ClassifiedStatement[]>;
  ladders: LadderIndex[];
  byKey: Map<string, LevelPlacement>;
  /** Each level's profile as flat arrays (competency indices from `competencyIndex`). */
  vectors: Map<string, ProfileVector>;
  competencyIndex: Map<string, number>;
}

/** A competency profile as flat arrays for many cosines: indices and weights in the profile's entry order, weights by index, squared norm. */
interface ProfileVector {
  at: Int32Array;
  weights: Float64Array;
  dense: Float64Array;
  norm2: number;
}

function profileVector(profile: LevelProfile, competencyIndex: Map<string, number>): ProfileVector {
  const n = profile.entries.size;
  const at = new Int32Array(n);
  const weights = new Float64Array(n);
  let k = 0;
  let norm2 = 0;
  for (const e of profile.entries.values()) {
    let c = competencyIndex.get(e.competency);
    if (c === undefined) competencyIndex.set(e.competency, (c = competencyIndex.size));
    at[k] = c;
    weights[k++] = e.weight;
    norm2 += e.weight ** 2;
  }
  const dense = new Float64Array(competencyIndex.size);
  for (let i = 0; i < n; i++) dense[at[i]] = weights[i];
  return { at, weights, dense, norm2 };
}

/** profileCosine on vectors: the same sums in the same order, so the same number. */
function vectorCosine(a: ProfileVector | undefined, b: ProfileVector | undefined): number {
  if (!a || !b) return 0;
  let dot = 0;
  const { at, weights } = a;
  const dense = b.dense;
  for (let k = 0; k < at.length; k++) dot += weights[k] * (at[k] < dense.length ? dense[at[k]] : 0);
  return a.norm2 && b.norm2 ? dot / Math.sqrt(a.norm2 * b.norm2) : 0;
}

/** "4.1 (range 3.1–4.8)": a level's place as explanations show it. */
const placeText = (p: LevelPlacement) => `${p.position.toFixed(1)} (range ${p.low.toFixed(1)}–${p.high.toFixed(1)})`;

function ladderIndex(ladder: LevelPlacement[], vectors: Map<string, ProfileVector>, multi: Set<string>): LadderIndex {
  const first = ladder[0];
  return {
    key: ladderKey(first),
    levels: ladder,
    company: first.company.toLowerCase(),
    companyName: first.companyName.toLowerCase(),
    lowest: Math.min(...ladder.map((t) => t.position)),
    highest: Math.max(...ladder.map((t) => t.position)),
    margin: edgeMargin(ladder),
    vectors: ladder.map((t) => vectors.get(t.key)),
    cues: ladder.map(titleCue),
    names: ladder.map((t) => ladderName(t, multi.has(t.company))),
    places: ladder.map(placeText),
  };
}

const indexes = new WeakMap<readonly ClassifiedStatement[], WeakMap<readonly LevelPlacement[], MapIndex>>();

function mapIndex(statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[]): MapIndex {
  let byPlacements = indexes.get(statements);
  if (!byPlacements) indexes.set(statements, (byPlacements = new WeakMap()));
  let index = byPlacements.get(placements);
  if (!index) {
    const byKey = new Map<string, LevelPlacement>();
    for (const p of placements) if (!byKey.has(p.key)) byKey.set(p.key, p);
    const profiles = levelProfiles(statements);
    const competencyIndex = new Map<string, number>();
    const vectors = new Map<string, ProfileVector>();
    for (const [key, profile] of profiles) vectors.set(key, profileVector(profile, competencyIndex));
    const multi = multiTrackCompanies(placements);
    const ladders = [...groupBy(placements, ladderKey).values()].map((l) => ladderIndex(l, vectors, multi));
    index = { support: new Map(), profiles, byLevel: groupBy(statements, levelKey), ladders, byKey, vectors, competencyIndex };
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
  const { profiles, byLevel, ladders, support, vectors, competencyIndex } = mapIndex(statements, placements);
  const rowsOf = (key: string) => {
    let rows = support.get(key);
    if (!rows) support.set(key, (rows = supportRows(byLevel.get(key) ?? [])));
    return rows;
  };
  // A level of the table itself (mapLevel) reuses what the index holds for it.
  const own = byLevel.get(source.key) === sourceStatements;
  const sourceRows = own ? rowsOf(source.key) : supportRows(sourceStatements);
  const sourceVector = !sourceProfile ? undefined : profiles.get(source.key) === sourceProfile ? vectors.get(source.key) : profileVector(sourceProfile, competencyIndex);
  const sourceLadder = ladderKey(source);
  const sourceText = `${source.name ?? source.label} at ${placeText(source)}`;
  const sourceCue = titleCue(source);
  const to = opts.to?.toLowerCase();
  // Each ladder's answer is settled first, from numbers alone, and the support rows of the levels chosen are built
  // (once per table) before any of the result is allocated. Built while a result was half made, those long-lived rows
  // showed V8 the result's objects surviving, and it went on to allocate them in the old generation: mapping every
  // level at 100× the seeds took 1.9 s (median of 6) against 1.2 s.
  const chosen: number[] = [];
  for (let l = 0; l < ladders.length; l++) {
    const ladder = ladders[l];
    if (ladder.key === sourceLadder) continue;
    if (to && ladder.company !== to && ladder.companyName !== to) continue;
    const b = bestLevel(source.position, sourceCue, ladder);
    rowsOf(ladder.levels[b].key);
    chosen.push(l, b);
  }
  const targets: MapTarget[] = [];
  for (let c = 0; c < chosen.length; c += 2) {
    const ladder = ladders[chosen[c]];
    const b = chosen[c + 1];
    const levels = ladder.levels;
    const candidates: MapCandidate[] = [];
    for (const i of nearestFirst(source.position, levels)) candidates.push(candidateScore(source, levels[i], vectorCosine(sourceVector, ladder.vectors[i])));
    const relation = relationWithin(source.position, ladder.lowest, ladder.highest, ladder.margin);
    const best = candidates[indexOfKey(candidates, levels[b].key)];
    const first = levels[0];
    targets.push({
      company: first.company,
      companyName: first.companyName,
      track: first.track,
      best,
      relation,
      score: best.score,
      candidates,
      support: [],
      explanation: explain(sourceText, levels[b].name, ladder.places[b], relation, ladder.names[b]) + closeSecond(relation, best, candidates, levels),
    });
  }
  // The support pairs of every target at once: the source is indexed by word once, competency by competency.
  const pairs = supportPairsEach(sourceRows, targets.map((t) => rowsOf(t.best.key)), opts.support ?? 5);
  targets.forEach((t, k) => (t.support = pairs[k]));
  return {
    source: { key: source.key, label: source.label, name: source.name, position: source.position, low: source.low, high: source.high, rawPosition: source.rawPosition, basis: source.basis, evidence: source.evidence, ...(source.calibration ? { calibration: source.calibration } : {}) },
    targets,
  };
}

/** One line in display names ("Teleport 3 at 4.1 … is closest to Dropbox IC4 at 4.0 …"); `source` is "name at place". */
function explain(source: string, name: string | undefined, place: string, relation: Relation, ladder: string): string {
  if (relation === 'below') return `${source} lies below every ${ladder} level given; the lowest is ${name} at ${place}.`;
  if (relation === 'above') return `${source} lies above every ${ladder} level given; the highest is ${name} at ${place}.`;
  return `${source} is closest to ${name} at ${place}.`;
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
  const at = (c: MapCandidate | undefined) => (c ? indexOfKey(ladder, c.key) : -1);
  const gap = second ? Math.abs(second.distance) - Math.abs(first.distance) : Infinity;
  const b = tieBreak(titleCue(source), at(first), at(second), gap, ladder.map(titleCue));
  return b !== at(first) ? second! : first;
}

/** The tie rule on the nearest (`first`) and runner-up (`second`, −1: none) level of a ladder and their distances from the source. */
function tieBreak(own: string | undefined, first: number, second: number, gap: number, cues: readonly (string | undefined)[]): number {
  if (second < 0 || !own || gap > TITLE_TIE) return first;
  return cues[first] !== own && cues[second] === own ? second : first;
}

/**
 * Index of the answer in a ladder: past either end, its lowest or highest level; else the nearest
 * ({@link nearestFirst}), the title deciding a near tie.
 */
function bestLevel(position: number, own: string | undefined, ladder: LadderIndex): number {
  const levels = ladder.levels;
  const relation = relationWithin(position, ladder.lowest, ladder.highest, ladder.margin);
  if (relation !== 'match') return indexOfKey(levels, relation === 'below' ? levels[0].key : levels[levels.length - 1].key);
  const order = nearestFirst(position, levels);
  // A level is named by the first of the ladder's levels with its key, as the result names it.
  const at = (k: number) => (k < order.length ? indexOfKey(levels, levels[order[k]].key) : -1);
  const gap = order.length > 1 ? distances[1] - distances[0] : Infinity;
  return tieBreak(own, at(0), at(1), gap, ladder.cues);
}

/** Nearest-first order of a ladder's levels, and the distance of each entry: shared scratch arrays. */
const order: number[] = [];
const distances: number[] = [];

/**
 * The indices of a ladder's levels, nearest the position first: distances rounded as candidates show them, equal
 * ones in key order, equal keys as given. In a scratch array the next call overwrites (read it before calling again).
 */
function nearestFirst(position: number, levels: readonly LevelPlacement[]): readonly number[] {
  order.length = 0;
  for (let i = 0; i < levels.length; i++) {
    const d = Math.abs(r2(levels[i].position - position));
    let j = order.length;
    for (; j > 0 && (d < distances[j - 1] || (d === distances[j - 1] && levels[i].key < levels[order[j - 1]].key)); j--) {
      order[j] = order[j - 1];
      distances[j] = distances[j - 1];
    }
    order[j] = i;
    distances[j] = d;
  }
  return order;
}

/** Index of the first item with this key (−1 if none): `findIndex` without a closure per call. */
function indexOfKey(items: readonly { key: string }[], key: string): number {
  for (let i = 0; i < items.length; i++) if (items[i].key === key) return i;
  return -1;
}

/** When the runner-up lies on the other side of the source about as near, say so: the honest answer is "between the two". */
function closeSecond(relation: Relation, best: MapCandidate, candidates: MapCandidate[], ladder: LevelPlacement[]): string {
  if (relation !== 'match') return '';
  let second: MapCandidate | undefined;
  for (let k = 0; k < candidates.length && !second; k++) if (candidates[k].key !== best.key) second = candidates[k];
  if (!second || Math.abs(second.distance) - Math.abs(best.distance) > 0.25 || Math.sign(second.distance) === Math.sign(best.distance)) return '';
  const label = ladder[indexOfKey(ladder, second.key)].name;
  const bestName = ladder[indexOfKey(ladder, best.key)].name;
  const [lo, hi] = second.distance < best.distance ? [label, bestName] : [bestName, label];
  return ` It sits between ${lo} and ${hi} (${Math.abs(best.distance).toFixed(2)} from ${bestName}, ${Math.abs(second.distance).toFixed(2)} from ${label}).`;
}

/** Map `company:level` (or a level key) to every other ladder. Throws LevelRefError for an unknown level. */
export function mapLevel(ref: string, statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[], opts: MapOptions = {}): MapResult {
  const index = mapIndex(statements, placements);
  const source = index.byKey.get(ref) ?? resolveLevel(ref, placements);
  return mapPlacement(source, index.byLevel.get(source.key) ?? [], index.profiles.get(source.key), statements, placements, opts);
}
