/**
 * Time spans written in a statement ("over two to four quarters", "a sprint or two", "one to two years") read as a
 * planning horizon: the upper end of the span in months, placed on the 1–7 scale by the lexicon's anchors.
 */
import { escapeRegExp } from '../text/index.ts';
import { interpolateLog } from './interpolate-log.ts';
import { type NormalWords, normalWordNumber } from './text.ts';

/** The `durations` block of data/scale-cues.json. */
export interface DurationRule {
  /** Weight of one span (before the statement kind's weight). */
  weight: number;
  dimension: string;
  /** Unit word → months. */
  units: Record<string, number>;
  /** Number words (normalised text, may be several words: "a couple of") → number. */
  numbers: Record<string, number>;
  /** [months, scale value] pairs, interpolated on log(months). */
  anchors: [number, number][];
  /** A span followed by one of these words is not a horizon ("5 years of experience"). */
  ignoreAfter: string[];
  /** A span preceded by one of these words is a cadence or the past, not a horizon ("every two weeks"). */
  ignoreBefore: string[];
}

export interface DurationHit {
  start: number;
  end: number;
  match: string;
  months: number;
  value: number;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokens(norm: string): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  for (let m = re.exec(norm); m; m = re.exec(norm)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** A number phrase ending just before token index `end` (exclusive): digits ("3", "3+") or the longest number words. */
function numberBefore(ts: Token[], end: number, rule: DurationRule): { value: number; from: number } | null {
  const prev = ts[end - 1];
  if (!prev) return null;
  const digits = /^(\d+(?:\.\d+)?)\+?$/.exec(prev.word);
  if (digits) return { value: Number(digits[1]), from: end - 1 };
  for (let len = 3; len >= 1; len--) {
    if (end - len < 0) continue;
    const phrase = ts.slice(end - len, end).map((t) => t.word).join(' ');
    if (Object.hasOwn(rule.numbers, phrase)) return { value: rule.numbers[phrase], from: end - len };
  }
  return null;
}

/** A number phrase starting at token index `at`: its value and last token index. */
function numberAfter(ts: Token[], at: number, rule: DurationRule): { value: number; to: number } | null {
  if (at >= ts.length) return null;
  const digits = /^(\d+(?:\.\d+)?)\+?$/.exec(ts[at].word);
  if (digits) return { value: Number(digits[1]), to: at };
  for (let len = 3; len >= 1; len--) {
    if (at + len > ts.length) continue;
    const phrase = ts.slice(at, at + len).map((t) => t.word).join(' ');
    if (Object.hasOwn(rule.numbers, phrase)) return { value: rule.numbers[phrase], to: at + len - 1 };
  }
  return null;
}

const JOINERS = new Set(['to', 'or']);

const unitRes = new WeakMap<DurationRule, RegExp>();
/** One whole-word test for any unit word, so statements without a time word are skipped cheaply. */
function unitTest(rule: DurationRule): RegExp {
  let re = unitRes.get(rule);
  if (!re) {
    const units = Object.keys(rule.units).map(escapeRegExp);
    re = new RegExp(units.length ? `(?:^| )(?:${units.join('|')})(?= |$)` : '(?!)');
    unitRes.set(rule, re);
  }
  return re;
}

const unitNumbers = new WeakMap<DurationRule, Set<number> | null>();

/**
 * The numbers ({@link normalWordNumber}) of the unit words, when each is one word (no space, not empty): a text then has
 * a unit word when one of its words has one of these numbers. Null otherwise (memoised per rule).
 */
function unitWordNumbers(rule: DurationRule): Set<number> | null {
  let set = unitNumbers.get(rule);
  if (set === undefined) {
    const units = Object.keys(rule.units);
    const ids = units.every((u) => u !== '' && !u.includes(' ')) ? units.map((u) => normalWordNumber(u)) : [-1];
    unitNumbers.set(rule, (set = ids.includes(-1) ? null : new Set(ids)));
  }
  return set;
}

/** Whether the text holds a unit word: by its words' numbers when given, else by {@link unitTest}. */
function mayHaveUnit(norm: string, rule: DurationRule, words: NormalWords | undefined): boolean {
  const units = words ? unitWordNumbers(rule) : null;
  if (!words || !units) return unitTest(rule).test(norm);
  for (let i = 0; i < words.ids.length; i++) if (units.has(words.ids[i])) return true;
  return false;
}

/**
 * Spans of time in normalised text ("a few weeks to a couple of months", "two to four quarters", "a sprint or two",
 * "6 12 months" from "6-12 months", "days to weeks"), each read at its upper end. Spans followed by an ignoreAfter word
 * ("years of experience") or preceded by an ignoreBefore word ("every two weeks") are left out. `words`: the
 * {@link NormalWords} of `norm`, when the caller has them (the unit words are then looked for by number).
 */
export function findDurations(norm: string, rule: DurationRule, words?: NormalWords): DurationHit[] {
  if (!mayHaveUnit(norm, rule, words)) return [];
  const ts = tokens(norm);
  const isUnit = (i: number) => i >= 0 && i < ts.length && Object.hasOwn(rule.units, ts[i].word);
  const out: DurationHit[] = [];
  for (let i = 0; i < ts.length; i++) {
    if (!isUnit(i)) continue;
    // The lower end of a range ("a few weeks to a couple of months", "days to weeks") is read with its upper end.
    if (JOINERS.has(ts[i + 1]?.word ?? '')) {
      const n = numberAfter(ts, i + 2, rule);
      if (isUnit(i + 2) || (n && isUnit(n.to + 1))) continue;
    }
    if (isUnit(i + 1)) continue; // "a half day"
    let end = i;
    let upper: number;
    let from: number;
    // "one or more quarters", "3+ years": the number before "or more".
    const j = ts[i - 1]?.word === 'more' && ts[i - 2]?.word === 'or' ? i - 2 : i;
    const num = numberBefore(ts, j, rule);
    if (num) {
      upper = num.value;
      from = num.from;
    } else if (JOINERS.has(ts[i - 1]?.word ?? '') && ts[i].word.endsWith('s') && isUnit(i - 2)) {
      // "days to weeks", "several weeks or months": the larger unit, as many as the smaller (else a couple).
      const lower = numberBefore(ts, i - 2, rule);
      upper = lower?.value ?? 2;
      from = lower?.from ?? i - 2;
    } else continue;
    // "a sprint or two": the upper number follows the unit.
    if (JOINERS.has(ts[i + 1]?.word ?? '')) {
      const n = numberAfter(ts, i + 2, rule);
      if (n) {
        upper = Math.max(upper, n.value);
        end = n.to;
      }
    }
    // "two to four quarters", "6 12 months": a lower number before the upper one.
    if (JOINERS.has(ts[from - 1]?.word ?? '')) {
      const lower = isUnit(from - 2) ? numberBefore(ts, from - 2, rule)?.from ?? from - 2 : numberBefore(ts, from - 1, rule)?.from;
      if (lower !== undefined) from = lower;
    } else if (/^\d/.test(ts[from].word) && /^\d+(\.\d+)?$/.test(ts[from - 1]?.word ?? '')) from -= 1;
    const before = ts[from - 1]?.word;
    if (before && rule.ignoreBefore.includes(before)) continue;
    if (ts.slice(end + 1, end + 4).some((t) => rule.ignoreAfter.includes(t.word))) continue;
    const months = upper * rule.units[ts[i].word];
    out.push({ start: ts[from].start, end: ts[end].end, match: norm.slice(ts[from].start, ts[end].end), months, value: interpolateLog(Math.max(months, 0.01), rule.anchors) });
  }
  return out;
}

/**
 * Months in `n` of a unit word as ingestion recorded it ("quarters", "year", "cycles"): by the lexicon's one units
 * table (durations.units), a cycle by `cycleMonths` (a company's planning cycle: attributes.planningHorizon). Null
 * for a word the table does not know, or without a table.
 */
export function monthsOf(n: number, unit: string, units: Record<string, number> | undefined, cycleMonths?: number): number | null {
  const u = unit.toLowerCase();
  if (u === 'cycle' || u === 'cycles') return cycleMonths === undefined ? null : n * cycleMonths;
  return units && Object.hasOwn(units, u) ? n * units[u] : null;
}
