/**
 * Level similarity across companies: competency profiles, words and scale position. The full matrix (every pair,
 * for the views), and each level's most similar levels in other ladders found by a search along the scale that
 * looks at a bounded number of candidates (for many levels).
 */
import type { ClassifiedStatement } from '../types.ts';
import { levelVectors, profileCosineAt, textCosines, type LevelVectors } from './level-vectors.ts';
import type { LevelPlacement, LevelSimilarity, SimilarityMatrix } from './types.ts';

export interface SimilarityWeights {
  profile: number;
  text: number;
  scale: number;
}

/** Default mix: what a level asks for (profile) counts most, then its words, then how close the placements are. */
export const DEFAULT_SIMILARITY_WEIGHTS: SimilarityWeights = { profile: 0.4, text: 0.2, scale: 0.4 };

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Similarity of every pair of placed levels, as a square matrix and a long table (pairs a < b in placement order). */
export function levelSimilarity(
  statements: readonly ClassifiedStatement[],
  placements: readonly LevelPlacement[],
  opts: { weights?: SimilarityWeights } = {},
): SimilarityMatrix {
  const w = opts.weights ?? DEFAULT_SIMILARITY_WEIGHTS;
  const total = w.profile + w.text + w.scale || 1;
  const v = levelVectors(statements, placements);
  const text = textCosines(v);
  const n = placements.length;
  const values = placements.map(() => new Array<number>(n).fill(0));
  const long: LevelSimilarity[] = [];
  for (let i = 0; i < n; i++) {
    values[i][i] = 1;
    text.scatter(i);
    for (let j = i + 1; j < n; j++) {
      const profile = profileCosineAt(v, i, j);
      const words = text.cosine(j);
      const scale = 1 - Math.abs(placements[i].position - placements[j].position) / 6;
      const similarity = r3((w.profile * profile + w.text * words + w.scale * scale) / total);
      values[i][j] = values[j][i] = similarity;
      long.push({ a: placements[i].key, b: placements[j].key, similarity, profile: r3(profile), text: r3(words), scale: r3(scale) });
    }
    text.clear();
  }
  return { keys: placements.map((p) => p.key), labels: placements.map((p) => p.label), values, long };
}

/** A level's nearest levels in other ladders, most similar first. */
export interface SimilarLevels {
  key: string;
  neighbours: LevelSimilarity[];
  /**
   * True when the search proved no unvisited level could enter the list (it stopped because even a perfect profile
   * and text match that far along the scale would score lower); false when it stopped at the candidate limit.
   */
  exact: boolean;
}

export interface SimilarOptions {
  weights?: SimilarityWeights;
  /** Neighbours per level (default 5). */
  k?: number;
  /** Most levels of other ladders looked at per level, nearest on the scale first (default 256). */
  candidates?: number;
}

/**
 * For each level, the `k` most similar levels of other ladders, without comparing every pair: candidates are visited
 * outwards along the scale (nearest position first), each scored exactly; the walk stops when the best score a level
 * that far away could reach (profile and text 1) cannot beat the k-th found, or after `candidates` levels.
 * O(levels × candidates) instead of O(levels²); exact whenever the walk ends by the bound (`exact`).
 */
export function similarLevels(statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[], opts: SimilarOptions = {}): SimilarLevels[] {
  const w = opts.weights ?? DEFAULT_SIMILARITY_WEIGHTS;
  const total = w.profile + w.text + w.scale || 1;
  const k = opts.k ?? 5;
  const limit = opts.candidates ?? 256;
  const v = levelVectors(statements, placements);
  const text = textCosines(v);
  const n = placements.length;
  const byPosition = Int32Array.from(placements.keys()).sort((a, b) => placements[a].position - placements[b].position || a - b);
  const rank = new Int32Array(n);
  byPosition.forEach((i, r) => (rank[i] = r));
  const pos = (i: number) => placements[i].position;
  const ceiling = (distance: number) => (w.profile + w.text + w.scale * (1 - distance / 6)) / total;
  const out: SimilarLevels[] = [];
  for (let i = 0; i < n; i++) {
    text.scatter(i);
    const best: { j: number; similarity: number; profile: number; words: number; scale: number }[] = [];
    const kth = () => (best.length < k ? -Infinity : best[best.length - 1].similarity);
    let lo = rank[i] - 1;
    let hi = rank[i] + 1;
    let seen = 0;
    let exact = true;
    while (lo >= 0 || hi < n) {
      const takeLow = hi >= n || (lo >= 0 && pos(i) - pos(byPosition[lo]) <= pos(byPosition[hi]) - pos(i));
      const j = takeLow ? byPosition[lo--] : byPosition[hi++];
      const distance = Math.abs(pos(i) - pos(j));
      if (ceiling(distance) < kth()) break;
      if (v.ladder[j] === v.ladder[i]) continue;
      if (seen++ >= limit) {
        exact = false;
        break;
      }
      const profile = profileCosineAt(v, i, j);
      const words = text.cosine(j);
      const scale = 1 - distance / 6;
      const similarity = (w.profile * profile + w.text * words + w.scale * scale) / total;
      const last = best[best.length - 1];
      if (best.length === k && (similarity < last.similarity || (similarity === last.similarity && j > last.j))) continue;
      best.push({ j, similarity, profile, words, scale });
      best.sort((a, b) => b.similarity - a.similarity || a.j - b.j);
      if (best.length > k) best.pop();
    }
    text.clear();
    const a = placements[i].key;
    out.push({
      key: a,
      neighbours: best.map((b) => ({ a, b: placements[b.j].key, similarity: r3(b.similarity), profile: r3(b.profile), text: r3(b.words), scale: r3(b.scale) })),
      exact,
    });
  }
  return out;
}

export type { LevelVectors };
