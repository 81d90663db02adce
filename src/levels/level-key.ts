/** How statements and levels are grouped: one key per ladder (company + track) and per level. */
import { slug } from '../text/slug.ts';

export type LevelLike = { company: string; track: string; level: string; variant?: string };

const keys = new WeakMap<object, string>();

const keyOf = (s: LevelLike) => (s.variant ? `${s.company}|${s.track}|${s.level}|${s.variant}` : `${s.company}|${s.track}|${s.level}`);

/** `company|track|level` (+ `|variant`). Memoised per row object (rows are not mutated once keyed). */
export function levelKey(s: LevelLike): string {
  let k = keys.get(s);
  if (k === undefined) keys.set(s, (k = keyOf(s)));
  return k;
}

const tables = new WeakMap<readonly LevelLike[], readonly string[]>();

/**
 * The {@link levelKey} of every row of a table, in row order. Memoised per table array (tables are not mutated):
 * the analyses that group a whole table by level read one array instead of looking each row up in a map of every
 * row ever keyed.
 */
export function levelKeysOf(rows: readonly LevelLike[]): readonly string[] {
  let k = tables.get(rows);
  if (k === undefined) tables.set(rows, (k = rows.map(keyOf)));
  return k;
}

/** `company|track`. */
export function ladderKey(s: { company: string; track: string }): string {
  return `${s.company}|${s.track}`;
}

/**
 * Short label `company:level`, or `company:track:level` (track as a slug) when the company has several tracks
 * (`octopus:security-analyst:L2`); variant in brackets. The CLI's level resolver reads it back.
 */
export function levelLabel(l: LevelLike, multiTrack = false): string {
  return `${l.company}:${multiTrack ? `${slug(l.track)}:` : ''}${l.level}${l.variant ? ` [${l.variant}]` : ''}`;
}

/** A ladder's display name: the company's name, and the track when the company has several ("Octopus Deploy Security Analyst"). */
export function ladderName(l: { companyName?: string; company: string; track: string }, multiTrack: boolean): string {
  const company = l.companyName || l.company;
  return multiTrack && l.track ? `${company} ${l.track}` : company;
}

/** A level's display name: its ladder's name and the level ("Octopus Deploy Security Analyst L2", "Teleport 3"); variant in brackets. */
export function levelName(l: LevelLike & { companyName?: string }, multiTrack: boolean): string {
  return `${ladderName(l, multiTrack)} ${l.level}${l.variant ? ` (${l.variant})` : ''}`;
}

/** Companies with more than one track among these rows. */
export function multiTrackCompanies(rows: readonly { company: string; track: string }[]): Set<string> {
  const first = new Map<string, string>();
  const out = new Set<string>();
  for (const r of rows) {
    const t = first.get(r.company);
    if (t === undefined) first.set(r.company, r.track);
    else if (t !== r.track) out.add(r.company);
  }
  return out;
}
