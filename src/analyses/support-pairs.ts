/**
 * The statement pairs that back a level mapping: per primary competency, the source and target statements with the
 * highest word overlap (Jaccard of content words, rounded to 3 decimals), then the smallest source id, then the
 * smallest target id; the competencies ranked by their pair.
 *
 * One source level is compared with many target levels (the best level of every other ladder), so the work is done
 * competency by competency for all targets at once: the source statements of one competency are indexed by word
 * (each word lists the statements holding it), and each target statement of that competency then meets only the
 * source statements it shares a word with, instead of every one of them.
 */
import type { ClassifiedStatement } from '../types.ts';
import { distinctWords } from './statement-words.ts';
import type { StatementPair } from './types.ts';

/**
 * A level's statements that can support a mapping, grouped by primary competency (groups in first-seen order,
 * each group in id order), with each statement's distinct content-word ids, ascending, in one flat array.
 */
export interface SupportRows {
  /** The competency of each group. */
  competencies: string[];
  /** Process-wide id of each group's competency, and the group of each competency id (−1: none). */
  competencyIds: Int32Array;
  groupById: Int32Array;
  /** Group g is statements `start[g] .. start[g + 1])`. */
  start: Int32Array;
  statements: ClassifiedStatement[];
  /** The words of statement i are `words[wordStart[i] .. wordStart[i + 1])`. */
  wordStart: Int32Array;
  words: Int32Array;
  /** Each statement's place in id order over the whole level (equal ids, equal rank): ids compared as numbers. */
  rank: Int32Array;
  /** Each statement as a pair shows it; shared by every pair that names the statement (results are read, never mutated). */
  refs: { id: string; text: string }[];
}

const byId = (x: ClassifiedStatement, y: ClassifiedStatement) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Statements that can support a mapping: a primary competency, and not a placeholder. */
export function supportRows(statements: readonly ClassifiedStatement[]): SupportRows {
  const grouped = new Map<string, ClassifiedStatement[]>();
  for (const s of statements) {
    if (!s.competency || s.kind === 'placeholder') continue;
    const list = grouped.get(s.competency);
    if (list) list.push(s);
    else grouped.set(s.competency, [s]);
  }
  const competencies = [...grouped.keys()];
  const start = new Int32Array(competencies.length + 1);
  const ordered: ClassifiedStatement[] = [];
  competencies.forEach((c, g) => {
    // Stable sort: equal ids keep their input order, so the first of them still wins a tie.
    ordered.push(...grouped.get(c)!.sort(byId));
    start[g + 1] = ordered.length;
  });
  const competencyIds = Int32Array.from(competencies, competencyId);
  const groupById = new Int32Array(Math.max(0, ...competencyIds) + 1).fill(-1);
  competencyIds.forEach((id, g) => (groupById[id] = g));
  const perStatement = ordered.map(distinctWords);
  const wordStart = new Int32Array(ordered.length + 1);
  perStatement.forEach((w, i) => (wordStart[i + 1] = wordStart[i] + w.length));
  const words = new Int32Array(wordStart[ordered.length]);
  perStatement.forEach((w, i) => words.set(w, wordStart[i]));
  return {
    competencies,
    competencyIds,
    groupById,
    start,
    statements: ordered,
    wordStart,
    words,
    rank: idRanks(ordered),
    refs: ordered.map((s) => ({ id: s.id, text: s.text })),
  };
}

function idRanks(statements: readonly ClassifiedStatement[]): Int32Array {
  const order = [...statements.keys()].sort((x, y) => byId(statements[x], statements[y]));
  const rank = new Int32Array(statements.length);
  order.forEach((s, r) => (rank[s] = r > 0 && statements[order[r - 1]].id === statements[s].id ? rank[order[r - 1]] : r));
  return rank;
}

/** Pairs of statements (same primary competency) that best show what two levels share. */
export function supportPairs(a: readonly ClassifiedStatement[], b: readonly ClassifiedStatement[], limit: number): StatementPair[] {
  return supportPairsEach(supportRows(a), [supportRows(b)], limit)[0];
}

/**
 * For one source level, its support pairs with each target level: per competency they share, the best pair (a pair
 * sharing no word scores 0, so when none shares a word it is the first statement of each side, as when every pair is
 * compared in id order), then the competencies by their pair (overlap, source id, target id), at most `limit`.
 */
export function supportPairsEach(source: SupportRows, targets: readonly SupportRows[], limit: number): StatementPair[][] {
  if (limit <= 0) return targets.map(() => []);
  const G = source.competencies.length;
  // Best pair of target t and source competency g at t * G + g: source and target statement (−1: not shared), overlap.
  const found = foundSlots(targets.length * G);
  const scratch = new Scratch(source);
  for (let g = 0; g < G; g++) {
    scratch.index(g);
    const id = source.competencyIds[g];
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t];
      const tg = id < target.groupById.length ? target.groupById[id] : -1;
      if (tg >= 0) scratch.best(g, target, tg, found, t * G + g);
    }
  }
  return targets.map((target, t) => ranked(found, t * G, G, limit, source, target));
}

interface Found {
  i: Int32Array;
  j: Int32Array;
  similarity: Float64Array;
}

/**
 * The best-pair slots, shared by every search (each is ranked to its end before the next starts) and grown by
 * doubling, as the other scratch here: allocated per search they were a quarter of a megabyte of garbage for each
 * level mapped against a thousand. Slots from an earlier search are never read: `i` is reset to −1, and `j` and `similarity` are read only where `i`
 * was written.
 */
let shared: Found = { i: new Int32Array(0), j: new Int32Array(0), similarity: new Float64Array(0) };
function foundSlots(size: number): Found {
  if (shared.i.length < size) {
    const n = Math.max(size, 2 * shared.i.length);
    shared = { i: new Int32Array(n), j: new Int32Array(n), similarity: new Float64Array(n) };
  }
  shared.i.fill(-1, 0, size);
  return shared;
}

/** The pairs of one target (slots `from .. from + G`) by overlap, source id, target id (stable: equal pairs keep competency order), at most `limit`. */
function ranked(found: Found, from: number, G: number, limit: number, a: SupportRows, b: SupportRows): StatementPair[] {
  // Never more than G pairs are kept (and `limit` may be any number, Infinity included).
  const kept = keptSlots(Math.min(G, Math.ceil(limit)));
  let n = 0;
  for (let k = from; k < from + G; k++) {
    if (found.i[k] < 0) continue;
    // Insert after every kept pair that does not rank below it.
    let at = n;
    while (at > 0 && ranksBelow(found, kept[at - 1], k, a, b)) at--;
    if (at >= limit) continue;
    if (n < limit) n++;
    kept.copyWithin(at + 1, at, n - 1);
    kept[at] = k;
  }
  const pairs: StatementPair[] = [];
  for (let r = 0; r < n; r++) {
    const k = kept[r];
    pairs.push({ competency: a.competencies[k - from], source: a.refs[found.i[k]], target: b.refs[found.j[k]], similarity: found.similarity[k] });
  }
  return pairs;
}

/** Scratch slots for the pairs kept while ranking (shared; a ranking runs to its end before the next starts). */
let slots = new Int32Array(16);
const keptSlots = (size: number) => (slots.length >= size ? slots : (slots = new Int32Array(size)));

/** True when pair x comes after pair y: lower overlap, or equal and a larger source id, or equal that and a larger target id. */
function ranksBelow(f: Found, x: number, y: number, a: SupportRows, b: SupportRows): boolean {
  if (f.similarity[x] !== f.similarity[y]) return f.similarity[x] < f.similarity[y];
  if (a.rank[f.i[x]] !== a.rank[f.i[y]]) return a.rank[f.i[x]] > a.rank[f.i[y]];
  return b.rank[f.j[x]] > b.rank[f.j[y]];
}

/**
 * First posting of each word in the source competency indexed last, valid where `marks[w] === mark`: a fresh mark per
 * competency, so nothing is ever cleared. Shared by every search (each runs to the end before another starts).
 */
let heads = new Int32Array(1024);
let marks = new Int32Array(1024);
let mark = 0;

/**
 * The word index of one source competency at a time, in `heads`: posting p (an offset into the source's flat word
 * array) belongs to statement `holder[p]` and continues at `next[p]` (−1 at the end).
 */
class Scratch {
  private readonly holder: Int32Array;
  private readonly next: Int32Array;
  /** Words shared with the current target statement, per source statement; and the statements touched. */
  private readonly counts: Int32Array;
  private readonly touched: Int32Array;

  constructor(private readonly rows: SupportRows) {
    let top = 0;
    for (let p = 0; p < rows.words.length; p++) top = Math.max(top, rows.words[p] + 1);
    if (heads.length < top) (heads = new Int32Array(Math.max(top, heads.length * 2))), (marks = new Int32Array(heads.length)), (mark = 0);
    const n = rows.statements.length;
    this.holder = new Int32Array(rows.words.length);
    for (let i = 0; i < n; i++) this.holder.fill(i, rows.wordStart[i], rows.wordStart[i + 1]);
    this.next = new Int32Array(rows.words.length);
    this.counts = new Int32Array(n);
    this.touched = new Int32Array(n);
  }

  /** Index the words of source group g (backwards, so each word's list runs in statement order). */
  index(g: number): void {
    const { rows, next } = this;
    if (mark === 0x7fffffff) (marks.fill(0), (mark = 0));
    mark++;
    for (let p = rows.wordStart[rows.start[g + 1]] - 1; p >= rows.wordStart[rows.start[g]]; p--) {
      const w = rows.words[p];
      next[p] = marks[w] === mark ? heads[w] : -1;
      heads[w] = p;
      marks[w] = mark;
    }
  }

  /** The best pair of source group g (indexed) and target group tg into `found` at k: highest overlap, then smaller source, then smaller target index. */
  best(g: number, target: SupportRows, tg: number, found: Found, k: number): void {
    const { rows, holder, next, counts, touched } = this;
    const [first, marked, current] = [heads, marks, mark];
    const sourceWords = rows.wordStart;
    const firstSource = rows.start[g];
    let topI = firstSource;
    let topJ = target.start[tg];
    let top = 0;
    const { words, wordStart } = target;
    for (let j = target.start[tg]; j < target.start[tg + 1]; j++) {
      const from = wordStart[j];
      const to = wordStart[j + 1];
      const m = to - from;
      let hit = 0;
      for (let q = from; q < to; q++) {
        const w = words[q];
        if (w >= marked.length || marked[w] !== current) continue;
        for (let p = first[w]; p >= 0; p = next[p]) {
          const i = holder[p];
          if (counts[i]++ === 0) touched[hit++] = i;
        }
      }
      for (let h = 0; h < hit; h++) {
        const i = touched[h];
        const inter = counts[i];
        counts[i] = 0;
        const similarity = r3(inter / (sourceWords[i + 1] - sourceWords[i] + m - inter));
        if (similarity > top || (similarity === top && similarity > 0 && i < topI)) (top = similarity), (topI = i), (topJ = j);
      }
      // A perfect overlap with the first source statement cannot be beaten by any later target statement.
      if (top === 1 && topI === firstSource) break;
    }
    (found.i[k] = topI), (found.j[k] = topJ), (found.similarity[k] = top);
  }
}

/** Competency ids (process-wide), so that a target's group of a competency is an array look-up. */
const competencyIdOf = new Map<string, number>();
function competencyId(competency: string): number {
  let id = competencyIdOf.get(competency);
  if (id === undefined) competencyIdOf.set(competency, (id = competencyIdOf.size));
  return id;
}
