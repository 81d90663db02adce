import type { Document } from 'domhandler';
import { DomHandler, Parser } from 'htmlparser2';

/**
 * A stack kept top-first the way htmlparser2's Parser uses its open-element stack (`unshift`,
 * `shift`, `indexOf`, `includes`, `[0]`), but stored bottom-first so each operation is constant
 * time: the library's array makes every open tag cost the depth, so 200,000 unclosed `<div>`s
 * took minutes. Positions by name answer `indexOf` / `includes` without a scan.
 */
function topFirstStack(initial: readonly unknown[]): unknown {
  const items: unknown[] = [];
  const at = new Map<unknown, number[]>();
  const api = {
    unshift(name: unknown) {
      items.push(name);
      const list = at.get(name);
      if (list) list.push(items.length - 1);
      else at.set(name, [items.length - 1]);
      return items.length;
    },
    shift() {
      const name = items.pop();
      if (name !== undefined) at.get(name)?.pop();
      return name;
    },
    indexOf(name: unknown) {
      const list = at.get(name);
      return list?.length ? items.length - 1 - list[list.length - 1] : -1;
    },
    includes(name: unknown) {
      return !!at.get(name)?.length;
    },
  };
  for (let i = initial.length - 1; i >= 0; i--) api.unshift(initial[i]);
  return new Proxy(api, {
    // The parser reads the top (`[0]`) and the length at every tag: those first, without a regular expression.
    get(target, prop) {
      if (prop === '0') return items[items.length - 1];
      if (prop === 'length') return items.length;
      if (typeof prop === 'string' && isIndex(prop)) return items[items.length - 1 - Number(prop)];
      return target[prop as keyof typeof api];
    },
    set(_target, prop, value) {
      if (prop !== 'length' || value !== 0) return false;
      items.length = 0;
      at.clear();
      return true;
    },
  });
}

/** `"12"`: a property name that is an array index (digits only). */
function isIndex(prop: string): boolean {
  if (!prop.length) return false;
  for (let i = 0; i < prop.length; i++) {
    const c = prop.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Open elements beyond which the parser's stacks become `topFirstStack`s; below it, its own arrays are cheaper. */
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
  const internals = parser as unknown as { stack: unknown; foreignContext: unknown };
  if (!Array.isArray(internals.stack) || !Array.isArray(internals.foreignContext)) throw new Error('htmlparser2 internals changed: update parse-html-document.ts');
  // Called by the parser right after it pushes an open tag on its stacks, before every element is made (DomHandler
  // has no handler of its own): the `<a>` elements are counted into `counted.links` on the way.
  (handler as unknown as { onopentagname: (name: string) => void }).onopentagname = (name) => {
    if (name === 'a') counted.links++;
    if (Array.isArray(internals.stack) && internals.stack.length > DEEP) internals.stack = topFirstStack(internals.stack);
    if (Array.isArray(internals.foreignContext) && internals.foreignContext.length > DEEP) internals.foreignContext = topFirstStack(internals.foreignContext);
  };
  parser.end(text);
  return handler.root;
}
