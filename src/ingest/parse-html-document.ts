import type { Document } from 'domhandler';
import { DomHandler, Parser } from 'htmlparser2';

/**
 * A stack kept top-first the way htmlparser2's Parser uses its open-element stack (`unshift`, `shift`, `indexOf`,
 * `includes`, `[0]`, `length`), but stored bottom-first so each operation is constant time: the library's array
 * makes every open tag cost the depth, so 200,000 unclosed `<div>`s took minutes. Positions by name answer
 * `indexOf` / `includes` without a scan. A class with the parser's reads as accessors, not a proxy: a proxy's trap
 * on every read of the top was most of the parser's own time on a page of deep nesting. The parser reads any
 * other position only when the page ends, from `topFirst()` (see `parseHtmlDocument`).
 */
class TopFirstStack {
  /**
   * The top, kept as an own property on every change: a getter named `0` is an indexed accessor, which V8 reads
   * through its slow path on every tag (most of the parser's time on a page of 200,000 unclosed `<div>`s).
   */
  0: unknown = undefined;
  private readonly items: unknown[] = [];
  private readonly at = new Map<unknown, number[]>();

  constructor(initial: readonly unknown[]) {
    for (let i = initial.length - 1; i >= 0; i--) this.unshift(initial[i]);
  }

  get length(): number {
    return this.items.length;
  }

  /** Only emptied (`stack.length = 0`, the parser's reset). */
  set length(n: number) {
    if (n !== 0) throw new Error('a top-first stack is only emptied');
    this.items.length = 0;
    this.at.clear();
    this[0] = undefined;
  }

  unshift(name: unknown): number {
    this.items.push(name);
    this[0] = name;
    const list = this.at.get(name);
    if (list) list.push(this.items.length - 1);
    else this.at.set(name, [this.items.length - 1]);
    return this.items.length;
  }

  shift(): unknown {
    const name = this.items.pop();
    if (name !== undefined) this.at.get(name)?.pop();
    this[0] = this.items[this.items.length - 1];
    return name;
  }

  indexOf(name: unknown): number {
    const list = this.at.get(name);
    return list?.length ? this.items.length - 1 - list[list.length - 1] : -1;
  }

  includes(name: unknown): boolean {
    return !!this.at.get(name)?.length;
  }

  /** The items as the parser's own array would hold them, top first. */
  topFirst(): unknown[] {
    return this.items.slice().reverse();
  }
}

/** Open elements beyond which the parser's stacks become `TopFirstStack`s; below it, its own arrays are cheaper. */
const DEEP = 64;

/**
 * Parses HTML into a DOM with source offsets, in time linear in the input however deep it nests. The parser's
 * open-element stacks stay its own arrays while the page nests shallowly (every tag reads the top: a proxy's trap
 * on each read was a fifth of reading a page of many table cells) and become constant-time stacks, with the same
 * contents, once a tag opens deeper than `DEEP`. `counted.links`: the number of links (`<a>` elements) of the page.
 */
export function parseHtmlDocument(text: string, counted: { links: number } = { links: 0 }): Document {
  const handler = new DomHandler(undefined, { withStartIndices: true, withEndIndices: true });
  const parser = new Parser(handler);
  const internals = parser as unknown as { stack: unknown; foreignContext: unknown; onend: () => void };
  if (!Array.isArray(internals.stack) || !Array.isArray(internals.foreignContext) || typeof internals.onend !== 'function') throw new Error('htmlparser2 internals changed: update parse-html-document.ts');
  // At the end the parser closes what is still open reading its stack at every position (`stack[i]`): arrays again, top first.
  const onend = internals.onend;
  internals.onend = function (this: unknown) {
    if (internals.stack instanceof TopFirstStack) internals.stack = internals.stack.topFirst();
    if (internals.foreignContext instanceof TopFirstStack) internals.foreignContext = internals.foreignContext.topFirst();
    return onend.call(this);
  };
  // Called by the parser right after it pushes an open tag on its stacks, before every element is made (DomHandler
  // has no handler of its own): the `<a>` elements are counted into `counted.links` on the way.
  (handler as unknown as { onopentagname: (name: string) => void }).onopentagname = (name) => {
    if (name === 'a') counted.links++;
    if (Array.isArray(internals.stack) && internals.stack.length > DEEP) internals.stack = new TopFirstStack(internals.stack);
    if (Array.isArray(internals.foreignContext) && internals.foreignContext.length > DEEP) internals.foreignContext = new TopFirstStack(internals.foreignContext);
  };
  parser.end(text);
  return handler.root;
}
