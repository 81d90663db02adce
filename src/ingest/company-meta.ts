import type { Diagnostic } from '../types.ts';

/** Optional `ladders/<company>/ladder.json`: display name, track name, level order, per-file tracks. */
export interface CompanyMeta {
  name?: string;
  track?: string;
  levels?: string[];
  files?: Record<string, { track?: string }>;
}

export const META_FILE = 'ladder.json';

/** Parses a metadata file; problems become diagnostics and the company loads without it. */
export function parseCompanyMeta(file: string, text: string): { meta: CompanyMeta; diagnostics: Diagnostic[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { meta: {}, diagnostics: [{ severity: 'error', file, message: `metadata is not valid JSON (${(e as Error).message}); ignored` }] };
  }
  const diagnostics: Diagnostic[] = [];
  const meta: CompanyMeta = {};
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { meta, diagnostics: [{ severity: 'error', file, message: 'metadata must be a JSON object; ignored' }] };
  }
  const d = data as Record<string, unknown>;
  const str = (k: string) => {
    if (d[k] === undefined) return undefined;
    if (typeof d[k] === 'string' && d[k]) return d[k] as string;
    diagnostics.push({ severity: 'warning', file, message: `"${k}" must be a non-empty string; ignored` });
    return undefined;
  };
  meta.name = str('name');
  meta.track = str('track');
  if (d.levels !== undefined) {
    if (Array.isArray(d.levels) && d.levels.every((l) => typeof l === 'string' || typeof l === 'number')) meta.levels = d.levels.map(String);
    else diagnostics.push({ severity: 'warning', file, message: '"levels" must be a list of level labels, lowest first; ignored' });
  }
  if (d.files !== undefined && typeof d.files === 'object' && d.files) meta.files = d.files as CompanyMeta['files'];
  for (const k of Object.keys(d)) if (!['name', 'track', 'levels', 'files', '$comment'].includes(k)) {
    diagnostics.push({ severity: 'warning', file, message: `unknown metadata field "${k}"; ignored` });
  }
  return { meta, diagnostics };
}
