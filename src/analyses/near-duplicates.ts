/** Statements at different levels of one ladder that differ only in a scope word ("within Teleport" → "across the industry"). */
import type { Statement } from '../types.ts';
import { rowWordsOnce } from '../text/index.ts';

export interface NearDuplicate<T extends Statement = Statement> {
  a: T;
  b: T;
  /** Words only in a / only in b (empty for identical statements). */
  onlyA: string[];
  onlyB: string[];
}

/**
 * Pairs (a at a lower level than b) whose words match except one middle stretch of ≤ maxDiff words on each side,
 * where every differing word is a scope word. Shared words must be at least half of the longer statement.
 *
 * Such a pair differs only in scope words, so without its scope words each statement reads the same: statements
 * are indexed by that signature and only statements sharing one are compared (linear in the statements, plus the
 * pairs inside a signature, instead of every pair sharing its first or last two words).
 */
export function nearDuplicates<T extends Statement>(statements: readonly T[], scopeWords: ReadonlySet<string>, maxDiff = 4): NearDuplicate<T>[] {
  const rows = statements
    .filter((s) => s.kind !== 'placeholder' && s.kind !== 'attribute' && s.kind !== 'note' && !s.flags.includes('placeholder') && s.text.trim())
    .map((s, i) => ({ s, w: rowWordsOnce(s), i }))
    .filter((r) => r.w.length >= 4);
  const buckets = new Map<string, typeof rows>();
  for (const r of rows) {
    const signature = r.w.filter((w) => !scopeWords.has(w)).join(' ');
    const b = buckets.get(signature);
    if (b) b.push(r);
    else buckets.set(signature, [r]);
  }
  const out: { i: number; j: number; d: NearDuplicate<T> }[] = [];
  for (const bucket of buckets.values()) {
    for (let p = 0; p < bucket.length; p++) {
      for (let q = p + 1; q < bucket.length; q++) {
        const d = compare(bucket[p], bucket[q], scopeWords, maxDiff);
        if (d) out.push({ i: bucket[p].i, j: bucket[q].i, d });
      }
    }
  }
  return out.sort((a, b) => a.i - b.i || a.j - b.j).map((x) => x.d);
}

function compare<T extends Statement>(r1: { s: T; w: readonly string[] }, r2: { s: T; w: readonly string[] }, scopeWords: ReadonlySet<string>, maxDiff: number): NearDuplicate<T> | null {
  const [x, y] = r1.s.levelOrder <= r2.s.levelOrder ? [r1, r2] : [r2, r1];
  if (x.s.level === y.s.level && x.s.variant === y.s.variant) return null;
  if (Math.abs(x.w.length - y.w.length) > maxDiff) return null;
  let pre = 0;
  while (pre < x.w.length && pre < y.w.length && x.w[pre] === y.w[pre]) pre++;
  let suf = 0;
  while (suf < x.w.length - pre && suf < y.w.length - pre && x.w[x.w.length - 1 - suf] === y.w[y.w.length - 1 - suf]) suf++;
  const onlyA = x.w.slice(pre, x.w.length - suf);
  const onlyB = y.w.slice(pre, y.w.length - suf);
  if (onlyA.length > maxDiff || onlyB.length > maxDiff) return null;
  if (pre + suf < 3 || pre + suf < 0.5 * Math.max(x.w.length, y.w.length)) return null;
  if (![...onlyA, ...onlyB].every((w) => scopeWords.has(w))) return null;
  return { a: x.s, b: y.s, onlyA, onlyB };
}
