/**
 * Any value as JSON (`JSON.stringify(value, null, 2)` and a newline, byte for byte, control characters escaped as on
 * every line the CLI writes), written a piece at a time: a large result (coverage's cells, divergence's rows) never
 * sits in memory as one string, nor as its bytes. At 1000× the seed ladders the whole text of `coverage --json` was
 * about 100 MB, held as a string, again escaped, and again encoded for the output stream.
 *
 * The text is made by JSON.stringify itself, a few thousand values at a time: a plain object or array that holds
 * more than that is written member by member (its small members stringified together), and each piece's lines
 * indented to its depth (JSON text holds a line break only between values: a string's are escaped).
 */
import type { Io } from './command.ts';
import { Utf8Scratch } from './json-rows.ts';

/** Values (and array slots and object members) stringified together at most, roughly. */
const PIECE = 20_000;
/** Text gathered before it is written. */
const FLUSH = 1 << 20;

/**
 * Writes `JSON.stringify(value, null, 2)` and a newline. Where the output takes bytes (`io.outBytes`) the text goes
 * there, encoded once, escaped only where it holds a character to escape; else as lines through `io.out`.
 * `piece`: how many values are stringified together at most (tests make it small). One difference from
 * JSON.stringify: a `toJSON(key)` of an array element stringified with others is given its index among them.
 */
export function writeJson(io: Pick<Io, 'out' | 'outBytes'>, value: unknown, { piece = PIECE }: { piece?: number } = {}): void {
  const out = new Pieces(io);
  new JsonWriter(out, Math.max(1, piece)).value(value, 0);
  out.put('\n');
  out.end();
}

/** The text gathered, written a megabyte or so at a time, always up to a line end (`io.out` ends what it gets with one). */
class Pieces {
  #parts: string[] = [];
  #size = 0;
  #scratch = new Utf8Scratch();

  constructor(private readonly io: Pick<Io, 'out' | 'outBytes'>) {}

  put(text: string): void {
    this.#parts.push(text);
    this.#size += text.length;
    if (this.#size >= FLUSH) this.#flush(false);
  }

  end(): void {
    this.#flush(true);
  }

  #flush(end: boolean): void {
    let text = this.#parts.join('');
    this.#parts = [];
    this.#size = 0;
    if (!end) {
      const cut = text.lastIndexOf('\n') + 1;
      if (cut === 0) return void (this.#parts.push(text), (this.#size = text.length));
      if (cut < text.length) this.#parts.push(text.slice(cut)), (this.#size = text.length - cut);
      text = text.slice(0, cut);
    }
    if (!text) return;
    const { io } = this;
    if (!io.outBytes) return void io.out(text);
    if (io.outBytes(this.#scratch.encode(text)) !== true) this.#scratch.release();
  }
}

const isContainer = (v: unknown): v is object =>
  typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function' && (Array.isArray(v) || isPlainObject(v));
const isPlainObject = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

class JsonWriter {
  constructor(
    private readonly out: Pieces,
    private readonly piece: number,
  ) {}

  /** How many values `v` holds (itself, its elements and members, theirs…), counted up to `cap`. */
  weigh(v: unknown, cap: number): number {
    if (typeof v !== 'object' || v === null) return 1;
    let n = 1;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length && n < cap; i++) n += this.weigh(v[i], cap - n);
    } else {
      for (const k of Object.keys(v)) {
        if (n >= cap) break;
        n += this.weigh((v as Record<string, unknown>)[k], cap - n);
      }
    }
    return n;
  }

  /** A value that JSON.stringify writes (not undefined, a function or a symbol), at this depth. */
  value(v: unknown, depth: number): void {
    if (isContainer(v) && this.weigh(v, this.piece) >= this.piece) {
      if (Array.isArray(v)) this.array(v, depth);
      else this.object(v as Record<string, unknown>, depth);
    } else this.out.put(indentLines(`${JSON.stringify(v, null, 2)}`, depth));
  }

  /** `[`, the elements (runs of small ones stringified together), `]`. */
  array(a: readonly unknown[], depth: number): void {
    let any = false;
    const batch: unknown[] = [];
    let weight = 0;
    const flush = () => {
      if (!batch.length) return;
      // `[\n  a,\n  b\n]`: the elements one level deep, as in this array at depth 0
      const text = JSON.stringify(batch, null, 2);
      this.out.put(`${any ? ',\n' : '[\n'}${pad(depth)}${indentLines(text.slice(2, -2), depth)}`);
      any = true;
      batch.length = 0;
      weight = 0;
    };
    for (let i = 0; i < a.length; i++) {
      const e = a[i];
      const w = this.weigh(e, this.piece);
      if (w >= this.piece && isContainer(e)) {
        flush();
        this.out.put(`${any ? ',\n' : '[\n'}${pad(depth + 1)}`);
        any = true;
        this.value(e, depth + 1);
        continue;
      }
      batch.push(e);
      if ((weight += w) >= this.piece) flush();
    }
    flush();
    this.out.put(any ? `\n${pad(depth)}]` : '[]');
  }

  /** `{`, the members (runs of small ones stringified together, those JSON leaves out left out), `}`. */
  object(o: Record<string, unknown>, depth: number): void {
    let any = false;
    // A run of members as an object of its own (no prototype: a member named __proto__ stays a member).
    let batch: Record<string, unknown> = Object.create(null);
    let size = 0;
    let weight = 0;
    const flush = () => {
      if (!size) return;
      const text = JSON.stringify(batch, null, 2);
      batch = Object.create(null);
      size = weight = 0;
      if (text === '{}') return;
      this.out.put(`${any ? ',\n' : '{\n'}${pad(depth)}${indentLines(text.slice(2, -2), depth)}`);
      any = true;
    };
    for (const k of Object.keys(o)) {
      const v = o[k];
      const w = this.weigh(v, this.piece);
      if (w >= this.piece && isContainer(v)) {
        flush();
        this.out.put(`${any ? ',\n' : '{\n'}${pad(depth + 1)}${JSON.stringify(k)}: `);
        any = true;
        this.value(v, depth + 1);
        continue;
      }
      batch[k] = v;
      size++;
      if ((weight += w) >= this.piece) flush();
    }
    flush();
    this.out.put(any ? `\n${pad(depth)}}` : '{}');
  }
}

const pads: string[] = [''];
const pad = (depth: number) => (pads[depth] ??= '  '.repeat(depth));
/** JSON text written at depth 0 with its lines after the first indented to `depth` (a line break in JSON text is only ever between values). */
const indentLines = (text: string, depth: number) => (depth ? text.replaceAll('\n', `\n${pad(depth)}`) : text);
