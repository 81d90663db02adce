/** Pairwise level similarity across companies: competency profiles, words and scale position. */
import type { ClassifiedStatement } from '../types.ts';
import { groupBy, levelKey } from './level-keys.ts';
import { levelProfiles, profileCosine } from './level-profile.ts';
import { cosine, tfidfVectors } from './text-vectors.ts';
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
  const profiles = levelProfiles(statements);
  const byLevel = groupBy(
    statements.filter((s) => s.kind !== 'placeholder' && s.kind !== 'note' && s.kind !== 'attribute' && s.text),
    levelKey,
  );
  const vectors = tfidfVectors(new Map(placements.map((p) => [p.key, (byLevel.get(p.key) ?? []).map((s) => s.text)])));
  const n = placements.length;
  const values = placements.map(() => new Array<number>(n).fill(0));
  const long: LevelSimilarity[] = [];
  for (let i = 0; i < n; i++) {
    values[i][i] = 1;
    for (let j = i + 1; j < n; j++) {
      const a = placements[i];
      const b = placements[j];
      const profile = profileCosine(profiles.get(a.key), profiles.get(b.key));
      const text = cosine(vectors.get(a.key), vectors.get(b.key));
      const scale = 1 - Math.abs(a.position - b.position) / 6;
      const similarity = (w.profile * profile + w.text * text + w.scale * scale) / total;
      values[i][j] = values[j][i] = r3(similarity);
      long.push({ a: a.key, b: b.key, similarity: r3(similarity), profile: r3(profile), text: r3(text), scale: r3(scale) });
    }
  }
  return { keys: placements.map((p) => p.key), labels: placements.map((p) => p.label), values, long };
}
