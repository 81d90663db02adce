import { compareText } from '../text/compare-text.ts';
import type { LevelLike } from './level-key.ts';

const NUMBERED = /^(\D*?)\s*(\d+(?:\.\d+)?)$/;

/** Natural order of level labels: by prefix, then number (`L2` < `L10`); unnumbered labels tie, after numbered ones. */
export function compareLevelLabels(a: string, b: string): number {
  const pa = NUMBERED.exec(a);
  const pb = NUMBERED.exec(b);
  if (pa && pb) return compareText(pa[1], pb[1]) || Number(pa[2]) - Number(pb[2]);
  if (pa) return -1;
  if (pb) return 1;
  return 0;
}

/** The one order of levels in every table: company, track, level order, label, variant (fixed collation). */
export function compareLevels(a: LevelLike & { levelOrder: number }, b: LevelLike & { levelOrder: number }): number {
  return (
    compareText(a.company, b.company) ||
    compareText(a.track, b.track) ||
    a.levelOrder - b.levelOrder ||
    compareLevelLabels(a.level, b.level) ||
    compareText(a.level, b.level) ||
    compareText(a.variant ?? '', b.variant ?? '')
  );
}
