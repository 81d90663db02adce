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

/** Plot colour scale options for a list of companies (stable: sorted ids). */
export function companyColor(companies: readonly string[]): { domain: string[]; range: string[] } {
  const domain = [...new Set(companies)].sort();
  return { domain, range: domain.map((_, i) => OKABE_ITO[i % OKABE_ITO.length]) };
}
