/**
 * The statement pairs that back a level mapping: per primary competency, the source and target statements with the
 * highest word overlap (Jaccard of content words, rounded to 3 decimals), then the smallest source id, then the
 * smallest target id; the competencies ranked by their pair.
 *
 * One source level is compared with many target levels (one per ladder), so the source side is indexed once:
 * each content word lists the source statements holding it, and a target statement then meets only the source
 * statements it shares a word with, instead of every source statement of its competency.
 */
import type { ClassifiedStatement } from '../types.ts';
import { contentTokens } from './text.ts';
import type { StatementPair } from './types.ts';

/**
 * A level's statements that can support a mapping, grouped by primary competency (groups in first-seen order,
 * each group in id order), with each statement's distinct content-word ids, ascending.
 */
export interface SupportRows {
  /** The competency of each group. */
  competencies: string[];
  groupOf: Map<string, number>;
  /** Group g is statements `start[g] .. start[g + 1])`. */
  start: Int32Array;
  statements: ClassifiedStatement[];
  words: Int32Array[];
  /** The group of each statement. */
  group: Int32Array;
  /** Each statement's place in id order over the whole level (equal ids, equal rank): ids compared as numbers. */
  rank: Int32Array;
  /** Each statement as a pair shows it; shared by every pair that names the statement (results are read, never mutated). */
  refs: { id: string; text: string }[];
}

/** A source level's rows with, for each word, the source statements holding it (a linked list over `posting`). */
export interface SupportSource {
  rows: SupportRows;
  /** Posting p: statement `holder[p]` holds word `word[p]`; `next[p]` is the word's next posting (−1 at the end). */
  word: Int32Array;
  holder: Int32Array;
  next: Int32Array;
  /** Scratch for one target statement: shared words per source statement, and which ones were touched. */
  counts: Int32Array;
  touched: Int32Array;
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
  const group: number[] = [];
  competencies.forEach((c, g) => {
    // Stable sort: equal ids keep their input order, so the first of them still wins a tie.
    for (const s of grouped.get(c)!.sort(byId)) (ordered.push(s), group.push(g));
    start[g + 1] = ordered.length;
  });
  return {
    competencies,
    groupOf: new Map(competencies.map((c, g) => [c, g])),
    start,
    statements: ordered,
    words: ordered.map((s) => contentIds(s.text)),
    group: Int32Array.from(group),
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

/** Index a source level's rows by word (see SupportSource). Linear in its words. */
export function supportSource(rows: SupportRows): SupportSource {
  let total = 0;
  for (const w of rows.words) total += w.length;
  const word = new Int32Array(total);
  const holder = new Int32Array(total);
  let p = 0;
  rows.words.forEach((ws, i) => {
    for (let k = 0; k < ws.length; k++) (word[p] = ws[k]), (holder[p++] = i);
  });
  const n = rows.statements.length;
  return { rows, word, holder, next: new Int32Array(total), counts: new Int32Array(n), touched: new Int32Array(n) };
}

/** Pairs of statements (same primary competency) that best show what two levels share. */
export function supportPairs(a: readonly ClassifiedStatement[], b: readonly ClassifiedStatement[], limit: number): StatementPair[] {
  return bestPairs(supportSource(supportRows(a)), supportRows(b), limit);
}

/**
 * The best pair of each competency the two levels share, then the competencies by their best pair (overlap, source
 * id, target id), at most `limit`. A pair sharing no word scores 0, so when no pair of a competency shares a word,
 * its pair is the first statement of each side, as when every pair is compared in id order.
 */
export function bestPairs(source: SupportSource, target: SupportRows, limit: number): StatementPair[] {
  if (limit <= 0) return [];
  scatter(source);
  const { rows, holder, next, counts, touched } = source;
  const marks = headMarks;
  const first = heads;
  const mark = headMark;
  // The best pair of each competency, kept in order (overlap, source id, target id) while at most `limit` are kept.
  const kept: { i: number; j: number; similarity: number }[] = [];
  for (let g = 0; g < rows.competencies.length; g++) {
    const tg = target.groupOf.get(rows.competencies[g]);
    if (tg === undefined) continue;
    let topI = rows.start[g];
    let topJ = target.start[tg];
    let top = 0;
    for (let j = target.start[tg]; j < target.start[tg + 1]; j++) {
      const tj = target.words[j];
      const m = tj.length;
      // Count the words statement j shares with each source statement of this competency.
      let hit = 0;
      for (let k = 0; k < m; k++) {
        const w = tj[k];
        if (w >= marks.length || marks[w] !== mark) continue;
        for (let p = first[w]; p >= 0; p = next[p]) {
          const i = holder[p];
          if (rows.group[i] !== g) continue;
          if (counts[i]++ === 0) touched[hit++] = i;
        }
      }
      for (let t = 0; t < hit; t++) {
        const i = touched[t];
        const inter = counts[i];
        counts[i] = 0;
        const similarity = r3(inter / (rows.words[i].length + m - inter));
        // Highest overlap, then the smaller source index, then the smaller target index (both sides are in id order).
        if (similarity > top || (similarity === top && similarity > 0 && (i < topI || (i === topI && j < topJ)))) (top = similarity), (topI = i), (topJ = j);
      }
    }
    // Insert after every kept pair that does not rank below it (a stable sort, cut at `limit`).
    let at = kept.length;
    while (at > 0 && ranksBelow(kept[at - 1], topI, topJ, top, rows, target)) at--;
    if (at < limit) {
      kept.splice(at, 0, { i: topI, j: topJ, similarity: top });
      if (kept.length > limit) kept.pop();
    }
  }
  return kept.map(({ i, j, similarity }) => ({ competency: rows.competencies[rows.group[i]], source: rows.refs[i], target: target.refs[j], similarity }));
}

/** True when pair x comes after pair (i, j, similarity): lower overlap, or equal and a larger source id, or equal that and a larger target id. */
function ranksBelow(x: { i: number; j: number; similarity: number }, i: number, j: number, similarity: number, a: SupportRows, b: SupportRows): boolean {
  if (x.similarity !== similarity) return x.similarity < similarity;
  if (a.rank[x.i] !== a.rank[i]) return a.rank[x.i] > a.rank[i];
  return b.rank[x.j] > b.rank[j];
}

/** Content-word ids (this module's own, stable for the process): a word keeps its id, so rows built at any time compare. */
const termIds = new Map<string, number>();

/** Distinct content-word ids of a text, ascending. */
function contentIds(text: string): Int32Array {
  const set = new Set<number>();
  for (const w of contentTokens(text)) {
    let id = termIds.get(w);
    if (id === undefined) termIds.set(w, (id = termIds.size));
    set.add(id);
  }
  return Int32Array.from(set).sort();
}

/**
 * The first posting of each word of the source last scattered, valid where `headMarks[word] === headMark` (a fresh
 * mark per scatter, so nothing is cleared). Shared scratch: a source re-scatters itself whenever another was used in between.
 */
let heads = new Int32Array(1024);
let headMarks = new Int32Array(1024);
let headMark = 0;
let scattered: SupportSource | undefined;

function scatter(source: SupportSource): void {
  if (scattered === source) return;
  if (heads.length < termIds.size) {
    const size = Math.max(termIds.size, heads.length * 2);
    (heads = new Int32Array(size)), (headMarks = new Int32Array(size)), (headMark = 0);
  }
  if (headMark === 0x7fffffff) (headMarks.fill(0), (headMark = 0));
  const mark = ++headMark;
  const { word, next } = source;
  // Backwards, so each word's list runs in statement order.
  for (let p = word.length - 1; p >= 0; p--) {
    const w = word[p];
    next[p] = headMarks[w] === mark ? heads[w] : -1;
    heads[w] = p;
    headMarks[w] = mark;
  }
  scattered = source;
}
