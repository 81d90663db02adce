/**
 * Colour-blind-safe colours. Companies use the Okabe–Ito palette (distinguishable with all common colour
 * vision deficiencies); quantities use sequential single-hue or viridis-family schemes.
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** Sequential scheme for counts and shares (perceptually ordered, CVD-safe). */
export const SEQUENTIAL = 'blues';
/** Sequential scheme for similarity (viridis family: readable in greyscale prints too). */
export const SIMILARITY = 'viridis';
/** Severity colours, ordered high → info, chosen from Okabe–Ito. */
export const SEVERITY_COLORS: Record<string, string> = { high: '#D55E00', medium: '#E69F00', low: '#56B4E9', info: '#999999' };

/** FNV-1a of a string: a company id's fixed place among the colours left to it. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Each company's colour, the same in every view and whatever else is loaded: the colour its ladder.json names
 * (the bundled companies name theirs), else one picked by a hash of its id among the Okabe–Ito colours no company
 * names — so adding an upload never recolours another company. (Two uploads may share a colour.)
 */
export function companyColors(levels: readonly { company: string; companyColor?: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of levels) if (l.companyColor && !out.has(l.company)) out.set(l.company, l.companyColor);
  const named = new Set([...out.values()].map((c) => c.toUpperCase()));
  const free = OKABE_ITO.filter((c) => !named.has(c.toUpperCase()));
  const pool = free.length ? free : OKABE_ITO;
  for (const l of levels) if (!out.has(l.company)) out.set(l.company, pool[hash(l.company) % pool.length]);
  return out;
}

/** Plot colour scale options for the companies shown (domain sorted), coloured by {@link companyColors} of every level loaded. */
export function companyColor(shown: readonly string[], levels: readonly { company: string; companyColor?: string }[] = shown.map((company) => ({ company }))): { domain: string[]; range: string[] } {
  const colors = companyColors(levels);
  const domain = [...new Set(shown)].sort();
  return { domain, range: domain.map((c) => colors.get(c) ?? OKABE_ITO[hash(c) % OKABE_ITO.length]) };
}
