/** How statements and levels are grouped: one key per ladder (company + track) and per level. */
export type LevelLike = { company: string; track: string; level: string; variant?: string };

const keys = new WeakMap<object, string>();

/** `company|track|level` (+ `|variant`). Memoised per row object (rows are not mutated once keyed). */
export function levelKey(s: LevelLike): string {
  let k = keys.get(s);
  if (k === undefined) {
    k = s.variant ? `${s.company}|${s.track}|${s.level}|${s.variant}` : `${s.company}|${s.track}|${s.level}`;
    keys.set(s, k);
  }
  return k;
}

/** `company|track`. */
export function ladderKey(s: { company: string; track: string }): string {
  return `${s.company}|${s.track}`;
}

/** Display label `company:level` (with variant in brackets). */
export function levelLabel(l: LevelLike): string {
  return `${l.company}:${l.level}${l.variant ? ` [${l.variant}]` : ''}`;
}
