/** Find a placed level from what a user types: a key, `company:level`, `company:track:level`, company name or bare level number. */
import { levelKey } from '../levels/index.ts';
import { slug } from '../text/index.ts';
import type { LevelPlacement } from './types.ts';

/** Thrown when a level reference matches no level or more than one. */
export class LevelRefError extends Error {
  constructor(message: string, public candidates: string[] = []) {
    super(message);
    this.name = 'LevelRefError';
  }
}

const digits = (s: string) => (/\d+(?:\.\d+)?/.exec(s) ?? [''])[0];

/** What a user may type for a level (the label, `company:track:level` when the company has several tracks). */
const refOf = (p: LevelPlacement) => p.label;

/**
 * Resolve `ref`: a level key (`company|track|level`), `company:level` (`teleport:4`, `octopus:4` → L4, `Company Name:L4`)
 * or `company:track:level`, the track matched by its name, its slug or a unique prefix of either (`octopus:analyst:L3`
 * matches "Security Analyst" as the only track whose slug has a word starting "analyst"). A reference that fits several
 * levels (a level code several tracks share) throws with the references that would each pick one.
 */
export function resolveLevel(ref: string, placements: readonly LevelPlacement[]): LevelPlacement {
  const exact = placements.find((p) => p.key === ref);
  if (exact) return exact;
  const parts = ref.split(':');
  if (parts.length < 2) throw new LevelRefError(`"${ref}" is not company:level or company:track:level`, placements.slice(0, 12).map(refOf));
  const company = parts[0].trim().toLowerCase();
  const level = parts[parts.length - 1].trim().toLowerCase();
  const track = parts.length > 2 ? parts.slice(1, -1).join(':').trim() : null;
  let inCompany = placements.filter((p) => p.company.toLowerCase() === company || p.companyName.toLowerCase() === company);
  if (!inCompany.length) throw new LevelRefError(`no company "${parts[0]}"`, [...new Set(placements.map((p) => p.company))]);
  if (track !== null) {
    const tracks = [...new Set(inCompany.map((p) => p.track))];
    const chosen = matchTrack(track, tracks);
    if (chosen.length !== 1) {
      const what = chosen.length ? `several tracks of ${inCompany[0].company} (${chosen.join(', ')})` : `no track of ${inCompany[0].company}`;
      throw new LevelRefError(`"${track}" matches ${what}; its tracks are ${tracks.map((t) => slug(t)).join(', ')}`, inCompany.filter((p) => !chosen.length || chosen.includes(p.track)).map(refOf));
    }
    inCompany = inCompany.filter((p) => p.track === chosen[0]);
  }
  const withVariant = (p: LevelPlacement) => (p.variant ? `${p.level} [${p.variant}]`.toLowerCase() : null);
  let hits = inCompany.filter((p) => withVariant(p) === level || p.variant?.toLowerCase() === level);
  if (!hits.length) hits = inCompany.filter((p) => p.level.toLowerCase() === level || p.key.toLowerCase() === levelKey({ company: p.company, track: p.track, level }).toLowerCase());
  if (!hits.length && digits(level)) hits = inCompany.filter((p) => digits(p.level) === digits(level));
  if (hits.length === 1) return hits[0];
  if (hits.length > 1) throw new LevelRefError(`"${ref}" matches ${hits.length} levels; name one`, hits.map(refOf));
  throw new LevelRefError(`no level "${parts[parts.length - 1]}" at ${inCompany[0].company}${track !== null ? ` ${inCompany[0].track}` : ''}`, inCompany.map(refOf));
}

/** Tracks a typed name picks: exact name or slug first, else those whose slug (or one of its words) starts with the typed slug. */
function matchTrack(typed: string, tracks: string[]): string[] {
  const want = slug(typed);
  const exact = tracks.filter((t) => t.toLowerCase() === typed.toLowerCase() || slug(t) === want);
  if (exact.length || !want) return exact;
  const prefix = tracks.filter((t) => slug(t).startsWith(want));
  if (prefix.length) return prefix;
  return tracks.filter((t) => slug(t).split('-').some((_, i, w) => w.slice(i).join('-').startsWith(want)));
}
