import type { ChildNode } from 'domhandler';
import { DomHandler, Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../src/ingest/parse-html-document.ts';

/** The library's own parse, with its array stacks (fine at these depths). */
function reference(text: string) {
  const handler = new DomHandler(undefined, { withStartIndices: true, withEndIndices: true });
  new Parser(handler).end(text);
  return handler.root;
}

/** Element names, text, offsets and children: what the readers use of the tree. */
const shape = (nodes: ChildNode[]): unknown[] => nodes.map((n) => ({
  type: n.type, start: n.startIndex, end: n.endIndex,
  ...('name' in n ? { name: n.name } : {}), ...('data' in n ? { data: n.data } : {}), ...('children' in n ? { children: shape(n.children) } : {}),
}));

describe('parseHtmlDocument', () => {
  it('gives the library\'s own tree for pages nesting shallow, and deeper than its stacks switch (implied closes, svg and math, stray closing tags)', () => {
    const pages = [
      '<h1>L3: Eng</h1><table>' + '<tr><td>a</td><td>I do b.</td></tr>'.repeat(50) + '</table>',
      '<h1>L3: Eng</h1><ul>' + '<li>I do a thing. <p>one<p>two '.repeat(120),
      '<div>'.repeat(300) + 'x' + '</div>'.repeat(150) + '<p>after</p>',
      '<svg>'.repeat(100) + '<foreignObject><div>'.repeat(80) + 'text</p></span>' + '<math><mi>x</mi>'.repeat(90),
      '<section>' + '<div><span><b>'.repeat(40) + 'deep</b></span></div>'.repeat(20) + '<form><form>x</form></form></section>',
    ];
    for (const page of pages) expect(shape(parseHtmlDocument(page).children)).toEqual(shape(reference(page).children));
  });

  it('counts the links (the `<a>` elements) it makes, whatever the case of the tag, and nothing that is not one', () => {
    const count = (page: string) => {
      const counted = { links: 0 };
      const doc = parseHtmlDocument(page, counted);
      const made = (nodes: ChildNode[]): number => nodes.reduce((n, c) => n + ('name' in c && c.name === 'a' ? 1 : 0) + ('children' in c ? made(c.children) : 0), 0);
      expect(counted.links).toBe(made(doc.children));
      return counted.links;
    };
    expect(count('<p><a href="x">one</a> <A HREF="y">two</A> <abbr>no</abbr> <!-- <a>not</a> --> <area></p><script>"<a>"</script>')).toBe(2);
    expect(count('<ul>' + '<li><a href="#">item</a>'.repeat(100) + '</ul>' + '<a>'.repeat(80))).toBe(180);
  });
});
