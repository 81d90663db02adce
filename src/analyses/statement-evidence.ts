/** Scale evidence in one statement: cue phrases and parsed attribute values → values on the 1–7 scale. */
import type { Statement } from '../types.ts';
import { compileCues, type CueNode, wordShape, type AttributeRule, type ScaleCue, type ScaleCues } from './scale-cues.ts';
import type { ScaleEvidence } from './types.ts';
import { KIND_WEIGHTS } from './kind-weights.ts';
import { type NormalWords, normaliseText, normalWordNumber, rowNormalText, rowNormalWords } from './text.ts';
import { interpolateLog } from './interpolate-log.ts';
import { findDurations, monthsOf } from './durations.ts';
import { ignoredBySection, isTitleCell, NO_SECTION_RULES, sectionAttribute } from './section-rules.ts';

export { interpolateLog };

interface Hit {
  cue: ScaleCue;
  start: number;
  end: number;
  match: string;
}

/** Cue hits in a text, left to right, not overlapping; at one position the longest phrase wins. */
export function findCueHits(text: string, cues: ScaleCue[]): Hit[] {
  return findCueHitsNormalised(normaliseText(text), cues);
}

/**
 * As findCueHits, for text already passed through normaliseText (words between single spaces): left to right,
 * at each word the longest phrase starting there, then on after it.
 */
export function findCueHitsNormalised(norm: string, cues: ScaleCue[]): Hit[] {
  const { root, first: begins } = compileCues(cues);
  const out: Hit[] = [];
  const first = root.next;
  if (!first) return out;
  const n = norm.length;
  for (let i = 0; i < n; ) {
    let end = norm.indexOf(' ', i);
    if (end < 0) end = n;
    const wordEnd = end;
    let node = begins[wordShape(end - i, norm.charCodeAt(i))] ? first.get(norm.slice(i, end)) : undefined;
    let best: ScaleCue | null = null;
    let bestEnd = -1;
    while (node) {
      if (node.cue) (best = node.cue), (bestEnd = end);
      if (!node.next || end >= n) break;
      const from = end + 1;
      end = norm.indexOf(' ', from);
      if (end < 0) end = n;
      node = node.next.get(norm.slice(from, end));
    }
    if (best) {
      out.push({ cue: best, start: i, end: bestEnd, match: norm.slice(i, bestEnd) });
      i = bestEnd + 1;
    } else {
      if (wordEnd >= n) break;
      i = wordEnd + 1;
    }
  }
  return out;
}

/** A cue trie ({@link compileCues}) with each word by its {@link normalWordNumber}. */
interface NumberedNode {
  next: Map<number, NumberedNode> | null;
  cue: ScaleCue | null;
}

const numberedTries = new WeakMap<ScaleCue[], NumberedNode | null>();

/** The cues' trie by word numbers (memoised per cue list); null when some word of it could not be numbered. */
function numberedTrie(cues: ScaleCue[]): NumberedNode | null {
  let trie = numberedTries.get(cues);
  if (trie === undefined) {
    const copy = (node: CueNode): NumberedNode | null => {
      const out: NumberedNode = { next: null, cue: node.cue };
      if (node.next) {
        out.next = new Map();
        for (const [word, child] of node.next) {
          const id = normalWordNumber(word);
          const c = id < 0 ? null : copy(child);
          if (!c) return null;
          out.next.set(id, c);
        }
      }
      return out;
    };
    numberedTries.set(cues, (trie = copy(compileCues(cues).root)));
  }
  return trie;
}

/**
 * {@link findCueHitsNormalised} of a text given with its words ({@link normalWords} of `norm`): the same hits, the
 * words looked up by number.
 */
export function findCueHitsInWords(norm: string, words: NormalWords, cues: ScaleCue[]): Hit[] {
  const trie = numberedTrie(cues);
  if (!trie) return findCueHitsNormalised(norm, cues);
  const out: Hit[] = [];
  const first = trie.next;
  if (!first) return out;
  const { ids } = words;
  const n = ids.length;
  // `from`: where word `counted` starts, after the text's counted-th space (single spaces between words); counted on
  // only as far as a hit needs (hits come in text order: one pass over the text at most, none without a hit).
  let counted = 0;
  let from = 0;
  for (let w = 0; w < n; ) {
    let node = ids[w] < 0 ? undefined : first.get(ids[w]);
    let best: ScaleCue | null = null;
    let bestWord = -1;
    let at = w;
    while (node) {
      if (node.cue) (best = node.cue), (bestWord = at);
      if (!node.next || at + 1 >= n) break;
      at++;
      node = ids[at] < 0 ? undefined : node.next.get(ids[at]);
    }
    if (best) {
      for (; counted < w; counted++) from = norm.indexOf(' ', from) + 1;
      const start = from;
      for (; counted <= bestWord && counted + 1 < n; counted++) from = norm.indexOf(' ', from) + 1;
      const end = bestWord + 1 < n ? from - 1 : norm.length;
      out.push({ cue: best, start, end, match: norm.slice(start, end) });
      w = bestWord + 1;
    } else w++;
  }
  return out;
}

/** Read a number range from attribute text when the ingestion did not: "6-12 months", "Team (5-15)", "2 cycles". */
export function parseRange(text: string): { min: number; max: number; unit?: string } | null {
  const m = /(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)\s*\+?\s*([a-z]+)?/i.exec(text) ?? /(\d+(?:\.\d+)?)\s*\+?\s*([a-z]+)?/i.exec(text);
  if (!m) return null;
  if (m.length === 4) return { min: Number(m[1]), max: Number(m[2]), unit: m[3]?.toLowerCase() };
  return { min: Number(m[1]), max: Number(m[1]), unit: m[2]?.toLowerCase() };
}

function attributeNumberValue(s: Statement, rule: AttributeRule, units: Record<string, number> | undefined): { value: number; match: string } | null {
  if (!rule.numbers || !rule.anchors || !s.attribute) return null;
  const a = s.attribute;
  let min = a.min;
  let max = a.max;
  let unit: string | undefined = a.unit;
  if (min === undefined && max === undefined) {
    const r = parseRange(a.value);
    if (!r) return null;
    ({ min, max } = r);
    unit = r.unit;
  }
  const lo = min ?? max!;
  const hi = max ?? min!;
  if (rule.numbers === 'people') {
    return { value: interpolateLog(Math.sqrt(Math.max(lo, 0.5) * Math.max(hi, 0.5)), rule.anchors), match: a.value };
  }
  // A span of time: the unit word converted by the lexicon's one units table (a cycle by the rule's cycleMonths).
  if (!unit) return null;
  const months = monthsOf(hi, unit, units, rule.cycleMonths);
  if (months === null) return null;
  return { value: interpolateLog(Math.max(months, 0.1), rule.anchors), match: a.value };
}

const GENERAL_ATTRIBUTE: AttributeRule = { weight: 1, useGeneralCues: true, cues: [] };
const combined = new WeakMap<ScaleCues, Map<AttributeRule, ScaleCue[]>>();

/** The cues an attribute is read with: its own, then (if it says so) the general ones. Stable array per lexicon and rule. */
function attributeCues(rule: AttributeRule, cues: ScaleCues): ScaleCue[] {
  let byRule = combined.get(cues);
  if (!byRule) combined.set(cues, (byRule = new Map()));
  let list = byRule.get(rule);
  if (!list) {
    list = rule.useGeneralCues ? [...rule.cues, ...cues.cues] : rule.cues;
    byRule.set(rule, list);
  }
  return list;
}

const dampenerCues = new WeakMap<ScaleCues, ScaleCue[]>();

/** Offset of the first dampener phrase in normalised text (its words given), or Infinity. */
function dampenerStart(norm: string, words: NormalWords, cues: ScaleCues): number {
  let list = dampenerCues.get(cues);
  if (!list) {
    list = [{ id: 'dampener', dimension: 'none', value: 1, weight: 0, phrases: cues.dampeners.phrases }];
    dampenerCues.set(cues, list);
  }
  const hits = findCueHitsInWords(norm, words, list);
  return hits.length ? hits[0].start : Infinity;
}

/** All scale evidence in a statement (empty for notes and placeholders). */
export function statementEvidence(s: Statement, cues: ScaleCues): ScaleEvidence[] {
  const kindWeight = KIND_WEIGHTS[s.kind]?.placement ?? 0;
  if (kindWeight <= 0 || s.flags.includes('placeholder')) return [];
  const out: ScaleEvidence[] = [];
  const push = (cue: string, dimension: string, match: string, value: number, weight: number, fact = false) => {
    const e: ScaleEvidence = { statementId: s.id, kind: s.kind, cue, match, dimension, value: Math.round(value * 100) / 100, weight: Math.round(weight * kindWeight * 1000) / 1000 };
    if (fact) e.fact = true;
    out.push(e);
  };

  const sections = cues.sections ?? NO_SECTION_RULES;
  if (ignoredBySection(s, sections)) return out;
  if (isTitleCell(s, sections)) {
    for (const h of titleHits(s.text, cues)) push(h.cue, h.dimension, h.match, h.value, h.weight);
    return out;
  }
  // A short cell under a scope-like heading ("Scope: Team/Multi-team") is read like that attribute.
  const asAttribute = sectionAttribute(s, sections);
  const cell = s.kind !== 'attribute' && asAttribute !== null;
  if ((s.kind === 'attribute' && s.attribute) || cell) {
    // An attribute the lexicon has no rule for ("Influence: whole org") is read with the general cues.
    const name = s.attribute && cues.attributes[s.attribute.name] ? s.attribute.name : asAttribute?.attribute ?? s.attribute!.name;
    const rule = cues.attributes[name] ?? GENERAL_ATTRIBUTE;
    const weight = cell ? asAttribute!.weight ?? rule.weight : rule.weight;
    const num = cell ? null : attributeNumberValue(s, rule, cues.durations?.units);
    if (num) {
      push(`attribute:${name}`, rule.numbers === 'people' ? 'scope' : 'horizon', num.match, num.value, weight, true);
      return out;
    }
    const hits = findCueHits(cell ? s.text : s.attribute!.value, attributeCues(rule, cues));
    const total = hits.reduce((t, h) => t + h.cue.weight, 0);
    // The attribute's weight is shared among its phrases, so a long value does not count more than a short one.
    for (const h of hits) push(h.cue.id, h.cue.dimension, h.match, h.cue.value, (weight * h.cue.weight) / total, true);
    return out;
  }
  const norm = rowNormalText(s);
  const words = rowNormalWords(s);
  const damp = dampenerStart(norm, words, cues);
  // A time span is read as a number ("two to four quarters"); cue phrases inside it ("four quarters") give way.
  const spans = cues.durations ? findDurations(norm, cues.durations, words) : [];
  for (const d of spans) push('duration', cues.durations!.dimension, d.match, d.value, cues.durations!.weight);
  for (const h of findCueHitsInWords(norm, words, cues.cues)) {
    if (spans.some((d) => h.start < d.end && d.start < h.end)) continue;
    const factor = h.start > damp && cues.dampeners.dimensions.includes(h.cue.dimension) ? cues.dampeners.factor : 1;
    const cap = qualifierCap(norm, h, cues);
    push(h.cue.id, h.cue.dimension, cap ? `${h.match} … ${cap.word}` : h.match, cap ? cap.max : h.cue.value, h.cue.weight * factor);
  }
  return out;
}

/**
 * A wide reach word qualified by a small unit right after it is as wide as that unit: "inside and outside of
 * the security team" reaches other teams, not the industry. Looks at the next `window` words only.
 */
function qualifierCap(norm: string, h: Hit, cues: ScaleCues): { max: number; word: string } | null {
  for (const q of cues.qualifiers ?? []) {
    if (!q.dimensions.includes(h.cue.dimension) || h.cue.value <= q.max) continue;
    // the first `window` words of the next 24 × window characters (the last one maybe cut short), as split(' ') gives them
    const next = norm.slice(h.end, h.end + 24 * q.window);
    let seen = 0;
    for (let i = 0; i < next.length && seen < q.window; ) {
      let end = next.indexOf(' ', i);
      if (end < 0) end = next.length;
      if (end > i) {
        const word = next.slice(i, end);
        if (q.after.includes(word)) return { max: q.max, word };
        seen++;
      }
      i = end + 1;
    }
  }
  return null;
}

/**
 * The title's reading: its highest seniority word ("Senior Security Operations Manager" → manager), stepped up by
 * a modifier word found beside it ("senior" +0.5 → senior manager); a roman numeral steps a seniority word up
 * ("Senior Engineer II") or stands alone ("SRE II"). One reading per title, so a long title does not count twice.
 */
export function titleHits(title: string, cues: ScaleCues, ignore: ReadonlySet<string> = NONE): { cue: string; dimension: string; match: string; value: number; weight: number }[] {
  const norm = normaliseText(title);
  const found = findCueHitsNormalised(norm, cues.titles.cues);
  const modifiers = cues.titles.modifiers ?? {};
  // Without its role word ("Senior" in "Senior Support Manager" once "manager" is the ladder's role name), a modifier
  // only says "one up within this ladder", which the ladder's order already says.
  const roleIgnored = found.some((h) => ignore.has(h.match));
  const all = found.filter((h) => !ignore.has(h.match) && !(roleIgnored && Object.hasOwn(modifiers, h.match)));
  const roles = all.filter((h) => !Object.hasOwn(modifiers, h.match));
  const mods = all.filter((h) => Object.hasOwn(modifiers, h.match));
  let hits = all.map((h) => ({ cue: h.cue.id, dimension: h.cue.dimension, match: h.match, value: h.cue.value, weight: h.cue.weight * cues.titles.weight }));
  if (roles.length && mods.length) {
    const top = roles.reduce((a, b) => (b.cue.value > a.cue.value ? b : a));
    const add = Math.max(...mods.map((m) => modifiers[m.match]));
    const value = top.cue.value > Math.max(...mods.map((m) => m.cue.value)) ? Math.min(7, top.cue.value + add) : top.cue.value;
    hits = [{ cue: top.cue.id, dimension: top.cue.dimension, match: `${mods.map((m) => m.match).join(' ')} … ${top.match}`, value, weight: top.cue.weight * cues.titles.weight }];
  } else if (hits.length > 1) {
    const top = hits.reduce((a, b) => (b.value > a.value ? b : a));
    hits = [top];
  }
  const n = cues.titles.numerals;
  const numeral = n ? norm.split(' ').reverse().find((w) => Object.hasOwn(n.values, w)) : undefined;
  if (!n || !numeral) return hits;
  if (!hits.length) return [{ cue: 'title-numeral', dimension: 'title', match: numeral, value: n.values[numeral], weight: n.weight * cues.titles.weight }];
  const step = Object.keys(n.values).indexOf(numeral) * n.step;
  return hits.map((h) => ({ ...h, match: `${h.match} ${numeral}`, value: Math.min(7, h.value + step) }));
}

const NONE: ReadonlySet<string> = new Set();

/** The title words (cue phrases) of a title, as matched: to find the words every level of a ladder shares. */
export function titleWords(title: string, cues: ScaleCues): Set<string> {
  return new Set(findCueHits(title, cues.titles.cues).map((h) => h.match));
}

/**
 * Evidence from a level title ("Senior Cloud Security Engineer" → senior). Statement id `<key>#title`.
 * `ignore`: title words that say nothing about this level, such as the role name every level of its ladder carries
 * ("Technical Program Manager").
 */
export function titleEvidence(title: string, key: string, cues: ScaleCues, ignore: ReadonlySet<string> = NONE): ScaleEvidence[] {
  if (!title || cues.titles.weight <= 0) return [];
  return titleHits(title, cues, ignore).map((h) => ({ statementId: `${key}#title`, kind: 'title' as const, ...h, weight: Math.round(h.weight * 1000) / 1000 }));
}
