import type { Token } from 'markdown-it';
import type { TextLine } from './blocks.ts';
import { inlineParser } from './markdown-parser.ts';
import { normaliseSpace, parsesToItself } from './normalise-text.ts';

/** A bullet character some editors type instead of `- ` (not a list marker in CommonMark). */
export const TYPED_BULLET = /^[ \t]*•[ \t]*/;

/** Leading indentation of a source line in columns, a tab counting two (as the line-based reader did). */
export function indentOf(source: string): number {
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === ' ') n += 1;
    else if (c === '\t') n += 2;
    else break;
  }
  return n;
}

const newlines = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
};

/**
 * Turns the inline tokens of a paragraph, heading or table cell into plain text lines, one per
 * physical source line (a soft or hard break starts the next one). How Markdown text is cleaned:
 * emphasis markers go, code spans keep their content, images their alt text, and a link keeps its
 * words followed by its target in brackets (`Leadership (https://…)`), so a statement that only
 * points elsewhere can be told. Inline HTML tags stay literal text (`<br>` is a space). White
 * space is collapsed. `strong` is the bold text a line starts with (`**Label**`, `__Label__:`), and
 * `indent` the indentation of the source line, which tells a wrapped line from a new statement.
 */
export function inlineLines(children: Token[] | null, firstLine: number, source: string[]): TextLine[] {
  const lines: TextLine[] = [];
  let line = firstLine;
  let parts: string[] = [];
  /** Bold text at the start of the line: 'start' until something visible, 'in' inside it, then 'done'. */
  let state: 'start' | 'in' | 'done' = 'start';
  let strong: string[] = [];
  let strongDepth = 0;
  let strongText = '';
  const links: { href: string; from: number; autolink: boolean }[] = [];
  let extraBreaks = 0;

  const visible = (text: string) => {
    if (!text) return;
    if (state === 'start' && /\S/.test(text) && !(parts.length === 0 && TYPED_BULLET.test(text) && text.replace(TYPED_BULLET, '') === '')) state = 'done';
    if (state === 'in') strong.push(text);
    parts.push(text);
  };
  const end = () => {
    const text = normaliseSpace(parts.join(''));
    if (text) {
      const label = strongText ? normaliseSpace(strongText) : '';
      const indent = indentOf(source[line - 1] ?? '');
      lines.push(label ? { text, line, strong: label, indent } : { text, line, indent });
    }
    parts = [];
    state = 'start';
    strong = [];
    strongDepth = 0;
    strongText = '';
  };

  for (const t of children ?? []) {
    switch (t.type) {
      case 'text':
      case 'text_special':
        visible(t.content);
        break;
      case 'code_inline':
        visible(t.content);
        break;
      case 'image':
        visible(t.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        end();
        line += 1 + extraBreaks;
        extraBreaks = 0;
        break;
      case 'strong_open':
        if (state === 'start') state = 'in';
        if (state === 'in') strongDepth++;
        break;
      case 'strong_close':
        if (state === 'in' && --strongDepth === 0) {
          strongText = strong.join('');
          state = /\S/.test(strongText) ? 'done' : 'start';
          if (state === 'start') strongText = '';
        }
        break;
      case 'link_open': {
        const href = String(t.attrGet('href') ?? '');
        links.push({ href, from: parts.length, autolink: t.markup === 'autolink' || t.markup === 'linkify' });
        extraBreaks += newlines(String(t.attrGet('title') ?? ''));
        break;
      }
      case 'link_close': {
        const link = links.pop();
        if (!link || link.autolink || !link.href) break;
        const words = normaliseSpace(parts.slice(link.from).join(''));
        if (words !== link.href) parts.push(` (${link.href})`);
        break;
      }
      case 'html_inline':
        // A line break tag is a space; any other tag stays as the literal text it is in the file
        // (as the line-based reader kept it): a ladder page is not a web page, and text that looks
        // like markup is shown as text, never rendered. A tag broken over lines moves the line count on.
        extraBreaks += newlines(t.content);
        if (/^<br\s*\/?>$/i.test(t.content)) parts.push(' ');
        else visible(t.content);
        break;
      default:
        // em_open/em_close, s_open/s_close: markers only.
        break;
    }
  }
  end();
  return lines;
}

/**
 * `inlineLines` of inline content that is one text token of itself (`isPlainInline`), without the token: the
 * text with its white space collapsed, on the line it starts on, or no line when nothing is left.
 */
export function plainLines(content: string, line: number, source: string[]): TextLine[] {
  const text = normaliseSpace(content);
  return text ? [{ text, line, indent: indentOf(source[line - 1] ?? '') }] : [];
}

/**
 * `inlineLines` of inline content of several lines with no markup but its line breaks (`isPlainLines`), without the
 * inline parser: the parser gives a text token per line, without the spaces before a break and the spaces and tabs
 * after it, and a break between; `inlineLines` makes each a line of its own, white space collapsed, on its source
 * line (a line left empty skipped). The same here, from the content.
 */
export function plainTextLines(content: string, line: number, source: string[]): TextLine[] {
  const lines: TextLine[] = [];
  let from = 0;
  for (let at = line; ; at++) {
    const br = content.indexOf('\n', from);
    let end = br < 0 ? content.length : br;
    if (br >= 0) while (end > from && content.charCodeAt(end - 1) === 32) end--;
    const text = normaliseSpace(content.slice(from, end));
    if (text) lines.push({ text, line: at, indent: indentOf(source[at - 1] ?? '') });
    if (br < 0) return lines;
    from = br + 1;
    for (let c = content.charCodeAt(from); c === 32 || c === 9; c = content.charCodeAt(++from));
  }
}

/** One line of plain text from inline tokens (a heading, a table cell): the lines joined by spaces. */
export function inlineText(children: Token[] | null, firstLine: number, source: string[]): string {
  return normaliseSpace(inlineLines(children, firstLine, source).map((l) => l.text).join(' '));
}

/** Characters that can start Markdown inline markup, an entity or an escape. */
const MARKUP = /[*_`[!<&\\]/;

/**
 * Plain text from one Markdown fragment that is not a whole page (a grid or CSV cell): the same
 * cleaning as page text, by the same parser, in one line.
 */
export function cleanText(raw: string): string {
  const text = normaliseSpace(raw);
  if (!MARKUP.test(text) || parsesToItself(text)) return text;
  return parsedText(text);
}

/** `cleanText` of one normalised line by the parser, always (what the quick tests of `cleanText` must agree with). */
export function parsedText(text: string): string {
  const [inline] = inlineParser(text).parseInline(text, {});
  return inlineText(inline?.children ?? null, 1, [text]);
}
