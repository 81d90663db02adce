import type { Diagnostic, LevelInfo, Statement } from '../types.ts';
import type { DraftLevel } from './draft.ts';
import { findLevelLabel } from './level-label.ts';
import { sectionName } from './normalise-text.ts';

interface Pending {
  info: LevelInfo;
  draft: NonNullable<DraftLevel['inherits']>;
  /** The level entries of the ladder (company and track) the level belongs to. */
  ladder: { level: string; levelTitle: string; levelOrder: number }[];
}

const key = (s: string) => sectionName(s).toLowerCase();

/**
 * Turns each "this level includes that one" sentence into a relation between two levels of one
 * ladder (`LevelInfo.inherits`), across files: the words name a level label, a level title, or
 * "the previous level". Words naming no level of the ladder get a warning, and no relation.
 * `statements` holds each file's statements by `file\0company\0track\0level`.
 */
export function linkInheritance(pending: Pending[], statements: Map<string, Statement[]>, diagnostics: Diagnostic[]) {
  for (const { info, draft, ladder } of pending) {
    const labels = [...new Set(ladder.map((e) => e.level))];
    let target: string | undefined;
    if (draft.level && labels.includes(draft.level)) target = draft.level;
    else if (draft.previous) {
      // The nearest level below this one in the ladder's order.
      target = ladder.filter((e) => e.levelOrder < info.levelOrder).sort((a, b) => b.levelOrder - a.levelOrder)[0]?.level;
    } else {
      const wanted = key(draft.text);
      target = ladder.find((e) => key(e.level) === wanted || key(e.levelTitle) === wanted)?.level ?? (() => {
        const code = findLevelLabel(draft.text)?.label;
        return code && labels.includes(code) ? code : undefined;
      })();
    }
    const file = info.files[0];
    if (!target || target === info.level) {
      diagnostics.push({
        severity: 'warning', file, line: draft.line,
        message: `level ${info.level} says it includes "${draft.text}", which names no other level of ${info.companyName} ${info.track}; the levels are not linked (name the level by its label or title, e.g. "Everything in ${labels.find((l) => l !== info.level) ?? 'L2'}, plus:")`,
      });
      continue;
    }
    const own = statements.get(`${file}\u0000${info.company}\u0000${info.track}\u0000${info.level}`) ?? [];
    const said = own.find((s) => s.source.line === draft.line && s.kind === 'note') ?? own.find((s) => s.source.line === draft.line);
    info.inherits = { level: target, statement: said?.id ?? '' };
  }
}
