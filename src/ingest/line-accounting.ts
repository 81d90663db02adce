import type { FileReport } from '../types.ts';

export interface Accounting {
  file: string;
  lines: number;
  nonBlank: number;
  statement: number;
  structure: number;
  skipped: number;
  /** Share of non-blank lines with a status (statement, structure, or skipped with a reason): 1 when nothing is lost. */
  accounted: number;
}

/** Reconciliation of one file's lines: every non-blank line is a statement, structure, or skipped with a reason. */
export function lineAccounting(report: FileReport): Accounting {
  const count = (s: string) => report.lines.filter((l) => l.status === s).length;
  const nonBlank = report.lines.filter((l) => l.status !== 'blank').length;
  const withReason = report.lines.filter((l) => l.status === 'statement' || l.status === 'structure' || (l.status === 'skipped' && !!l.reason)).length;
  return {
    file: report.file,
    lines: report.lines.length,
    nonBlank,
    statement: count('statement'),
    structure: count('structure'),
    skipped: count('skipped'),
    accounted: nonBlank === 0 ? 1 : withReason / nonBlank,
  };
}
