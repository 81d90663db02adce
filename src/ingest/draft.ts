import type { AttributeValue, Diagnostic, FileReport, Flag, Kind, LineAccount } from '../types.ts';

/** A statement as a reader sees it, before company, track and ids are attached. */
export interface DraftStatement {
  line: number;
  /** Position among several statements on one line (grid cells, sentences), 1-based. */
  part?: string;
  /** The cell or paragraph, in a file without source lines (`Skills!C4`). */
  at?: string;
  level: string;
  section: string;
  kind: Kind;
  text: string;
  flags: Flag[];
  attribute?: AttributeValue;
}

export interface DraftLevel {
  label: string;
  number: number | null;
  title: string;
  line: number;
  /**
   * The level this one includes ("The Senior role extends the Intermediate role"): the words as
   * written, the line saying so, and the label when the file tells which level they mean (or
   * `previous` for "the previous level" when the file holds only this level).
   */
  inherits?: { text: string; line: number; level?: string; previous?: boolean };
}

export interface ReadResult {
  shape: FileReport['shape'];
  levels: DraftLevel[];
  statements: DraftStatement[];
  lines: LineAccount[];
  diagnostics: Diagnostic[];
  /** Track or document title found in the file (a heading above the levels, front matter). */
  trackHint?: string;
  /** Company named inside the file (long format, front matter). */
  company?: string;
}

/** Line bookkeeping shared by the readers: every line gets exactly one status. */
export class LineLedger {
  readonly accounts: LineAccount[];
  constructor(lines: string[]) {
    this.accounts = lines.map((text, i) => (text.trim() === '' ? { line: i + 1, status: 'blank' } : { line: i + 1, status: 'skipped', reason: 'not read' }));
  }
  structure(line: number, reason: string) {
    this.set(line, 'structure', reason);
  }
  statement(line: number) {
    this.set(line, 'statement');
  }
  skip(line: number, reason: string) {
    this.set(line, 'skipped', reason);
  }
  /**
   * A new account object rather than an edited one: deleting `reason` from an object turns it into a
   * slow dictionary-mode object, and a 1 MB file has some 100,000 statement lines.
   */
  private set(line: number, status: LineAccount['status'], reason?: string) {
    const a = this.accounts[line - 1];
    if (!a || a.status === 'blank') return;
    this.accounts[line - 1] = reason ? { line: a.line, status, reason } : { line: a.line, status };
  }
}

/** Splits text into lines the way editors count them (\n, \r\n or \r). */
export function splitLines(text: string): string[] {
  // Most files end lines with \n alone: a split at one character is V8's fast path, a pattern is not.
  return text.includes('\r') ? text.split(/\r\n|\n|\r/) : text.split('\n');
}
