import { isSpace, trimChars } from './trim-chars.ts';

/** A level label found in a title or cell: `L4`, `IC6`, `E5`, `P3`, `Level 3`, `3`. */
export interface LevelLabel {
  label: string;
  number: number | null;
  /** Text of the input with the label (and separators next to it) removed. */
  rest: string;
}

// `\s*(?:[-#:]\s*)?`, not `\s*[-#:]?\s*`: two adjacent runs of spaces split a long run every way (quadratic).
const WORDED = /(?<![\p{L}\p{N}])(level|lvl|grade|band|tier)\s*(?:[-#:]\s*)?(\d{1,2}(?:\.\d)?)(?![\p{L}\p{N}])/iu;
const CODED = /(?<![\p{L}\p{N}])(IC|SWE|SE|L|E|P|M|T|S|G|D)[- ]?(\d{1,2})(?![\p{L}\p{N}]|\.\d)/u;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8 };

const LEAD = new Set([...':|–—-.,()[]']);
const TRAIL = new Set([...':|–—-.,([]']);

function tidy(rest: string): string {
  const t = trimChars(trimChars(rest, (c) => LEAD.has(c) || isSpace(c), 'start'), (c) => TRAIL.has(c) || isSpace(c), 'end');
  return t.replace(/\(\s*\)/g, '').replace(/\s{2,}/g, ' ').trim();
}

/** Finds a level label in a title like `L2: Security Engineer` or `IC6 Principal Security Engineer`. */
export function findLevelLabel(text: string): LevelLabel | null {
  const w = WORDED.exec(text);
  if (w) return { label: w[2], number: Number(w[2]), rest: tidy(text.replace(w[0], ' ')) };
  const c = CODED.exec(text);
  if (c) return { label: `${c[1]}${c[2]}`, number: Number(c[2]), rest: tidy(text.replace(c[0], ' ')) };
  return null;
}

/** A grid cell or header that is nothing but a level label (`3`, `L3`, `Level 3`, `IC 3`, `Engineer III`). */
export function parseLevelCell(cell: string): LevelLabel | null {
  const t = cell.trim();
  if (/^\d{1,2}(\.\d)?$/.test(t)) return { label: t, number: Number(t), rest: '' };
  const found = findLevelLabel(t);
  if (found && (found.rest.split(/\s+/).filter(Boolean).length <= 3 || t.startsWith(found.label) || /^level\b/i.test(t))) return found;
  // The last word a roman numeral (`Engineer III`); found by position, not by a backtracking pattern.
  const cut = t.search(/\s\S*$/);
  const name = cut > 0 ? t.slice(0, cut).trim() : '';
  const numeral = cut > 0 ? t.slice(cut).trim().toLowerCase() : '';
  if (name && /^(i{1,3}|iv|v|vi{0,3})$/.test(numeral) && name.split(/\s+/).length <= 3) return { label: t, number: ROMAN[numeral], rest: name };
  return null;
}
