import { AscendingCounts, LineCounts } from './line-counts.ts';

/**
 * Stable statement ids, `<company>.<file stem>.<line>[.<part>]`, with `.2`, `.3`… added to the second and later
 * statements that would get an id already given (two files of one stem, a reader giving one line twice).
 *
 * Ids are counted per file prefix (`<company>.<stem>`) and within it by line number (and part), not by the whole id string:
 * a map of a few hundred thousand freshly built strings was a tenth of reading a statement-dense file. That is
 * the same count whenever no prefix is another prefix followed by a dot (`acme.a` and `acme.a.2`, possible only
 * with dots in a company folder's name): then two ids are equal only within one prefix, and there only when their
 * line and part are. When some prefix is, every id is counted by its whole string, as before.
 */
export class StatementIds {
  private readonly byPrefix = new Map<string, { lines: LineCounts; numbered: AscendingCounts; paired: AscendingCounts; parts: Map<string, number> }>();
  private readonly byId: Map<string, number> | null;

  constructor(prefixes: Iterable<string>) {
    this.byId = extendsAnother(new Set(prefixes)) ? new Map() : null;
  }

  /** An id counter for the statements of one prefix. */
  of(prefix: string): (line: number, part?: string) => string {
    const byId = this.byId;
    if (byId) {
      return (line, part) => {
        const id = `${prefix}.${line}${part ? `.${part}` : ''}`;
        const n = byId.get(id) ?? 0;
        byId.set(id, n + 1);
        return n ? `${id}.${n + 1}` : id;
      };
    }
    let seen = this.byPrefix.get(prefix);
    if (!seen) this.byPrefix.set(prefix, (seen = { lines: new LineCounts(), numbered: new AscendingCounts(), paired: new AscendingCounts(), parts: new Map() }));
    const { lines, numbered, paired, parts } = seen;
    // The prefix and its dot joined once, not once an id (a string built and thrown away per statement).
    const dotted = `${prefix}.`;
    return (line, part) => {
      let n: number;
      let value: number;
      if (part && (value = smallNumber(part, 0, part.length, 6)) >= 0 && Number.isSafeInteger(line * PART_SPAN)) {
        // A part written as a small number (sentences): line and part as one number.
        n = numbered.add(line * PART_SPAN + value);
      } else if (part && Number.isInteger(line) && line >= 0 && Number.isSafeInteger(line * PART_SPAN) && (value = pairNumber(part)) >= 0) {
        // Two small numbers (a grid's column and sentence): line and both as one number, in a count of their own.
        n = paired.add(line * PART_SPAN + value);
      } else if (part) {
        const key = `${line}.${part}`;
        n = parts.get(key) ?? 0;
        parts.set(key, n + 1);
      } else n = lines.add(line);
      const id = part ? `${dotted}${line}.${part}` : dotted + line;
      return n ? `${id}.${n + 1}` : id;
    };
  }
}

/** What a part written as a small number is below: one or more parts in one number with the line. */
const PART_SPAN = 1_000_000;
const PAIR_SPAN = 1_000;

/**
 * The whole number written in `text` from `from` to `to`, when it is 1 to `digits` ASCII digits without a leading
 * zero (one spelling per number); -1 otherwise. Read code unit by code unit: a pattern's match array for every
 * statement was garbage to collect.
 */
function smallNumber(text: string, from: number, to: number, digits: number): number {
  if (to <= from || to - from > digits || text.charCodeAt(from) === 48) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Two whole numbers below PAIR_SPAN, each written as `smallNumber` spells it, joined by a dot, as one number; -1 otherwise. */
function pairNumber(part: string): number {
  const dot = part.indexOf('.');
  if (dot < 0) return -1;
  const a = smallNumber(part, 0, dot, 3);
  const b = a < 0 ? -1 : smallNumber(part, dot + 1, part.length, 3);
  return b < 0 ? -1 : a * PAIR_SPAN + b;
}

/** Whether some prefix is another one followed by a dot and more. */
function extendsAnother(prefixes: Set<string>): boolean {
  for (const p of prefixes) {
    for (let dot = p.indexOf('.'); dot >= 0; dot = p.indexOf('.', dot + 1)) if (prefixes.has(p.slice(0, dot))) return true;
  }
  return false;
}
