/**
 * Each placed level as numbers, for comparing levels many times over: its competency profile as a dense row
 * (profile weight per competency) and its words as a sparse TF-IDF vector over integer term ids, sorted by id.
 * Built once per statement table and placement list, linear in the statements.
 */
import type { ClassifiedStatement } from '../types.ts';
import { groupBy, ladderKey, levelKey } from './level-keys.ts';
import { levelProfiles } from './level-profile.ts';
import type { LevelPlacement } from './types.ts';
import { statementWords, wordCount } from './statement-words.ts';

export interface LevelVectors {
  /** Placements in the order given; row i of every array below is level i. */
  placements: readonly LevelPlacement[];
  /** Ladder id of each level (levels of one ladder share it). */
  ladder: Int32Array;
  /** Competencies (columns of `profile`), in order of first appearance. */
  competencies: string[];
  /** n × competencies: the profile weight of each competency in each level. */
  profile: Float64Array;
  /** Squared norm of each profile row. */
  profileNorm2: Float64Array;
  /** Sparse TF-IDF rows: terms of level i are `terms[start[i] .. start[i + 1])`, ascending, with `weights`. */
  start: Int32Array;
  terms: Int32Array;
  weights: Float64Array;
  /** Euclidean norm of each TF-IDF row. */
  textNorm: Float64Array;
  /** Number of distinct terms. */
  vocabulary: number;
}

/** Statements whose words describe their level (not placeholders, notes or attributes). */
const hasWords = (s: ClassifiedStatement) => s.kind !== 'placeholder' && s.kind !== 'note' && s.kind !== 'attribute' && !!s.text;

/**
 * The vectors of each placement's level. TF-IDF as before: term weight (1 + ln tf) · ln((1 + n) / (1 + df) + 1)
 * over the given levels, tf counted on content tokens (stop words dropped, stemmed).
 */
export function levelVectors(statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[]): LevelVectors {
  let byPlacements = built.get(statements);
  if (!byPlacements) built.set(statements, (byPlacements = new WeakMap()));
  let v = byPlacements.get(placements);
  if (!v) byPlacements.set(placements, (v = buildVectors(statements, placements)));
  return v;
}

/** Built once per statement table and placement list (neither is mutated): the nearest-levels search and the full matrix share them. */
const built = new WeakMap<readonly ClassifiedStatement[], WeakMap<readonly LevelPlacement[], LevelVectors>>();

function buildVectors(statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[]): LevelVectors {
  const n = placements.length;
  const profiles = levelProfiles(statements);
  const competencyIndex = new Map<string, number>();
  for (const p of placements) for (const c of profiles.get(p.key)?.entries.keys() ?? []) if (!competencyIndex.has(c)) competencyIndex.set(c, competencyIndex.size);
  const K = competencyIndex.size;
  const profile = new Float64Array(n * K);
  const profileNorm2 = new Float64Array(n);
  placements.forEach((p, i) => {
    let sq = 0;
    for (const e of profiles.get(p.key)?.entries.values() ?? []) {
      profile[i * K + competencyIndex.get(e.competency)!] = e.weight;
      sq += e.weight ** 2;
    }
    profileNorm2[i] = sq;
  });

  const byLevel = groupBy(statements.filter(hasWords), levelKey);
  // Term ids of these vectors, in order of first use (the order the sums below have always run in), from the shared word ids.
  let termOf = new Int32Array(wordCount()).fill(-1);
  let vocabulary = 0;
  const df: number[] = [];
  const rows: { ids: number[]; counts: number[] }[] = [];
  const at: number[] = [];
  for (const p of placements) {
    const ids: number[] = [];
    const counts: number[] = [];
    for (const s of byLevel.get(p.key) ?? []) {
      const words = statementWords(s);
      for (let k = 0; k < words.length; k++) {
        const w = words[k];
        if (w >= termOf.length) {
          // Words first seen here have just been given ids: grow by doubling, so growing stays linear overall.
          const grown = new Int32Array(Math.max(wordCount(), 2 * termOf.length)).fill(-1);
          grown.set(termOf);
          termOf = grown;
        }
        let id = termOf[w];
        if (id < 0) termOf[w] = id = vocabulary++;
        if (at[id] === undefined || at[id] < 0) {
          at[id] = ids.length;
          ids.push(id);
          counts.push(1);
          df[id] = (df[id] ?? 0) + 1;
        } else counts[at[id]]++;
      }
    }
    for (const id of ids) at[id] = -1;
    rows.push({ ids, counts });
  }
  const start = new Int32Array(n + 1);
  rows.forEach((r, i) => (start[i + 1] = start[i] + r.ids.length));
  const terms = new Int32Array(start[n]);
  const weights = new Float64Array(start[n]);
  const textNorm = new Float64Array(n);
  rows.forEach((r, i) => {
    const value = r.ids.map((id, k) => (1 + Math.log(r.counts[k])) * Math.log((1 + n) / (1 + df[id]) + 1));
    let sq = 0;
    for (const v of value) sq += v * v; // in order of first use, as the norm always was
    textNorm[i] = Math.sqrt(sq);
    r.ids
      .map((_, k) => k)
      .sort((a, b) => r.ids[a] - r.ids[b])
      .forEach((k, o) => {
        terms[start[i] + o] = r.ids[k];
        weights[start[i] + o] = value[k];
      });
  });
  const ladderIds = new Map<string, number>();
  const ladder = Int32Array.from(placements, (p) => {
    const k = ladderKey(p);
    if (!ladderIds.has(k)) ladderIds.set(k, ladderIds.size);
    return ladderIds.get(k)!;
  });
  return { placements, ladder, competencies: [...competencyIndex.keys()], profile, profileNorm2, start, terms, weights, textNorm, vocabulary };
}

/** Cosine of the profiles of levels i and j. */
export function profileCosineAt(v: LevelVectors, i: number, j: number): number {
  const K = v.competencies.length;
  const na = v.profileNorm2[i];
  const nb = v.profileNorm2[j];
  if (!na || !nb) return 0;
  let dot = 0;
  for (let c = 0; c < K; c++) dot += v.profile[i * K + c] * v.profile[j * K + c];
  return dot / Math.sqrt(na * nb);
}

/**
 * Text cosine of level i with others: `scatter(i)` spreads its weights into a dense scratch row, `dot(j)` then reads
 * level j against it in O(terms of j), `clear()` empties the row again.
 */
export function textCosines(v: LevelVectors) {
  const dense = new Float64Array(v.vocabulary);
  let current = -1;
  return {
    scatter(i: number) {
      current = i;
      for (let p = v.start[i]; p < v.start[i + 1]; p++) dense[v.terms[p]] = v.weights[p];
    },
    cosine(j: number): number {
      const i = current;
      if (!v.textNorm[i] || !v.textNorm[j]) return 0;
      let dot = 0;
      for (let p = v.start[j]; p < v.start[j + 1]; p++) dot += v.weights[p] * dense[v.terms[p]];
      return dot / (v.textNorm[i] * v.textNorm[j]);
    },
    clear() {
      const i = current;
      for (let p = v.start[i]; p < v.start[i + 1]; p++) dense[v.terms[p]] = 0;
    },
  };
}
