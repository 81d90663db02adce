import fs from 'node:fs';
import type { Token } from 'markdown-it';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineParser, md, mdNoLinks, parseInRuns } from '../../src/ingest/markdown-parser.ts';
import { PATHOLOGICAL } from './pathological-inputs.ts';

/** The runs `parseInRuns` hands on, each inline token's children filled in as the walker would ask for them. */
const runsOf = (text: string) => {
  const runs: Token[][] = [];
  parseInRuns(text, (tokens, children) => {
    for (const t of tokens) if (t.type === 'inline') t.children = children(t);
    runs.push(tokens);
  });
  return runs;
};

/**
 * Plain JSON of tokens, children included (a Token's prototype and methods left out), without `hidden`: a list's
 * tight-paragraph pass marks it by position in the stream, and a run handed on inside the list is no longer there
 * (only a renderer reads it).
 */
const plain = (tokens: Token[]) => JSON.parse(JSON.stringify(tokens, (key, value) => (key === 'hidden' ? undefined : value)));

const pages = [
  ...fs.readdirSync('data/ladders/octopus').filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(`data/ladders/octopus/${f}`, 'utf8')),
  fs.readFileSync('data/ladders/dropbox/dropbox-ic6-principal-security-engineer.md', 'utf8'),
];

describe('parseInRuns', () => {
  it('gives the tokens md.parse gives, in runs, for pages long enough to need several runs', () => {
    const markup = '# L3: Eng\n## *Craft* & [care](x)\n- plain text\n- **bold** _em_ `code` ~s~ <b>x</b> &amp; \\* ![i](y)\n- line one\n  line two  \n  three\n\n| a | b |\n|---|---|\n| x | **y** |\n\n';
    for (const text of [...pages.map((p) => p.repeat(6)), markup.repeat(40), PATHOLOGICAL['section headings'](8000).text, PATHOLOGICAL['many level pages in one file'](8000).text]) {
      const runs = runsOf(text);
      expect(runs.length).toBeGreaterThan(1);
      expect(plain(runs.flat())).toEqual(plain(md.parse(text, {})));
    }
  });

  it('hands on a long list, a long quote and a list in a quote in several runs, items still open at a run\'s end, with the same tokens and line spans', () => {
    for (const text of ['# L3: Eng\n## Craft\n' + '- I do a thing.\n'.repeat(600), '> - a\n>   b\n'.repeat(400), PATHOLOGICAL['a long list'](20000).text]) {
      const runs = runsOf(text);
      expect(runs.length).toBeGreaterThan(2);
      expect(runs.some((run) => run.reduce((depth, t) => depth + t.nesting, 0) > 0)).toBe(true);
      expect(plain(runs.flat())).toEqual(plain(md.parse(text, {})));
    }
  });

  it('resolves a link whose reference is defined further down the page, as md.parse does', () => {
    const text = `- see [the guide][g]\n\n${'## a\n- b\n'.repeat(300)}\n[g]: https://example.com/guide\n`;
    const runs = runsOf(text);
    expect(plain(runs.flat())).toEqual(plain(md.parse(text, {})));
    const link = runs.flat().flatMap((t) => t.children ?? []).find((t) => t.type === 'link_open');
    expect(link?.attrGet('href')).toBe('https://example.com/guide');
  });

  it('leaves md.parse itself as it was (one stream, no runs handed on)', () => {
    const text = '## a\n- b\n'.repeat(1000);
    expect(md.parse(text, {}).length).toBe(runsOf(text).flat().length);
  });
});

describe('inlineParser', () => {
  /** Inline text of every kind of markup but a closing bracket: opening ones, emphasis, code, autolinks, HTML, entities, escapes. */
  const noClosingBracket = fc.array(fc.constantFrom('[', '![', '[a', '(b)', '(', ')', '*', '**', '_', '`', '``', '<http://x.y>', '<b>', '</b>', '&amp;', '\\[', '\\', 'a', ' ', '\n', 'x: y', '\t', '"'), { maxLength: 24 }).map((p) => p.join(''));

  /** md's tokens for the text with each `[` as `%`, punctuation no rule acts on, then `[` again: a `[` that cannot start a link. */
  const asPunctuation = (text: string) => JSON.parse(JSON.stringify(plain(md.parseInline(text.replaceAll('[', '%'), {}))).replaceAll('%', '['));

  it('gives the tokens md gives for text with no ] (no link or image can form there, so [ is plain punctuation)', () => {
    fc.assert(fc.property(noClosingBracket, (text) => {
      expect(inlineParser(text)).toBe(mdNoLinks);
      expect(plain(mdNoLinks.parseInline(text, {}))).toEqual(asPunctuation(text));
    }), { numRuns: 3000 });
  });

  it('keeps the code span md\'s link look-ahead loses after a [, as CommonMark does', () => {
    const text = '[``[``[``';
    const kinds = (tokens: Token[]) => tokens[0].children!.map((t) => `${t.type}:${t.content}`);
    expect(kinds(mdNoLinks.parseInline(text, {}))).toEqual(['text:[', 'code_inline:[', 'text:[``']);
    expect(kinds(md.parseInline(text, {}))).toEqual(['text:[``[``[``']);
  });

  it('keeps the full parser where a ] may close a link', () => {
    expect(inlineParser('[a](b)')).toBe(md);
    expect(plain(md.parseInline('see [the guide](https://x.y) and ![i](p.png)', {}))[0].children.map((t: Token) => t.type)).toContain('link_open');
  });
});
