import type { HeadingBlock } from './blocks.ts';
import type { IngestRules } from './ingest-rules.ts';
import { findLevelLabel } from './level-label.ts';
import { sectionName } from './normalise-text.ts';
import { trimChars } from './trim-chars.ts';

/** A heading that starts a level in a file holding several levels. */
export interface LevelHeading {
  label: string;
  number: number | null;
  title: string;
}

/** The level headings of a file: all at one depth, and how they were recognised. */
export interface LevelHeadings {
  depth: number;
  levels: Map<HeadingBlock, LevelHeading>;
  by: 'code' | 'list' | 'title';
  /** Words the level titles share once rank words are gone ("Security Engineer"): the track, when found. */
  track?: string;
}

/** A level title is short: longer headings are sections, however they start. */
const MAX_TITLE_WORDS = 10;

const notWordChar = (c: string) => !/[\p{L}\p{N}]/u.test(c);
/** A word without the punctuation around it, lower case ("(Intermediate)," → "intermediate"). */
const bare = (w: string) => trimChars(w.toLowerCase(), notWordChar);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The rank phrase of a level title (`Senior` in "Senior Security Engineer"), as written, and the other words. */
export function titleRank(text: string, rules: IngestRules): { rank: number; phrase: string; rest: string } | null {
  const words = text.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > MAX_TITLE_WORDS || /[.!?;]$/.test(text)) return null;
  const lower = words.map(bare);
  for (let i = 0; i < words.length; i++) {
    const hit = rules.levelTitleRanks.find((r) => r.words.every((w, k) => lower[i + k] === w));
    if (!hit) continue;
    const phrase = words.slice(i, i + hit.words.length).join(' ');
    const written = trimChars(phrase, notWordChar);
    const rest = [...words.slice(0, i), ...words.slice(i + hit.words.length)].map(bare).filter(Boolean).join(' ');
    return { rank: hit.rank, phrase: written, rest };
  }
  return null;
}

/** Headings holding level codes (`## Level 1`, `## L2: Engineer`), two or more distinct at one depth. */
export function codedLevelHeadings(headings: HeadingBlock[]): LevelHeadings | null {
  const labelled = headings.map((h) => ({ h, label: findLevelLabel(h.text) })).filter((x) => !!x.label);
  const byDepth = new Map<number, Set<string>>();
  for (const x of labelled) byDepth.set(x.h.depth, (byDepth.get(x.h.depth) ?? new Set()).add(x.label!.label));
  const depth = [...byDepth].filter(([, s]) => s.size >= 2).map(([d]) => d).sort((a, b) => a - b)[0];
  if (depth === undefined) return null;
  const levels = new Map<HeadingBlock, LevelHeading>();
  for (const { h, label } of labelled) {
    if (h.depth === depth) levels.set(h, { label: label!.label, number: label!.number, title: label!.rest || `Level ${label!.label}` });
  }
  return { depth, levels, by: 'code' };
}

/**
 * Headings naming the levels a front-matter `levels:` list gives, lowest first: the heading equals an
 * entry, holds it as whole words ("Associate" in "Associate security engineer"), or is held by it.
 * Two or more at one depth; the entry is the level's label, its place in the list the order.
 */
export function listedLevelHeadings(headings: HeadingBlock[], list: string[]): LevelHeadings | null {
  const entries = list.map((e, i) => ({ label: e.trim(), key: ` ${sectionName(e).toLowerCase()} `, number: i + 1 })).filter((e) => e.key.trim());
  const byDepth = new Map<number, Map<HeadingBlock, (typeof entries)[number]>>();
  for (const h of headings) {
    const key = ` ${sectionName(h.text).toLowerCase()} `;
    const hit = entries.find((e) => e.key === key)
      ?? entries.filter((e) => key.includes(e.key)).sort((a, b) => b.key.length - a.key.length)[0]
      ?? entries.find((e) => e.key.includes(key));
    if (!hit) continue;
    const at = byDepth.get(h.depth) ?? new Map();
    if (![...at.values()].includes(hit)) at.set(h, hit);
    byDepth.set(h.depth, at);
  }
  const best = [...byDepth].filter(([, m]) => m.size >= 2).sort((a, b) => b[1].size - a[1].size || a[0] - b[0])[0];
  if (!best) return null;
  const levels = new Map<HeadingBlock, LevelHeading>();
  for (const [h, e] of best[1]) levels.set(h, { label: e.label, number: e.number, title: sectionName(h.text) });
  return { depth: best[0], levels, by: 'list' };
}

/**
 * Headings that are level titles ("Junior Engineer", "Senior Engineer", "Staff Engineer"): two or
 * more distinct ranks of `levelTitleRanks` at one depth. The rank orders them; the rank words are the
 * label ("Senior"), or the whole title where two levels share them. A heading of just the words the
 * others share ("Security Engineer" beside "Senior Security Engineer") is the unranked middle level.
 */
export function rankedLevelHeadings(headings: HeadingBlock[], rules: IngestRules): LevelHeadings | null {
  const ranked = headings.map((h) => ({ h, r: titleRank(sectionName(h.text), rules) })).filter((x) => !!x.r);
  const byDepth = new Map<number, Set<number>>();
  for (const x of ranked) byDepth.set(x.h.depth, (byDepth.get(x.h.depth) ?? new Set()).add(x.r!.rank));
  const depth = [...byDepth].filter(([, s]) => s.size >= 2).map(([d]) => d).sort((a, b) => a - b)[0];
  if (depth === undefined) return null;
  const atDepth = ranked.filter((x) => x.h.depth === depth);
  const rests = new Map<string, number>();
  for (const x of atDepth) if (x.r!.rest) rests.set(x.r!.rest, (rests.get(x.r!.rest) ?? 0) + 1);
  const track = [...rests].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const found: { h: HeadingBlock; label: string; number: number; title: string }[] = atDepth.map((x) => ({ h: x.h, label: capitalise(x.r!.phrase), number: x.r!.rank, title: sectionName(x.h.text) }));
  if (track) {
    for (const h of headings) {
      if (h.depth === depth && !found.some((f) => f.h === h) && sectionName(h.text).split(/\s+/).map(bare).filter(Boolean).join(' ') === track) {
        found.push({ h, label: sectionName(h.text), number: rules.unrankedRank, title: sectionName(h.text) });
      }
    }
  }
  const counts = new Map<string, number>();
  for (const f of found) counts.set(f.label.toLowerCase(), (counts.get(f.label.toLowerCase()) ?? 0) + 1);
  const levels = new Map<HeadingBlock, LevelHeading>();
  const order = new Map(headings.map((h, i) => [h, i]));
  for (const f of found.sort((a, b) => order.get(a.h)! - order.get(b.h)!)) {
    levels.set(f.h, { label: (counts.get(f.label.toLowerCase()) ?? 0) > 1 ? f.title : f.label, number: f.number, title: f.title });
  }
  return { depth, levels, by: 'title', ...(track ? { track: track.replace(/\b\p{L}/gu, (c) => c.toUpperCase()) } : {}) };
}
