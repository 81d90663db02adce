import type { LineAccount } from '../types.ts';

/**
 * What a reader found on each line of a file, marked as it reads and turned into the file's line accounts
 * at the end: a statement line beats a structure line, which beats a skipped one, whatever the order they were
 * marked in; of several structure marks the last one names the line; a line skipped for several reasons names
 * them all ("script, style"). Each line's account is built once, from per-line arrays, not from a list of
 * marks replayed line by line (a 1 MB file has a few hundred thousand of each).
 */
export class LineMarks {
  private readonly statementLine: Uint8Array;
  private readonly structureReason: (string | undefined)[];
  private readonly skipReason: (string | undefined)[];
  /** The reasons of a line skipped for more than one, in the order marked. */
  private readonly moreReasons = new Map<number, string[]>();

  constructor(private readonly lines: string[]) {
    this.statementLine = new Uint8Array(lines.length + 1);
    this.structureReason = new Array<string | undefined>(lines.length + 1).fill(undefined);
    this.skipReason = new Array<string | undefined>(lines.length + 1).fill(undefined);
  }

  statement(from: number, to: number) {
    for (let l = Math.max(from, 1), end = Math.min(to, this.lines.length); l <= end; l++) this.statementLine[l] = 1;
  }

  structure(from: number, to: number, reason: string) {
    for (let l = Math.max(from, 1), end = Math.min(to, this.lines.length); l <= end; l++) this.structureReason[l] = reason;
  }

  skip(from: number, to: number, reason: string) {
    for (let l = Math.max(from, 1), end = Math.min(to, this.lines.length); l <= end; l++) {
      const first = this.skipReason[l];
      if (first === undefined) this.skipReason[l] = reason;
      else if (first !== reason) {
        const list = this.moreReasons.get(l);
        if (!list) this.moreReasons.set(l, [first, reason]);
        else if (!list.includes(reason)) list.push(reason);
      }
    }
  }

  /**
   * One account per line: blank lines are blank whatever was marked on them; a non-blank line nothing marked
   * is structure named `uncovered` when the reader names such lines, else skipped for `unread` (not understood).
   */
  accounts(uncovered?: string, unread = 'not understood'): LineAccount[] {
    const out: LineAccount[] = new Array(this.lines.length);
    for (let i = 0; i < this.lines.length; i++) {
      const line = i + 1;
      if (this.lines[i].trim() === '') out[i] = { line, status: 'blank' };
      else if (this.statementLine[line]) out[i] = { line, status: 'statement' };
      else if (this.structureReason[line] !== undefined) out[i] = marked(line, 'structure', this.structureReason[line]!);
      else {
        const reason = this.moreReasons.get(line)?.join(', ') ?? this.skipReason[line];
        if (reason !== undefined && reason !== NOT_READ) out[i] = marked(line, 'skipped', reason);
        else out[i] = uncovered ? { line, status: 'structure', reason: uncovered } : { line, status: 'skipped', reason: unread };
      }
    }
    return out;
  }
}

/** The reason of a line no mark reached (a skip that gives it literally is read the same way). */
export const NOT_READ = 'not read';

/** An account with its reason, or without one when the reason is empty (one object shape per kind of line). */
function marked(line: number, status: LineAccount['status'], reason: string): LineAccount {
  return reason ? { line, status, reason } : { line, status };
}
