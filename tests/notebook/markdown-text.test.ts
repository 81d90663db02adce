import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { mdText } from '../../src/notebook/index.ts';

// Same options as Notebook Kit's Markdown cells.
const md = MarkdownIt({ html: true, linkify: true, typographer: true });
const render = (value: string) => md.render(`Level: ${mdText(value)} done.`);

describe('mdText(value) escapes ladder text for Markdown cells', () => {
  it('keeps HTML payloads as literal text', () => {
    const html = render(`<script>window.__pwned = 1</script><img src="x.png" onerror="alert(1)">`);
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('keeps Markdown syntax as literal text: emphasis, links, code, headings, new blocks', () => {
    const html = render('**bold** _it_ [x](javascript:alert(1)) `code`\n# Heading\n- item');
    expect(html).not.toMatch(/<strong|<em|<a |<code|<h1|<li/);
    expect(html).toContain('**bold**');
  });

  it('leaves ordinary text readable', () => {
    expect(render('Octopus Deploy L2 (Security Engineer), 2.5')).toBe('<p>Level: Octopus Deploy L2 (Security Engineer), 2.5 done.</p>\n');
  });

  it('turns null and undefined into empty text', () => {
    expect(mdText(null)).toBe('');
    expect(mdText(undefined)).toBe('');
  });
});
