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
    return (line, part) => {
      let n: number;
      let pair: RegExpExecArray | null;
      if (part && NUMBER.test(part) && Number.isSafeInteger(line * PART_SPAN)) {
        // A part written as a small number (sentences): line and part as one number.
        n = numbered.add(line * PART_SPAN + Number(part));
      } else if (part && Number.isInteger(line) && line >= 0 && Number.isSafeInteger(line * PART_SPAN) && (pair = PAIR.exec(part))) {
        // Two small numbers (a grid's column and sentence): line and both as one number, in a count of their own.
        n = paired.add(line * PART_SPAN + Number(pair[1]) * PAIR_SPAN + Number(pair[2]));
      } else if (part) {
        const key = `${line}.${part}`;
        n = parts.get(key) ?? 0;
        parts.set(key, n + 1);
      } else n = lines.add(line);
      const id = `${prefix}.${line}${part ? `.${part}` : ''}`;
      return n ? `${id}.${n + 1}` : id;
    };
  }
}

/** A part written as a whole number below PART_SPAN without leading zeros: one spelling per number. */
const NUMBER = /^[1-9]\d{0,5}$/;
const PART_SPAN = 1_000_000;
/** A part written as two whole numbers below PAIR_SPAN, without leading zeros, joined by a dot. */
const PAIR = /^([1-9]\d{0,2})\.([1-9]\d{0,2})$/;
const PAIR_SPAN = 1_000;

/** Whether some prefix is another one followed by a dot and more. */
function extendsAnother(prefixes: Set<string>): boolean {
  for (const p of prefixes) {
    for (let dot = p.indexOf('.'); dot >= 0; dot = p.indexOf('.', dot + 1)) if (prefixes.has(p.slice(0, dot))) return true;
  }
  return false;
}
