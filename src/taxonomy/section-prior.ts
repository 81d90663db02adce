import { compilePhrases, matchPhrases, type PhraseIndex } from './match-phrases.ts';
import { tokenise } from '../text/index.ts';
import type { CompetencyScore } from '../types.ts';
import type { PriorRule, SectionPriors } from './types.ts';

const cache = new WeakMap<SectionPriors, PhraseIndex<number>>();

function compileRules(priors: SectionPriors): PhraseIndex<number> {
  let index = cache.get(priors);
  if (!index) {
    index = compilePhrases(priors.rules.flatMap((rule, i) => rule.match.map((phrase) => ({ phrase, value: i }))));
    cache.set(priors, index);
  }
  return index;
}

/** Split a section path (`Craft › Security Execution`, `A > B`) into its parts, most specific last. */
export function sectionParts(section: string): string[] {
  return section.split(/\s*(?:›|»|>)\s*/).map((p) => p.trim()).filter(Boolean);
}

/**
 * The prior for a native section: the rules matching its most specific part that matches any rule,
 * averaged and normalised to sum 1, highest first. Null when no part matches.
 */
export function sectionPrior(section: string, priors: SectionPriors): SectionPriorResult | null {
  let memo = results.get(priors);
  if (!memo) results.set(priors, (memo = new Map()));
  if (!memo.has(section)) memo.set(section, computePrior(section, priors));
  return memo.get(section)!;
}

/** The rules a section matched and the prior they give. */
export interface SectionPriorResult {
  rules: PriorRule[];
  competencies: CompetencyScore[];
}

const results = new WeakMap<SectionPriors, Map<string, SectionPriorResult | null>>();

function computePrior(section: string, priors: SectionPriors): SectionPriorResult | null {
  const index = compileRules(priors);
  const parts = sectionParts(section);
  for (let p = parts.length - 1; p >= 0; p--) {
    const ruleIds = [...new Set(matchPhrases(tokenise(parts[p]), index).map((m) => m.value))].sort((a, b) => a - b);
    if (ruleIds.length === 0) continue;
    const rules = ruleIds.map((i) => priors.rules[i]);
    const sum = new Map<string, number>();
    for (const rule of rules) {
      const total = Object.values(rule.weights).reduce((a, b) => a + b, 0);
      for (const [id, w] of Object.entries(rule.weights)) sum.set(id, (sum.get(id) ?? 0) + w / total / rules.length);
    }
    const competencies = [...sum].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
    return { rules, competencies };
  }
  return null;
}
