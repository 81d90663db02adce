import { compareLevels, levelKey, multiTrackCompanies } from '../levels/index.ts';
import { compareText } from '../text/index.ts';
import type { LevelInfo, Statement } from '../types.ts';

export { levelKey } from '../levels/index.ts';

/** A company level as views list it, in a stable order (company, track, level order, variant). */
export interface LevelRow extends LevelInfo {
  key: string;
  /** Display label, e.g. `Teleport 3`, `Octopus Deploy Security Analyst L3` (the track when the company has several). */
  label: string;
  statements: number;
}

/** Levels of the set with statement counts, sorted by company, track, level order, variant. */
export function levelRows(levels: readonly LevelInfo[], statements: readonly Statement[]): LevelRow[] {
  const counts = new Map<string, number>();
  for (const s of statements) counts.set(levelKey(s), (counts.get(levelKey(s)) ?? 0) + 1);
  const multi = multiTrackCompanies(levels);
  return levels
    .map((l) => ({
      ...l,
      key: levelKey(l),
      label: levelName(l, multi.has(l.company)),
      statements: counts.get(levelKey(l)) ?? 0,
    }))
    .sort(compareLevels);
}

/** Company ids with their display names, sorted by id. */
export function companies(levels: readonly LevelInfo[]): { id: string; name: string }[] {
  const names = new Map<string, string>();
  for (const l of levels) if (!names.has(l.company)) names.set(l.company, l.companyName);
  return [...names].sort(([a], [b]) => compareText(a, b)).map(([id, name]) => ({ id, name }));
}

type LevelLike = { company: string; track: string; level: string; variant?: string };
type LevelSel = { company?: string; track?: string; level?: string; variant?: string };

/** Whether a statement or level falls inside the selection (unset fields match everything). */
export function inSelection(s: LevelLike, sel: LevelSel): boolean {
  return (
    (!sel.company || s.company === sel.company) &&
    (!sel.track || s.track === sel.track) &&
    (!sel.level || s.level === sel.level) &&
    (!sel.variant || s.variant === sel.variant)
  );
}

/** Whether this exact level is the selected one. */
export function isSelectedLevel(l: LevelLike, sel: LevelSel): boolean {
  return !!sel.company && !!sel.level && inSelection(l, sel);
}

/**
 * The selection that picks one level: company and level, plus the track only when the company has
 * several and the variant only when the level has several pages (so URLs stay short where they can).
 */
export function selectLevel(l: LevelLike, all: readonly LevelLike[]): LevelSel {
  const tracks = new Set(all.filter((m) => m.company === l.company).map((m) => m.track));
  return {
    company: l.company,
    level: l.level,
    track: tracks.size > 1 ? l.track : undefined,
    variant: l.variant || undefined,
  };
}

/** `Octopus Deploy L3`, with the variant and (when given) the track. */
export function levelName(l: LevelLike & { companyName?: string }, withTrack = false): string {
  return `${l.companyName ?? l.company}${withTrack ? ` ${l.track}` : ''} ${l.level}${l.variant ? ` (${l.variant})` : ''}`;
}

/** A level's name and its title where the title says more ("Dropbox IC4 · Senior Security Engineer", but "Teleport 3", not "Teleport 3 · 3"). */
export function withTitle(p: { name: string; levelTitle: string }): string {
  return p.levelTitle && !p.name.toLowerCase().includes(p.levelTitle.toLowerCase()) ? `${p.name} · ${p.levelTitle}` : p.name;
}
