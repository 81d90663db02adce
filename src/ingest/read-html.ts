import type { ChildNode, Element } from 'domhandler';
import type { Block, BlockDocument, ListItem, TableCell, TableRow, TextLine } from './blocks.ts';
import { normaliseSpace } from './normalise-text.ts';
import { parseHtmlDocument } from './parse-html-document.ts';

/**
 * Reads an HTML page (a published ladder page, a Confluence / Notion / Google Docs export, a DOCX
 * converted to HTML) into blocks with source lines. Text only: markup, attributes, scripts and
 * handlers never reach a block; what is not read (script, style, navigation, forms, hidden parts,
 * comments, code) becomes a skipped block with the reason. Linear in the input.
 */
export function readHtml(text: string): BlockDocument {
  const counted = { links: 0 };
  const doc = parseHtmlDocument(text, counted);
  const reader = new HtmlReader(text, counted.links);
  const blocks: Block[] = [];
  reader.container(doc.children, blocks, reader.newParagraph(), 0);
  return { blocks, ...(reader.title ? { title: reader.title } : {}), uncoveredLines: 'markup without text' };
}

/** Elements whose content is never ladder text, with the reason reported for their lines. */
const SKIPPED_TAGS: Record<string, string> = {
  script: 'script', style: 'style', noscript: 'noscript', template: 'template', iframe: 'embedded frame',
  object: 'embedded object', embed: 'embedded object', applet: 'embedded object', svg: 'graphics', canvas: 'graphics', math: 'formula',
  audio: 'media', video: 'media', nav: 'navigation', aside: 'aside', footer: 'page footer', form: 'form',
  button: 'control', select: 'control', input: 'control', textarea: 'control', option: 'control', dialog: 'dialog',
};
/** Skipped elements that sit inside running text: the text around them stays one line. */
const SKIPPED_INLINE = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'applet', 'svg', 'canvas', 'math', 'audio', 'video', 'button', 'select', 'input', 'textarea', 'option']);
/** ARIA roles of page furniture. */
const SKIPPED_ROLES: Record<string, string> = {
  navigation: 'navigation', banner: 'page header', contentinfo: 'page footer', search: 'search box', complementary: 'aside',
  button: 'control', menu: 'menu', menubar: 'menu', toolbar: 'toolbar', dialog: 'dialog', alertdialog: 'dialog', tablist: 'navigation',
};
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's', 'samp',
  'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'del', 'ins', 'label', 'nobr', 'wbr',
]);
const BOLD = new Set(['b', 'strong']);
const HEADING = /^h([1-6])$/;
/** Deeper nesting than this is read as flat text (no recursion without bound on hostile input). */
const MAX_DEPTH = 200;
const EMOJI_ONLY = /^[\p{Extended_Pictographic}\p{Emoji_Component}\u200d\ufe0f\s]+$/u;

interface LinkStats {
  chars: number;
  linkChars: number;
  links: number;
  headings: number;
}

/** Collects inline content into lines: text, `<br>` breaks, which text is bold at a line's start. */
class ParagraphBuilder {
  lines: TextLine[] = [];
  private parts: string[] = [];
  private strong = '';
  private strongOpen = true;
  private line = 0;
  private fromLine = 0;
  private toLine = 0;
  private links: string[] = [];

  add(text: string, line: number, endLine: number, bold: boolean, href: string | undefined) {
    if (!text) return;
    const visible = /\S/.test(text);
    if (visible && !this.line) this.line = line;
    if (visible) {
      if (!this.fromLine) this.fromLine = line;
      this.toLine = Math.max(this.toLine, endLine);
    }
    this.parts.push(text);
    if (this.strongOpen) {
      if (bold) this.strong += text;
      else if (visible) this.strongOpen = false;
    }
    if (href && visible && (!this.links.length || this.links[this.links.length - 1] !== href)) this.links.push(href);
  }

  /** Ends the current line (a `<br>`, or the end of the paragraph). */
  br() {
    const text = normaliseSpace(this.parts.join(''));
    if (text) {
      const strong = normaliseSpace(this.strong);
      // Optional fields added after (spreads in the middle of a literal take V8's slow path: one per line read).
      const line: TextLine = { text, line: this.line };
      if (strong) line.strong = strong;
      if (this.links.length) line.links = this.links;
      this.lines.push(line);
    }
    this.parts = [];
    this.strong = '';
    this.strongOpen = true;
    this.line = 0;
    this.links = [];
  }

  /** Appends the collected lines as a paragraph block, if any, and starts afresh. */
  flush(out: Block[]) {
    this.br();
    if (this.lines.length) out.push({ type: 'paragraph', lines: this.lines, fromLine: this.fromLine, toLine: this.toLine });
    this.lines = [];
    this.fromLine = 0;
    this.toLine = 0;
  }
}

class HtmlReader {
  title?: { text: string; line: number };
  private lineStarts: number[] = [0];
  private stats = new Map<Element, LinkStats>();

  /** `links`: the page's `<a>` elements, all of them. */
  constructor(private source: string, private links: number) {
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13) {
        if (source.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  newParagraph() {
    return new ParagraphBuilder();
  }

  /** 1-based line of a source offset (binary search over the line starts computed once). */
  lineOf(offset: number | null): number {
    if (offset === null || offset < 0) return 1;
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  private span(node: ChildNode) {
    const fromLine = this.lineOf(node.startIndex);
    return { fromLine, toLine: Math.max(fromLine, this.lineOf(node.endIndex ?? node.startIndex)) };
  }

  /** Line where a text node's visible text starts (its leading white space may hold newlines). */
  private textLine(node: ChildNode & { data: string }): number {
    const start = this.lineOf(node.startIndex);
    // Most text starts with a printable ASCII character, which is no white space: no leading run to look at.
    const first = node.data.charCodeAt(0);
    if (first > 32 && first < 127) return start;
    const lead = /^\s*/.exec(node.data)![0];
    let breaks = 0;
    for (let i = 0; i < lead.length; i++) if (lead[i] === '\n' || (lead[i] === '\r' && lead[i + 1] !== '\n')) breaks++;
    return start + breaks;
  }

  /** Text, link text, link count and headings under an element, computed once for the whole tree. */
  private statsOf(el: Element): LinkStats {
    const known = this.stats.get(el);
    if (known) return known;
    // Elements in pre-order, then read backwards: every child is done before its parent.
    const order: Element[] = [];
    const stack: Element[] = [el];
    while (stack.length) {
      const e = stack.pop()!;
      order.push(e);
      for (const c of e.children) if (c.type === 'tag' && !this.stats.has(c)) stack.push(c);
    }
    for (let i = order.length - 1; i >= 0; i--) {
      const e = order[i];
      const s: LinkStats = { chars: 0, linkChars: 0, links: 0, headings: HEADING.test(e.name) ? 1 : 0 };
      for (const c of e.children) {
        if (c.type === 'text') s.chars += countWordChars(c.data);
        else if (c.type === 'tag') {
          const cs = this.stats.get(c)!;
          s.chars += cs.chars;
          s.linkChars += c.name === 'a' ? cs.chars : cs.linkChars;
          s.links += cs.links + (c.name === 'a' ? 1 : 0);
          s.headings += cs.headings;
        }
      }
      this.stats.set(e, s);
    }
    return this.stats.get(el)!;
  }

  private skipReason(el: Element): string | null {
    const name = el.name;
    if (SKIPPED_TAGS[name]) return SKIPPED_TAGS[name];
    if (el.type === 'script' || el.type === 'style') return el.type;
    const a = el.attribs;
    if ('hidden' in a || a['aria-hidden'] === 'true' || /display\s*:\s*none/i.test(a.style ?? '')) return 'hidden';
    const role = (a.role ?? '').toLowerCase().trim();
    if (SKIPPED_ROLES[role] && !(role === 'banner' && this.statsOf(el).headings)) return SKIPPED_ROLES[role];
    if (name === 'header' && !this.statsOf(el).headings) return 'page header';
    if (INLINE.has(name) && name !== 'a') return null;
    let hasHandler = false;
    for (const k in a) if (k.startsWith('on')) hasHandler = true;
    if (hasHandler && this.statsOf(el).chars === 0) return 'control';
    // Navigation holds three links or more: on a page with fewer, no element is navigation, and the text and link
    // statistics of the whole tree need not be gathered.
    if (this.links < 3 || INLINE.has(name) || name === 'li') return null;
    const s = this.statsOf(el);
    if (s.links >= 3 && s.linkChars >= 0.7 * s.chars) return 'navigation (mostly links)';
    return null;
  }

  private skip(node: ChildNode, reason: string, out: Block[]) {
    const last = out[out.length - 1];
    const span = this.span(node);
    if (last?.type === 'skipped' && last.reason === reason && last.toLine >= span.fromLine - 1) last.toLine = Math.max(last.toLine, span.toLine);
    else out.push({ type: 'skipped', reason, fromLine: span.fromLine, toLine: span.toLine });
  }

  /** Reads the children of a block container into `out`, collecting inline runs into paragraphs. */
  container(children: ChildNode[], out: Block[], para: ParagraphBuilder, depth: number, bold = false, href?: string) {
    for (const node of children) this.node(node, out, para, depth, bold, href);
  }

  private node(node: ChildNode, out: Block[], para: ParagraphBuilder, depth: number, bold: boolean, href: string | undefined) {
    if (node.type === 'text') {
      para.add(node.data, this.textLine(node), this.lineOf(node.endIndex ?? node.startIndex), bold, href);
      return;
    }
    if (node.type === 'comment') {
      para.flush(out);
      this.skip(node, 'HTML comment', out);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const el = node as Element;
    const name = el.name;
    const reason = this.skipReason(el);
    if (reason) {
      if (!INLINE.has(name) && !SKIPPED_INLINE.has(name)) para.flush(out);
      this.skip(el, reason, out);
      return;
    }
    if (depth >= MAX_DEPTH) {
      this.flat(el, para, bold);
      return;
    }
    if (name === 'br') return para.br();
    if (name === 'img') {
      const emoji = el.attribs['data-emoji-ch'] ?? (EMOJI_ONLY.test(el.attribs.alt ?? '') ? el.attribs.alt : '');
      if (emoji && emoji.trim()) para.add(emoji.trim(), this.lineOf(el.startIndex), this.lineOf(el.startIndex), bold, href);
      return;
    }
    if (INLINE.has(name)) {
      const isBold = bold || BOLD.has(name) || /font-weight\s*:\s*(bold|[6-9]00)/i.test(el.attribs.style ?? '');
      const link = name === 'a' ? safeHref(el.attribs.href) : href;
      this.container(el.children, out, para, depth + 1, isBold, link);
      return;
    }
    if (name === 'title') {
      const text = normaliseSpace(plainText(el));
      if (!this.title && text) this.title = { text, line: this.lineOf(el.startIndex) };
      else this.skip(el, 'document title', out);
      return;
    }
    para.flush(out);
    const span = this.span(el);
    const h = HEADING.exec(name);
    if (h) {
      const inner = this.newParagraph();
      const extra: Block[] = [];
      this.container(el.children, extra, inner, depth + 1);
      inner.flush(extra);
      const paragraphs = extra.filter((b) => b.type === 'paragraph');
      const text = normaliseSpace(paragraphs.flatMap((b) => b.lines.map((l) => l.text)).join(' '));
      if (text) out.push({ type: 'heading', depth: Number(h[1]), text, line: paragraphs[0]?.lines[0]?.line ?? span.fromLine, ...span });
      out.push(...extra.filter((b) => b.type !== 'paragraph'));
      return;
    }
    switch (name) {
      case 'ul':
      case 'ol':
      case 'menu':
        out.push({ type: 'list', ordered: name === 'ol', items: this.items(el, depth), fromLine: span.fromLine, toLine: span.toLine });
        return;
      case 'table':
        this.table(el, out, depth);
        return;
      case 'blockquote':
        out.push({ type: 'quote', blocks: this.blocksOf(el.children, depth), fromLine: span.fromLine, toLine: span.toLine });
        return;
      case 'details': {
        const summary = el.children.find((c): c is Element => c.type === 'tag' && c.name === 'summary');
        const rest = el.children.filter((c) => c !== summary);
        out.push({
          type: 'details', summary: summary ? normaliseSpace(plainText(summary)) : '', summaryLine: summary ? this.lineOf(summary.startIndex) : span.fromLine,
          blocks: this.blocksOf(rest, depth), ...span,
        });
        return;
      }
      case 'hr':
        out.push({ type: 'rule', ...span });
        return;
      case 'pre':
        this.skip(el, 'code block', out);
        return;
      case 'dt': {
        const text = normaliseSpace(plainText(el));
        if (text) out.push({ type: 'paragraph', lines: [{ text, line: span.fromLine, strong: text }], ...span });
        return;
      }
      default:
        this.container(el.children, out, para, depth + 1);
        para.flush(out);
    }
  }

  private blocksOf(children: ChildNode[], depth: number): Block[] {
    if (children.length === 1 && children[0].type === 'text') return this.textBlocks(children[0]);
    const out: Block[] = [];
    const para = this.newParagraph();
    this.container(children, out, para, depth + 1);
    para.flush(out);
    return out;
  }

  /**
   * `blocksOf` a lone text node (most table cells and list items): the paragraph `ParagraphBuilder` makes of it, without
   * the builder and its arrays (property-tested against the builder's, by wrapping the text in a `<span>`).
   */
  private textBlocks(node: ChildNode & { data: string }): Block[] {
    const text = normaliseSpace(node.data);
    if (!text) return [];
    // Text that normalises to something holds a character that is not white space.
    const line = this.textLine(node);
    return [{ type: 'paragraph', lines: [{ text, line }], fromLine: line, toLine: this.lineOf(node.endIndex ?? node.startIndex) }];
  }

  private items(list: Element, depth: number): ListItem[] {
    const items: ListItem[] = [];
    let loose: ChildNode[] = [];
    const flushLoose = () => {
      if (!loose.length) return;
      const blocks = this.blocksOf(loose, depth);
      if (blocks.length) items.push({ line: blocks[0].fromLine, fromLine: blocks[0].fromLine, toLine: blocks[blocks.length - 1].toLine, blocks });
      loose = [];
    };
    for (const c of list.children) {
      if (c.type === 'tag' && c.name === 'li') {
        flushLoose();
        const span = this.span(c);
        items.push({ line: span.fromLine, fromLine: span.fromLine, toLine: span.toLine, blocks: this.blocksOf(c.children, depth) });
      } else loose.push(c);
    }
    flushLoose();
    return items;
  }

  private table(table: Element, out: Block[], depth: number) {
    const rows: TableRow[] = [];
    let headerRow = false;
    const visitRows = (parent: Element, section: string) => {
      for (const c of parent.children) {
        if (c.type !== 'tag') continue;
        if (c.name === 'caption') {
          out.push(...this.blocksOf(c.children, depth));
        } else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') visitRows(c, c.name);
        else if (c.name === 'tr') {
          const cells: TableCell[] = [];
          for (const cell of c.children) {
            if (cell.type !== 'tag' || (cell.name !== 'td' && cell.name !== 'th')) continue;
            const span = this.span(cell);
            cells.push({ line: span.fromLine, header: cell.name === 'th', fromLine: span.fromLine, toLine: span.toLine, blocks: this.blocksOf(cell.children, depth) });
          }
          if (rows.length === 0 && (section === 'thead' || (cells.length > 0 && cells.every((x) => x.header)))) headerRow = true;
          if (cells.length) {
            const line = this.lineOf(c.startIndex);
            const row = this.span(c);
            rows.push({ line, fromLine: row.fromLine, toLine: row.toLine, cells });
          }
        }
      }
    };
    visitRows(table, '');
    if (rows.length) out.push({ type: 'table', headerRow, rows, ...this.span(table) });
  }

  /** Text of a subtree too deep to walk as structure: appended to the paragraph, iteratively. */
  private flat(el: Element, para: ParagraphBuilder, bold: boolean) {
    const stack: ChildNode[] = [el];
    // Each element adds a space, one for a run of elements with no text between (the line collapses the run to one).
    let spaced = false;
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'text') {
        para.add(n.data, this.textLine(n), this.lineOf(n.endIndex ?? n.startIndex), bold, undefined);
        spaced = false;
      } else if (n.type === 'tag' && !SKIPPED_TAGS[n.name]) {
        if (!spaced) para.add(' ', this.lineOf(n.startIndex), this.lineOf(n.startIndex), bold, undefined);
        spaced = true;
        for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
      }
    }
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Letters and digits in a text (symbols such as ☰ and × are not): to weigh link density and find controls. */
function countWordChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && WORD_CHAR.test(s[i]))) n++;
  }
  return n;
}

/** Text under an element, ignoring scripts and styles, without recursion. */
function plainText(el: Element): string {
  const out: string[] = [];
  const stack: ChildNode[] = [...el.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out.push(n.data);
    else if (n.type === 'tag') {
      if (n.name === 'br') out.push(' ');
      if (n.name === 'img' && n.attribs['data-emoji-ch']) out.push(n.attribs['data-emoji-ch']);
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    }
  }
  return out.join('');
}

/** Link targets worth recording (documents and pages); scripts and data URLs are not. */
function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  const h = href.trim();
  return /^(https?:|\/|\.{0,2}\/|[\w-]+\.(html?|md|pdf|docx?)\b)/i.test(h) ? h : undefined;
}
