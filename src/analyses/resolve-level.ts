/** Find a placed level from what a user types: a key, `company:level`, company name or bare level number. */
import { levelKey } from '../levels/index.ts';
import type { LevelPlacement } from './types.ts';

/** Thrown when a level reference matches no level or more than one. */
export class LevelRefError extends Error {
  constructor(message: string, public candidates: string[] = []) {
    super(message);
    this.name = 'LevelRefError';
  }
}

const digits = (s: string) => (/\d+(?:\.\d+)?/.exec(s) ?? [''])[0];

/** Resolve `ref` (`company|track|level`, `company:level`, `Company Name:L4`, `teleport:4`, `octopus:4` → L4). */
export function resolveLevel(ref: string, placements: readonly LevelPlacement[]): LevelPlacement {
  const exact = placements.find((p) => p.key === ref);
  if (exact) return exact;
  const i = ref.lastIndexOf(':');
  if (i < 0) throw new LevelRefError(`"${ref}" is not company:level`);
  const company = ref.slice(0, i).trim().toLowerCase();
  const level = ref.slice(i + 1).trim().toLowerCase();
  const inCompany = placements.filter((p) => p.company.toLowerCase() === company || p.companyName.toLowerCase() === company);
  if (!inCompany.length) throw new LevelRefError(`no company "${ref.slice(0, i)}"`, [...new Set(placements.map((p) => p.company))]);
  let hits = inCompany.filter((p) => p.level.toLowerCase() === level || p.key.toLowerCase() === levelKey({ company: p.company, track: p.track, level }).toLowerCase());
  if (!hits.length && digits(level)) hits = inCompany.filter((p) => digits(p.level) === digits(level));
  if (hits.length === 1) return hits[0];
  if (hits.length > 1) throw new LevelRefError(`"${ref}" matches several levels; use one of the keys`, hits.map((h) => h.key));
  throw new LevelRefError(`no level "${ref.slice(i + 1)}" at ${inCompany[0].company}`, inCompany.map((p) => p.label));
}
