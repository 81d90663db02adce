/**
 * Reading a statement by its section: sections that hold no scale evidence ("Experience (typical)": years of
 * experience are not a horizon), short cells under a scope-like heading read like an impact-radius attribute
 * ("Scope: Team/Multi-team"), and short cells under a title heading read as the level's title.
 */
import type { Statement } from '../types.ts';
import { normaliseText, rowNormalWordCount } from './text.ts';

/** The `sections` block of data/scale-cues.json. */
export interface SectionRules {
  /** Section names (any part of the path) whose statements and attributes say nothing about level. */
  ignore: string[];
  /** Short statements under these section names are read with the named attribute's rule. */
  asAttribute: { match: string[]; attribute: string; maxWords: number; weight: number }[];
  /** Short statements under these section names are read with the title cues. */
  asTitle: { match: string[]; maxWords: number };
}

export const NO_SECTION_RULES: SectionRules = { ignore: [], asAttribute: [], asTitle: { match: [], maxWords: 0 } };

const partsMemo = new Map<string, string[]>();

/** Section path parts, parenthesised asides dropped and normalised: "Experience (typical)" → "experience". */
export function sectionKeys(section: string): string[] {
  let hit = partsMemo.get(section);
  if (!hit) {
    if (partsMemo.size > 10_000) partsMemo.clear();
    hit = section
      .split('›')
      .map((p) => normaliseText(p.replace(/\([^)]*\)/g, ' ')))
      .filter(Boolean);
    partsMemo.set(section, hit);
  }
  return hit;
}

const sets = new WeakMap<string[], Set<string>>();
/** Whether any key is one of the (normalised) names in `list`; the normalised set is built once per list. */
function has(list: string[], keys: string[]): boolean {
  if (!keys.length || !list.length) return false;
  let set = sets.get(list);
  if (!set) sets.set(list, (set = new Set(list.map(normaliseText))));
  return keys.some((k) => set.has(k));
}

/** True when the statement's section, or its attribute's name or label, is one the lexicon ignores. */
export function ignoredBySection(s: Statement, rules: SectionRules): boolean {
  if (!rules.ignore.length) return false;
  const keys = s.attribute ? [...sectionKeys(s.section), ...sectionKeys(s.attribute.name), ...sectionKeys(s.attribute.label ?? '')] : sectionKeys(s.section);
  return has(rules.ignore, keys);
}

/**
 * The attribute rule a statement is read with by its heading, or null: a short statement under a scope-like
 * section (at the rule's cell weight), or an attribute named like one ("**Scope**: Team", at the attribute's weight).
 */
export function sectionAttribute(s: Statement, rules: SectionRules): { attribute: string; weight: number | null } | null {
  if (!rules.asAttribute.length) return null;
  if (s.kind === 'attribute') {
    if (!s.attribute) return null;
    const keys = [...sectionKeys(s.attribute.name), ...sectionKeys(s.attribute.label ?? '')];
    const r = rules.asAttribute.find((a) => has(a.match, keys));
    return r ? { attribute: r.attribute, weight: null } : null;
  }
  const keys = sectionKeys(s.section);
  const r = rules.asAttribute.find((a) => has(a.match, keys) && rowNormalWordCount(s) <= a.maxWords);
  return r ? { attribute: r.attribute, weight: r.weight } : null;
}

/** True when a short statement sits under a title heading ("Title: Senior Software Engineer"). */
export function isTitleCell(s: Statement, rules: SectionRules): boolean {
  return rules.asTitle.maxWords > 0 && s.kind !== 'attribute' && has(rules.asTitle.match, sectionKeys(s.section)) && rowNormalWordCount(s) <= rules.asTitle.maxWords;
}
