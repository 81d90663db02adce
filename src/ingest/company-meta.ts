import * as v from 'valibot';
import { formatProblem, isPlainObject, mapOf, nonEmptyString, record, validate } from '../schema/index.ts';
import type { Diagnostic } from '../types.ts';

/** Optional `ladders/<company>/ladder.json`: display name, colour, track name, level order, per-file tracks. */
export interface CompanyMeta {
  name?: string;
  /** The company's colour in every chart (`#rrggbb`); without one, a colour is derived from the company id. */
  color?: string;
  track?: string;
  levels?: string[];
  files?: Record<string, { track?: string }>;
}

export const META_FILE = 'ladder.json';

const FILE_ENTRY = record({ track: v.optional(nonEmptyString()) }, 'must be an object such as {"track": "Security Engineer"}');
const LEVELS = 'must be a list of level labels, lowest first';

const META = v.object({
  name: v.optional(nonEmptyString()),
  color: v.optional(v.pipe(v.string('must be a colour such as "#0072B2"'), v.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as "#0072B2"'))),
  track: v.optional(nonEmptyString()),
  levels: v.optional(v.pipe(v.array(v.union([v.string(), v.number()], LEVELS), LEVELS), v.transform((ls) => ls.map(String)))),
  files: v.optional(mapOf(v.string(), FILE_ENTRY, 'must map file names to objects such as {"track": "Security Engineer"}')),
});

const KNOWN = new Set([...Object.keys(META.entries), '$comment']);

/**
 * Parses a metadata file; problems become diagnostics naming the file and the field, and only the bad field (or
 * the bad entry under "files") is ignored: the rest of the metadata and the company still load.
 */
export function parseCompanyMeta(file: string, text: string): { meta: CompanyMeta; diagnostics: Diagnostic[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { meta: {}, diagnostics: [{ severity: 'error', file, message: `metadata is not valid JSON (${(e as Error).message}); ignored` }] };
  }
  if (!isPlainObject(data)) return { meta: {}, diagnostics: [{ severity: 'error', file, message: 'metadata must be a JSON object; ignored' }] };
  const warn = (message: string): Diagnostic => ({ severity: 'warning', file, message });
  const diagnostics = Object.keys(data).filter((k) => !KNOWN.has(k)).map((k) => warn(`unknown metadata field "${k}"; ignored`));
  const { problems } = validate(META, data);
  const kept: Record<string, unknown> = { ...data };
  for (const p of problems) {
    diagnostics.push(warn(`${formatProblem(p)}; ignored`));
    const [field, entry] = p.path.map((s) => String(s.key));
    if (field === 'files' && entry !== undefined && isPlainObject(kept.files)) {
      const { [entry]: _bad, ...rest } = kept.files;
      kept.files = rest;
    } else delete kept[field];
  }
  const { output } = validate(META, kept);
  return { meta: output ?? {}, diagnostics };
}
