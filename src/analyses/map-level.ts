/** Map a company level (or any placed level) to the best level of every other ladder, honestly saying below/above. */
import type { ClassifiedStatement } from '../types.ts';
import { groupBy, ladderKey, ladderName, levelKey, multiTrackCompanies } from './level-keys.ts';
import { levelProfiles, type LevelProfile } from './level-profile.ts';
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

/** The statements of one primary competency that can support a mapping, in id order, with their content-word ids. */
interface SupportGroup {
  statements: ClassifiedStatement[];
  ids: Int32Array[];
}

/** Statements that can support a mapping, by primary competency (first-seen order). */
type SupportRows = Map<string, SupportGroup>;

const byId = (x: ClassifiedStatement, y: ClassifiedStatement) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

function supportRows(statements: readonly ClassifiedStatement[]): SupportRows {
  const grouped = new Map<string, ClassifiedStatement[]>();
  for (const s of statements) {
    if (!s.competency || s.kind === 'placeholder') continue;
    const list = grouped.get(s.competency);
    if (list) list.push(s);
    else grouped.set(s.competency, [s]);
  }
  const out: SupportRows = new Map();
  for (const [competency, list] of grouped) {
    // Stable sort: equal ids keep their input order, so the first of them still wins a tie.
    const sorted = list.sort(byId);
    out.set(competency, { statements: sorted, ids: sorted.map((s) => contentIds(s.text)) });
  }
  return out;
}

/**
 * The best pair of each competency (highest word overlap, then the smallest source id, then target id), then the
 * competencies by their best pair. Both sides are in id order, so the first pair reaching the best overlap is the one.
 */
function bestPairs(a: SupportRows, b: SupportRows, limit: number): StatementPair[] {
  if (limit <= 0) return [];
  const best: StatementPair[] = [];
  for (const [competency, sources] of a) {
    const targets = b.get(competency);
    if (!targets) continue;
    let topI = -1;
    let topJ = -1;
    let top = -1;
    const sIds = sources.ids;
    const tIds = targets.ids;
    search: for (let i = 0; i < sIds.length; i++) {
      const ids = sIds[i];
      const n = ids.length;
      const mark = markIds(ids);
      for (let j = 0; j < tIds.length; j++) {
        const tj = tIds[j];
        const m = tj.length;
        // Jaccard is at most the shorter list over the longer: a pair that cannot pass the best so far is skipped.
        if (top >= 0 && r3(n < m ? n / m : m / n) <= top) continue;
        let similarity = 0;
        if (n && m) {
          let inter = 0;
          for (let k = 0; k < m; k++) if (marks[tj[k]] === mark) inter++;
          similarity = r3(inter / (n + m - inter));
        }
        if (similarity <= top) continue;
        (top = similarity), (topI = i), (topJ = j);
        if (similarity === 1) break search;
      }
    }
    if (topI < 0) continue;
    const s = sources.statements[topI];
    const t = targets.statements[topJ];
    best.push({ competency, source: { id: s.id, text: s.text }, target: { id: t.id, text: t.text }, similarity: top });
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
    // Only the texts are forgotten: a word keeps its id, so rows built before still compare with rows built after.
    if (textIds.size > 200_000) textIds.clear();
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

/** Scratch marks by content-word id: `marks[id] === mark` while the ids of one text are marked (see markIds). */
let marks = new Int32Array(1024);
let lastMark = 0;

/** Marks the ids of one text with a fresh mark (no clearing: older marks are simply different numbers). */
function markIds(ids: Int32Array): number {
  if (marks.length < termIds.size) {
    const grown = new Int32Array(Math.max(termIds.size, marks.length * 2));
    grown.set(marks);
    marks = grown;
  }
  if (lastMark === 0x7fffffff) (marks.fill(0), (lastMark = 0));
  const mark = ++lastMark;
  for (let k = 0; k < ids.length; k++) marks[ids[k]] = mark;
  return mark;
}


/** What mapping reads of a statement table and its placements, built once per pair of tables (they are not mutated). */
interface MapIndex {
  /** Each level's support rows, built when first asked for. */
  support: Map<string, SupportRows>;
  profiles: Map<string, LevelProfile>;
  byLevel: Map<string, ClassifiedStatement[]>;
  ladders: LevelPlacement[][];
  /** The ladder key of each of `ladders`. */
  ladderKeys: string[];
  byKey: Map<string, LevelPlacement>;
  /** Each level's profile as flat arrays (competency indices from `competencyIndex`). */
  vectors: Map<string, ProfileVector>;
  competencyIndex: Map<string, number>;
  /** Companies with more than one track (their ladders are named with the track). */
  multi: Set<string>;
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
    const ladders = [...groupBy(placements, ladderKey).values()];
    index = { support: new Map(), profiles, byLevel: groupBy(statements, levelKey), ladders, ladderKeys: ladders.map((l) => ladderKey(l[0])), byKey, vectors, competencyIndex, multi: multiTrackCompanies(placements) };
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
  const { profiles, byLevel, ladders, ladderKeys, support, vectors, competencyIndex, multi } = mapIndex(statements, placements);
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
  const to = opts.to?.toLowerCase();
  const targets: MapTarget[] = [];
  for (let l = 0; l < ladders.length; l++) {
    const ladder = ladders[l];
    const first = ladder[0];
    if (ladderKeys[l] === sourceLadder) continue;
    if (to && first.company.toLowerCase() !== to && first.companyName.toLowerCase() !== to) continue;
    const candidates = ladder
      .map((t) => candidateScore(source, t, vectorCosine(sourceVector, vectors.get(t.key))))
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
