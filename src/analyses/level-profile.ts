/** Competency profile of each level: how much of its classified text speaks for each competency. */
import type { ClassifiedStatement, Kind } from '../types.ts';
import { KIND_WEIGHTS } from './kind-weights.ts';
import { levelKeysOf } from './level-keys.ts';

const profileWeight = (kind: Kind) => KIND_WEIGHTS[kind]?.profile ?? 0;

export interface ProfileEntry {
  competency: string;
  /** Sum of competency score × kind weight. */
  weight: number;
  /** weight / total weight of the level. */
  share: number;
  /** Statements with this competency as primary. */
  primary: ClassifiedStatement[];
  /** Statements with this competency at score ≥ minScore (primary included). */
  mentions: ClassifiedStatement[];
}

export interface LevelProfile {
  key: string;
  total: number;
  entries: Map<string, ProfileEntry>;
}

/** True when a statement takes part in competency profiles. */
export function isProfiled(s: ClassifiedStatement): boolean {
  return profileWeight(s.kind) > 0 && !s.flags.includes('placeholder') && !s.flags.includes('empty-cell') && !!s.competencies?.length;
}

const cache = new WeakMap<readonly ClassifiedStatement[], Map<number, Map<string, LevelProfile>>>();

/** Build one profile per level key. Cached per statement array (tables are not mutated). */
export function levelProfiles(statements: readonly ClassifiedStatement[], minScore = 0.25): Map<string, LevelProfile> {
  let byScore = cache.get(statements);
  if (!byScore) cache.set(statements, (byScore = new Map()));
  const hit = byScore.get(minScore);
  if (hit) return hit;
  const out = buildProfiles(statements, minScore);
  byScore.set(minScore, out);
  return out;
}

function buildProfiles(statements: readonly ClassifiedStatement[], minScore: number): Map<string, LevelProfile> {
  const out = new Map<string, LevelProfile>();
  const keys = levelKeysOf(statements);
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i];
    const key = keys[i];
    let p = out.get(key);
    if (!p) out.set(key, (p = { key, total: 0, entries: new Map() }));
    if (!isProfiled(s)) continue;
    const kw = profileWeight(s.kind);
    for (const c of s.competencies!) {
      let e = p.entries.get(c.id);
      if (!e) p.entries.set(c.id, (e = { competency: c.id, weight: 0, share: 0, primary: [], mentions: [] }));
      e.weight += c.score * kw;
      p.total += c.score * kw;
      if (c.id === s.competency) e.primary.push(s);
      if (c.id === s.competency || c.score >= minScore) e.mentions.push(s);
    }
  }
  for (const p of out.values()) for (const e of p.entries.values()) e.share = p.total > 0 ? e.weight / p.total : 0;
  return out;
}

/** Cosine similarity of two profiles (by weight). */
export function profileCosine(a: LevelProfile | undefined, b: LevelProfile | undefined): number {
  if (!a || !b) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const e of a.entries.values()) {
    na += e.weight ** 2;
    dot += e.weight * (b.entries.get(e.competency)?.weight ?? 0);
  }
  for (const e of b.entries.values()) nb += e.weight ** 2;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
