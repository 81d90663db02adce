/** Statements at different levels of one ladder that differ only in a scope word ("within Teleport" → "across the industry"). */
import type { Statement } from '../types.ts';
import { words } from './text.ts';

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
 */
export function nearDuplicates<T extends Statement>(statements: readonly T[], scopeWords: ReadonlySet<string>, maxDiff = 4): NearDuplicate<T>[] {
  const rows = statements
    .filter((s) => s.kind !== 'placeholder' && s.kind !== 'attribute' && s.kind !== 'note' && s.text.trim())
    .map((s) => ({ s, w: words(s.text) }))
    .filter((r) => r.w.length >= 4);
  const out: NearDuplicate<T>[] = [];
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      const [x, y] = rows[i].s.levelOrder <= rows[j].s.levelOrder ? [rows[i], rows[j]] : [rows[j], rows[i]];
      if (x.s.level === y.s.level && x.s.variant === y.s.variant) continue;
      if (Math.abs(x.w.length - y.w.length) > maxDiff) continue;
      let pre = 0;
      while (pre < x.w.length && pre < y.w.length && x.w[pre] === y.w[pre]) pre++;
      let suf = 0;
      while (suf < x.w.length - pre && suf < y.w.length - pre && x.w[x.w.length - 1 - suf] === y.w[y.w.length - 1 - suf]) suf++;
      const onlyA = x.w.slice(pre, x.w.length - suf);
      const onlyB = y.w.slice(pre, y.w.length - suf);
      if (onlyA.length > maxDiff || onlyB.length > maxDiff) continue;
      if (pre + suf < 3 || pre + suf < 0.5 * Math.max(x.w.length, y.w.length)) continue;
      if (![...onlyA, ...onlyB].every((w) => scopeWords.has(w))) continue;
      out.push({ a: x.s, b: y.s, onlyA, onlyB });
    }
  }
  return out;
}
