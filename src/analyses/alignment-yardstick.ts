/**
 * An objective yardstick for alignment: within one company a level code means one level on every track, so
 * another track of a company, loaded as if it were a company of its own, should map each of its levels to the
 * same code on each ladder of that company (below/above where that ladder has no such code).
 */
import type { ClassifiedStatement } from '../types.ts';
import { groupBy, ladderKey, levelKey } from './level-keys.ts';
import { levelProfiles } from './level-profile.ts';
import { mapPlacement } from './map-level.ts';
import type { LevelPlacement, MapTarget } from './types.ts';

export interface YardstickRow {
  /** The track's level (`company:level`). */
  level: string;
  /** The ladder mapped onto (`company|track`). */
  ladder: string;
  want: string;
  got: string;
  exact: boolean;
  withinOne: boolean;
  position: number;
}

export interface YardstickResult {
  rows: YardstickRow[];
  exact: number;
  withinOne: number;
  n: number;
}

/** The number in a level code (`IC3` → 3, `L4` → 4, `5` → 5), or null. */
export function codeNumber(level: string): number | null {
  const m = /\d+/.exec(level);
  return m ? Number(m[0]) : null;
}

/** The answer a mapping gives: the level, or below/above. */
export const answerOf = (t: Pick<MapTarget, 'relation' | 'best'>): string => (t.relation === 'match' ? t.best.level : t.relation);

/**
 * Map every level of `track` (a company id in the placements) onto every ladder of `company`, and compare
 * each answer with the level of the same code. Levels or ladders without numbered codes are skipped.
 */
export function alignmentYardstick(statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[], track: string, company: string): YardstickResult {
  const ladders = [...groupBy(placements.filter((p) => p.company === company), ladderKey).values()];
  const byLevel = groupBy(statements, levelKey);
  const rows: YardstickRow[] = [];
  for (const src of placements.filter((p) => p.company === track)) {
    const code = codeNumber(src.level);
    if (code === null) continue;
    const own = byLevel.get(src.key) ?? [];
    const result = mapPlacement(src, own, levelProfiles(own).get(src.key), statements, placements, { to: company });
    for (const ladder of ladders) {
      const codes = ladder.map((p) => codeNumber(p.level)).filter((c): c is number => c !== null);
      if (!codes.length) continue;
      const target = result.targets.find((t) => `${t.company}|${t.track}` === ladderKey(ladder[0]));
      if (!target) continue;
      const lo = Math.min(...codes);
      const hi = Math.max(...codes);
      const same = ladder.find((p) => codeNumber(p.level) === code);
      const want = same ? same.level : code < lo ? 'below' : 'above';
      const got = answerOf(target);
      const rank = (a: string) => (a === 'below' ? lo - 1 : a === 'above' ? hi + 1 : codeNumber(a) ?? NaN);
      rows.push({ level: src.label, ladder: ladderKey(ladder[0]), want, got, exact: got === want, withinOne: Math.abs(rank(got) - rank(want)) <= 1, position: src.position });
    }
  }
  return { rows, exact: rows.filter((r) => r.exact).length, withinOne: rows.filter((r) => r.withinOne).length, n: rows.length };
}

/** A mapping judged by people: `from` is `company:track words:level`, `to` is `company:track words`. */
export interface JudgedPair {
  from: string;
  to: string;
  accept: string[];
  why?: string;
}

export interface JudgedResult {
  pair: JudgedPair;
  /** One answer per matching source level (variants) and target ladder; empty when a side matched nothing. */
  answers: string[];
  ok: boolean;
}

const hasWords = (p: Pick<LevelPlacement, 'track' | 'levelTitle'>, words: string) => {
  const hay = `${p.track} ${p.levelTitle}`.toLowerCase();
  return words.toLowerCase().split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
};

/** Map each judged pair's source level(s) onto the target ladder(s) and check the answers; a pair is right when every answer is accepted. */
export function judgePairs(statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[], pairs: readonly JudgedPair[]): JudgedResult[] {
  const byLevel = groupBy(statements, levelKey);
  return pairs.map((pair) => {
    const [fc, ft, fl] = pair.from.split(':');
    const [tc, tt] = pair.to.split(':');
    const sources = placements.filter((p) => p.company === fc && p.level === fl && hasWords(p, ft));
    const targets = new Set(placements.filter((p) => p.company === tc && hasWords(p, tt)).map((p) => ladderKey(p)));
    const answers = sources.flatMap((src) => {
      const own = byLevel.get(src.key) ?? [];
      return mapPlacement(src, own, levelProfiles(own).get(src.key), statements, placements, { to: tc })
        .targets.filter((t) => targets.has(`${t.company}|${t.track}`))
        .map(answerOf);
    });
    return { pair, answers, ok: answers.length > 0 && answers.every((a) => pair.accept.includes(a)) };
  });
}
