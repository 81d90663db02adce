import type { Token } from 'markdown-it';
import type { Block, BlockDocument, DetailsBlock, LineSpan, ListItem, MarkupProblem, ParagraphBlock, TableCell, TableRow, TextLine } from './blocks.ts';
import { splitLines } from './draft.ts';
import { readFrontMatter } from './front-matter.ts';
import { inlineLines, inlineText, plainLines, plainTextLines, TYPED_BULLET } from './markdown-inline.ts';
import { type InlineChildren, isPlainInline, isPlainLines, parseInRuns } from './markdown-parser.ts';
import { normaliseSpace, parsesToItself } from './normalise-text.ts';
import { readHtml } from './read-html.ts';
import { SimpleLine, type SimpleLines, shapeOf, simpleLines, tableCells, textStart } from './simple-markdown.ts';

/** A whole line that is a template tag (`{% include x %}`, `{{ page.title }}`, `<% … %>`, `{# … #}`): skipped. */
const TEMPLATE = /^[ \t]*(?:\{%.*%\}|\{\{.*\}\}|<%.*%>|\{#.*#\})[ \t]*$/;
/** A line closing a code fence, behind any quote markers or indentation of its container. */
const FENCE_CLOSE = /^[ \t>]*(`{3,}|~{3,})[ \t]*$/;

/** Whether `TEMPLATE` or `TYPED_BULLET` could match the line: its first character after spaces and tabs is `{`, `<` or `•`. */
function mayBeTagOrBullet(line: string): boolean {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  const c = line.charCodeAt(i);
  return c === 123 || c === 60 || c === 0x2022;
}

/**
 * Reads a Markdown page into the shared block tree, with source lines from the parser's line map.
 * Front matter is read first (and hidden from the parser, keeping line numbers); code, comments and
 * template tags become skipped blocks with their reason; `<details>` … `</details>` written as
 * separate HTML blocks around Markdown content (GitHub's collapsible sections) becomes one details
 * block holding that content. Linear in the input. `source`: the text's lines, when the caller has them;
 * `direct`: false to parse even a page `simpleLines` reads directly, and inline text `parsesToItself` (tests compare the two).
 */
export function readMarkdown(text: string, source: string[] = splitLines(text), direct = true): BlockDocument {
  const front = readFrontMatter(source);
  const bodyLines = front ? source.map((l, i) => (i < front.toLine ? '' : l)) : source;
  const reader = new MarkdownBlocks(source, 0, false, direct);
  const simple = direct ? simpleLines(bodyLines) : null;
  if (simple) reader.readSimple(bodyLines, simple);
  else parseInRuns(front ? bodyLines.join('\n') : text, (tokens, children) => reader.readRun(tokens, children));
  const blocks = reader.finish();
  return {
    blocks,
    ...(front ? { frontMatter: { fields: front.fields, lists: front.lists, fromLine: front.fromLine, toLine: front.toLine } } : {}),
    ...(reader.problems.length ? { problems: reader.problems } : {}),
  };
}

/** Tag opens and closes of one element name in an HTML fragment, counted without a regular expression. */
function tagBalance(html: string, name: string): number {
  const lower = html.toLowerCase();
  let balance = 0;
  for (let at = lower.indexOf('<', 0); at >= 0; at = lower.indexOf('<', at + 1)) {
    const closing = lower[at + 1] === '/';
    const start = at + (closing ? 2 : 1);
    if (lower.startsWith(name, start) && !/[a-z0-9-]/.test(lower[start + name.length] ?? '')) balance += closing ? -1 : 1;
  }
  return balance;
}

/** Shifts a fragment's blocks from fragment lines to file lines. */
function shift(blocks: Block[], by: number): Block[] {
  const move = (b: Block): Block => {
    const span = { fromLine: b.fromLine + by, toLine: b.toLine + by };
    switch (b.type) {
      case 'heading':
        return { ...b, ...span, line: b.line + by };
      case 'paragraph':
        return { ...b, ...span, lines: b.lines.map((l) => ({ ...l, line: l.line + by })) };
      case 'list':
        return { ...b, ...span, items: b.items.map((i) => ({ ...i, line: i.line + by, fromLine: i.fromLine + by, toLine: i.toLine + by, blocks: shift(i.blocks, by) })) };
      case 'table':
        return {
          ...b, ...span,
          rows: b.rows.map((r) => ({
            ...r, line: r.line + by, fromLine: r.fromLine + by, toLine: r.toLine + by,
            cells: r.cells.map((c) => ({ ...c, line: c.line + by, fromLine: c.fromLine + by, toLine: c.toLine + by, blocks: shift(c.blocks, by) })),
          })),
        };
      case 'quote':
        return { ...b, ...span, blocks: shift(b.blocks, by) };
      case 'details':
        return { ...b, ...span, summaryLine: b.summaryLine + by, blocks: shift(b.blocks, by) };
      default:
        return { ...b, ...span };
    }
  };
  return blocks.map(move);
}

/** Marks the lines inside skipped blocks of a fragment (scripts, comments), at any depth: `out[line - first]`. */
function skippedLines(blocks: Block[], out: Uint8Array, first: number) {
  for (const b of blocks) {
    if (b.type === 'skipped') for (let l = Math.max(b.fromLine, first); l <= b.toLine && l - first < out.length; l++) out[l - first] = 1;
    else if (b.type === 'list') for (const i of b.items) skippedLines(i.blocks, out, first);
    else if (b.type === 'table') for (const r of b.rows) for (const c of r.cells) skippedLines(c.blocks, out, first);
    else if (b.type === 'quote' || b.type === 'details') skippedLines(b.blocks, out, first);
  }
}

/**
 * Walks markdown-it's flat token stream (open/close pairs) into nested blocks as the parser hands it on
 * (`parseInRuns`): a run can end inside a list or a quote, so the walk is a generator that waits for the next
 * run where the tokens end, and a run's tokens can go once read. A container's last line is read when it
 * closes (the parser fills it in then).
 */
class MarkdownBlocks {
  problems: MarkupProblem[] = [];
  private tokens: Token[] = [];
  private children: InlineChildren = () => [];
  private at = 0;
  /** The top-level blocks so far, and the `<details>` they leave open for the blocks after them. */
  private top: Block[] = [];
  private open: DetailsBlock[] = [];
  /** Lines a top-level token covers (`withUncovered`), and the top-level container open now. */
  private covered: Uint8Array;
  private openTop: Token[] = [];
  /** The walk, waiting for tokens; `ended` once the parser has handed on the last run. */
  private walk: Generator<void, Block[], void>;
  private ended = false;

  /**
   * `offset`: lines before the parsed text; `fragment`: a Markdown run inside an HTML block, parsed on its own
   * (its lines are accounted for by the page around it).
   */
  constructor(private source: string[], private offset = 0, private fragment = false, private direct = true) {
    this.covered = new Uint8Array(fragment ? 0 : source.length + 2);
    this.walk = this.sequence(null, this.top, this.open);
  }

  /** Reads the next run of tokens; `children` parses an inline token's content. */
  readRun(tokens: Token[], children: InlineChildren) {
    this.tokens = tokens;
    this.children = children;
    this.at = 0;
    this.walk.next();
    if (this.fragment) return;
    for (const t of tokens) {
      if (t.level !== 0) continue;
      // A container's line span is known once it closes.
      const spanned = t.nesting === 1 ? (this.openTop.push(t), null) : t.nesting === -1 ? this.openTop.pop() : t;
      if (!spanned?.map) continue;
      for (let l = spanned.map[0] + 1; l <= spanned.map[1]; l++) this.covered[l] = 1;
    }
  }

  /**
   * Reads a page of blank lines, headings, single-line bullets and pipe tables (`simpleLines`) straight from its
   * lines, into the blocks its tokens would give: a heading per heading line; a list per run of bullets with one
   * marker (over blank lines), each item and the list spanning up to the next item or to the line that ends the list
   * (the blank lines before it included), each item a one-line paragraph; a table per table (`simpleTable`).
   * `lines`: the parsed text's lines.
   */
  readSimple(lines: string[], simple: SimpleLines) {
    const { lines: packed, lineMax } = simple;
    const off = this.offset;
    const out = this.top;
    let i = 0;
    while (i < lineMax) {
      const shape = shapeOf(packed[i]);
      if (shape === SimpleLine.Blank) {
        i++;
        continue;
      }
      if (shape === SimpleLine.Heading) {
        const line = i + 1 + off;
        const start = textStart(packed[i]);
        out.push({ type: 'heading', depth: start - 1, text: normaliseSpace(lines[i].slice(start)), line, fromLine: line, toLine: line });
        this.cover(line, line);
        i++;
        continue;
      }
      if (shape === SimpleLine.TableRow) {
        i = this.simpleTable(lines, packed, i, lineMax);
        continue;
      }
      if (shape === SimpleLine.CommentStart) {
        i = this.simpleComment(lines, packed, i);
        continue;
      }
      const marker = lines[i].charCodeAt(0);
      const items: ListItem[] = [];
      const first = i;
      for (;;) {
        // The item's span runs over the blank lines after it, to the next item or the line that ends the list.
        let next = i + 1;
        while (next < lineMax && shapeOf(packed[next]) === SimpleLine.Blank) next++;
        const line = i + 1 + off;
        const blocks = this.paragraph(plainLines(lines[i].slice(textStart(packed[i])), line, this.source), line);
        let toLine = Math.max(line, next + off);
        for (const b of blocks) if (b.toLine > toLine) toLine = b.toLine;
        items.push({ line, fromLine: line, toLine, blocks });
        i = next;
        if (i >= lineMax || shapeOf(packed[i]) !== SimpleLine.Bullet || lines[i].charCodeAt(0) !== marker) break;
      }
      const fromLine = first + 1 + off;
      const toLine = Math.max(fromLine, i + off);
      out.push({ type: 'list', ordered: false, items, fromLine, toLine });
      this.cover(fromLine, toLine);
    }
  }

  /**
   * A pipe table of a simple page (`simpleLines` checked its shape) from its first line: its rows up to the next line
   * that is not one, each row on its line (the header's spanning the delimiter row under it), each cell a one-line
   * paragraph or empty, as `table` reads the parser's tokens. Returns the line after the table.
   */
  private simpleTable(lines: string[], packed: Uint8Array, first: number, lineMax: number): number {
    const off = this.offset;
    const rows: TableRow[] = [];
    const row = (at: number, header: boolean) => {
      const line = at + 1 + off;
      const cells: TableCell[] = [];
      for (const content of tableCells(lines[at])) {
        const text = plainLines(content, line, this.source);
        cells.push({ line, header, fromLine: line, toLine: line, blocks: text.length ? [{ type: 'paragraph', lines: text, fromLine: line, toLine: line }] : [] });
      }
      rows.push({ line, fromLine: line, toLine: line, cells });
    };
    row(first, true);
    let end = first + 2;
    for (; end < lineMax && shapeOf(packed[end]) === SimpleLine.TableRow; end++) row(end, false);
    if (rows.length > 1) rows[0].toLine = Math.max(rows[0].toLine, rows[1].fromLine - 1);
    const fromLine = first + 1 + off;
    const toLine = Math.max(fromLine, end + off);
    if (rows.length === 1) rows[0].toLine = toLine;
    this.top.push({ type: 'table', headerRow: true, rows, fromLine, toLine });
    this.cover(fromLine, toLine);
    return end;
  }

  /**
   * An HTML comment block of a simple page (`simpleLines` found where it ends) from its first line: read by `htmlBlock`
   * from the lines of the token the parser would give it — its lines from the margin, each with its line end (the last
   * one's only if the text has it) — as the parser's block would be. Returns the line after it.
   */
  private simpleComment(lines: string[], packed: Uint8Array, first: number): number {
    let end = first + 1;
    while (end < packed.length && shapeOf(packed[end]) === SimpleLine.InComment) end++;
    // The lines the parser's token would hold: an empty last one after the line end the text has there.
    const block = lines.slice(first, end);
    if (end < lines.length) block.push('');
    const fromLine = first + 1 + this.offset;
    this.htmlBlock({ fromLine, toLine: Math.max(fromLine, end + this.offset) }, null, block, this.top, this.open);
    this.cover(first + 1 + this.offset, end + this.offset);
    return end;
  }

  /** Marks lines a top-level block covers (what `readRun` does from the tokens' line maps). */
  private cover(fromLine: number, toLine: number) {
    if (this.fragment) return;
    for (let l = fromLine; l <= toLine; l++) this.covered[l] = 1;
  }

  /** The blocks of the whole text, once every run is read. */
  finish(): Block[] {
    this.ended = true;
    this.tokens = [];
    this.at = 0;
    this.walk.next();
    return this.fragment ? this.top : this.withUncovered(this.top);
  }

  /**
   * Lines no token covers at the top level: link reference definitions (the parser keeps them out
   * of the stream) and lines below the nesting limit. Accounted for as skipped with the reason.
   */
  private withUncovered(blocks: Block[]): Block[] {
    const covered = this.covered;
    const extra: Block[] = [];
    for (let l = 1; l <= this.source.length; l++) {
      if (covered[l] || !this.source[l - 1].trim()) continue;
      const reason = /^ {0,3}\[[^\]]*\]:/.test(this.source[l - 1]) ? 'link reference definition' : 'nested too deeply to read';
      const last = extra[extra.length - 1];
      if (last?.type === 'skipped' && last.reason === reason && last.toLine === l - 1) last.toLine = l;
      else extra.push({ type: 'skipped', reason, fromLine: l, toLine: l });
    }
    if (!extra.length) return blocks;
    return [...blocks, ...extra].sort((a, b) => a.fromLine - b.fromLine);
  }

  /**
   * Blocks until the closing token of the container (`null`: the end of the text), added to `out`, waiting
   * for the next run whenever the tokens end. `open`: `<details>` opened by an HTML block and not yet closed:
   * later blocks go inside it.
   */
  private *sequence(close: string | null, out: Block[] = [], open: DetailsBlock[] = []): Generator<void, Block[], void> {
    const target = () => (open.length ? open[open.length - 1].blocks : out);
    for (;;) {
      if (this.at >= this.tokens.length) {
        if (this.ended) break;
        yield;
        continue;
      }
      const t = this.tokens[this.at];
      if (close !== null && t.type === close) {
        this.at++;
        break;
      }
      if (t.type === 'html_block') {
        this.at++;
        this.html(t, target(), open);
        continue;
      }
      const block = t.type === 'bullet_list_open' || t.type === 'ordered_list_open' || t.type === 'blockquote_open' ? yield* this.container() : this.block();
      if (!block) continue;
      const into = target();
      let toLine = 0;
      for (const b of block) {
        into.push(b);
        if (b.toLine > toLine) toLine = b.toLine;
      }
      for (const d of open) if (toLine > d.toLine) d.toLine = toLine;
    }
    return out;
  }

  /** Reads the list or quote starting at the current token, whose tokens may come over several runs. */
  private *container(): Generator<void, Block[], void> {
    const t = this.tokens[this.at++];
    if (t.type === 'blockquote_open') {
      const blocks = yield* this.sequence('blockquote_close');
      return [{ type: 'quote', blocks, ...this.span(t) }];
    }
    const ordered = t.type === 'ordered_list_open';
    const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
    // The items, read here rather than in a walk of their own (a page of short lists makes one per list).
    const items: ListItem[] = [];
    for (;;) {
      if (this.at >= this.tokens.length) {
        if (this.ended) break;
        yield;
        continue;
      }
      const item = this.tokens[this.at++];
      if (item.type === close) break;
      if (item.type !== 'list_item_open') continue;
      let blocks: Block[];
      const tokens = this.tokens;
      const at = this.at;
      // Most items are one paragraph, its tokens all here: read as the walk would, without a walk of its own.
      if (at + 3 < tokens.length && tokens[at].type === 'paragraph_open' && tokens[at + 3].type === 'list_item_close') {
        blocks = this.block() ?? [];
        this.at = at + 4;
      } else blocks = yield* this.sequence('list_item_close');
      const fromLine = (item.map?.[0] ?? 0) + 1 + this.offset;
      let toLine = Math.max(fromLine, (item.map?.[1] ?? 0) + this.offset);
      for (const b of blocks) if (b.toLine > toLine) toLine = b.toLine;
      items.push({ line: fromLine, fromLine, toLine, blocks });
    }
    const span = this.span(t);
    return [{ type: 'list', ordered, items, fromLine: span.fromLine, toLine: span.toLine }];
  }

  private span(t: Token) {
    const fromLine = (t.map?.[0] ?? 0) + 1 + this.offset;
    return { fromLine, toLine: Math.max(fromLine, (t.map?.[1] ?? 0) + this.offset) };
  }

  /** Reads the block (not a list or quote) starting at the current token; returns the blocks it becomes (possibly none). */
  private block(): Block[] | null {
    const t = this.tokens[this.at++];
    const span = this.span(t);
    switch (t.type) {
      case 'heading_open': {
        const inline = this.tokens[this.at];
        const text = inline?.type !== 'inline' ? '' : isPlainInline(inline.content) ? normaliseSpace(inline.content) : inlineText(this.children(inline), span.fromLine, this.source);
        this.skipTo('heading_close');
        const { fromLine, toLine } = span;
        return text ? [{ type: 'heading', depth: Number(t.tag.slice(1)) || 1, text, line: fromLine, fromLine, toLine }] : [{ type: 'structure', reason: 'empty heading', fromLine, toLine }];
      }
      case 'paragraph_open': {
        const inline = this.tokens[this.at];
        const lines = inline?.type === 'inline' ? this.lines(inline, span.fromLine) : [];
        this.skipTo('paragraph_close');
        return this.paragraph(lines, span.toLine);
      }
      case 'table_open':
        return [this.table(span)];
      case 'hr':
        return [{ type: 'rule', ...span }];
      case 'fence':
      case 'code_block': {
        const last = this.source[span.toLine - 1] ?? '';
        const m = FENCE_CLOSE.exec(last);
        const closed = span.toLine > span.fromLine && !!m && m[1][0] === t.markup[0] && m[1].length >= t.markup.length;
        if (t.type === 'fence' && !closed) {
          this.problems.push({
            line: span.fromLine, severity: 'warning',
            message: `code fence ${t.markup} opened here is never closed, so lines ${span.fromLine}–${span.toLine} are read as code and skipped; end the code with a line of ${t.markup}, or remove the fence if the text below it belongs to the ladder`,
          });
        }
        return [{ type: 'skipped', reason: closed || t.type === 'code_block' ? 'code block' : 'code block (fence never closed)', ...span }];
      }
      default:
        // Closing tokens of containers are consumed by their opener; anything else has no text.
        return null;
    }
  }

  /**
   * The text lines of an inline token; plain text (most of it) without running the inline parser or making its tokens,
   * and so is one line the parser would give as one text token of itself (`parsesToItself`: emphasis markers that can
   * only open, `[` with no `]`), where the parser made a token and a delimiter for each marker (1 MB of `**a `).
   * (Asked of the content as written, not with its white space collapsed: a marker after a tab or any character
   * other than a space or a marker of its kind is left to the parser.)
   */
  private lines(inline: Token, line: number): TextLine[] {
    const content = inline.content;
    if (isPlainInline(content) || (this.direct && parsesToItself(content))) return plainLines(content, line, this.source);
    if (isPlainLines(content)) return plainTextLines(content, line, this.source);
    return inlineLines(this.children(inline), line, this.source);
  }

  private skipTo(type: string) {
    while (this.at < this.tokens.length && this.tokens[this.at].type !== type) this.at++;
    this.at++;
  }

  /**
   * A paragraph's lines; a whole line that is a template tag is cut out as skipped (the text
   * around it stays two paragraphs), and lines typed with `•` become a list, as the line-based reader
   * read them.
   */
  private paragraph(lines: TextLine[], toLine: number): Block[] {
    if (lines.length === 1) {
      const l = lines[0];
      // A line whose first mark is not `{`, `<` or `•` is neither a template tag nor a typed bullet (most lines).
      if (!mayBeTagOrBullet(this.source[l.line - 1] ?? '')) return [{ type: 'paragraph', lines, fromLine: l.line, toLine: Math.max(l.line, toLine) }];
      if (TEMPLATE.test(this.source[l.line - 1] ?? '')) return [{ type: 'skipped', reason: 'template tag', fromLine: l.line, toLine: l.line }];
      const end = Math.max(l.line, toLine);
      return TYPED_BULLET.test(this.source[l.line - 1] ?? '') ? this.typedBullets(lines, end) : [{ type: 'paragraph', lines, fromLine: l.line, toLine: end }];
    }
    const out: Block[] = [];
    let run: TextLine[] = [];
    const ends = lines.map((l, i) => (i + 1 < lines.length ? Math.max(l.line, lines[i + 1].line - 1) : Math.max(l.line, toLine)));
    let runEnd = 0;
    const flush = () => {
      if (run.length) out.push(...this.typedBullets(run, runEnd));
      run = [];
    };
    lines.forEach((l, i) => {
      if (TEMPLATE.test(this.source[l.line - 1] ?? '')) {
        flush();
        out.push({ type: 'skipped', reason: 'template tag', fromLine: l.line, toLine: l.line });
        return;
      }
      run.push(l);
      runEnd = ends[i];
    });
    flush();
    return out;
  }

  private typedBullets(lines: TextLine[], toLine: number): Block[] {
    const isBullet = (l: TextLine) => TYPED_BULLET.test(this.source[l.line - 1] ?? '');
    const para = (ls: TextLine[], to: number): ParagraphBlock => ({ type: 'paragraph', lines: ls, fromLine: ls[0].line, toLine: to });
    const first = lines.findIndex(isBullet);
    if (first < 0) return [para(lines, toLine)];
    const out: Block[] = [];
    if (first > 0) out.push(para(lines.slice(0, first), lines[first].line - 1));
    const items: ListItem[] = [];
    for (let i = first; i < lines.length; i++) {
      const l = lines[i];
      if (isBullet(l)) {
        const text = l.text.replace(TYPED_BULLET, '');
        items.push({ line: l.line, fromLine: l.line, toLine: l.line, blocks: [para([{ ...l, text }], l.line)] });
      } else {
        const item = items[items.length - 1];
        (item.blocks[0] as ParagraphBlock).lines.push(l);
      }
    }
    items.forEach((item, k) => {
      item.toLine = k + 1 < items.length ? items[k + 1].line - 1 : toLine;
      (item.blocks[0] as ParagraphBlock).toLine = item.toLine;
    });
    out.push({ type: 'list', ordered: false, items, fromLine: lines[first].line, toLine });
    return out;
  }

  /** A pipe table: the header row also holds the separator line under it. */
  private table(span: { fromLine: number; toLine: number }): Block {
    const rows: TableRow[] = [];
    while (this.at < this.tokens.length) {
      const t = this.tokens[this.at++];
      if (t.type === 'table_close') break;
      if (t.type !== 'tr_open') continue;
      const { fromLine, toLine } = this.span(t);
      const cells: TableCell[] = [];
      while (this.at < this.tokens.length && this.tokens[this.at].type !== 'tr_close') {
        const c = this.tokens[this.at++];
        if (c.type !== 'th_open' && c.type !== 'td_open') continue;
        const inline = this.tokens[this.at];
        const lines = inline?.type === 'inline' ? this.lines(inline, fromLine) : [];
        // Field by field, not spread from the row's span (a 1 MB table has 100,000 cells).
        cells.push({ line: fromLine, header: c.type === 'th_open', fromLine, toLine, blocks: lines.length ? [{ type: 'paragraph', lines, fromLine, toLine }] : [] });
      }
      this.at++;
      rows.push({ line: fromLine, fromLine, toLine, cells });
    }
    if (rows.length > 1) rows[0].toLine = Math.max(rows[0].toLine, rows[1].fromLine - 1);
    else if (rows.length === 1) rows[0].toLine = span.toLine;
    return { type: 'table', headerRow: true, rows, ...span };
  }

  /**
   * An HTML block: a comment is skipped; otherwise its text is read by the HTML reader, its tag-only
   * lines are structure, and an unclosed `<details>` stays open over the Markdown blocks after it
   * until a block closes it. CommonMark keeps the lines of an HTML block raw up to the next blank
   * line, so `<summary>Examples</summary>` directly followed by `- item` lines would show the
   * bullets as text; authors mean bullets (and the line-based reader read them so): lines of the
   * block that do not start with a tag are read as Markdown, inside the details block they sit in.
   */
  private html(t: Token, into: Block[], open: DetailsBlock[]) {
    const span = this.span(t);
    this.htmlBlock(span, t.content, contentLines(t.content, this.source, span.fromLine), into, open);
  }

  /**
   * `html` of a block given as its lines (`content.split('\n')`), and its content when the parser gave one (an HTML
   * block of a simple page comes as lines only). Everything is asked of the lines (no pattern here spans a line end),
   * without joining a 1 MB block into one string and splitting it again; the content only saves that join where
   * the HTML reader needs the block whole.
   */
  private htmlBlock(span: LineSpan, content: string | null, lines: string[], into: Block[], open: DetailsBlock[]) {
    if (/^[ \t]*<!--/.test(lines[0])) {
      if (lastText(lines).endsWith('-->')) {
        into.push({ type: 'skipped', reason: 'HTML comment', ...span });
        return;
      }
      // Never closed: a rendered page shows nothing after it, yet its Markdown lines are read (nothing is lost).
      if (!lines.some((l) => l.includes('-->'))) {
        this.problems.push({
          line: span.fromLine, severity: 'warning',
          message: `HTML comment <!-- opened here is never closed, so the rendered page hides lines ${span.fromLine}–${span.toLine}; their Markdown is read as ladder text all the same: end the comment with -->, or remove the <!-- if the text below it belongs to the ladder`,
        });
      }
    }
    const markdown = new Uint8Array(lines.length);
    let anyMarkdown = false;
    for (let k = 0; k < lines.length; k++) {
      if (startsMarkdown(lines[k])) {
        markdown[k] = 1;
        anyMarkdown = true;
      }
    }
    const htmlText = anyMarkdown ? lines.map((l, k) => (markdown[k] ? '' : l)).join('\n') : content ?? lines.join('\n');
    const fragment = simpleDetails(lines, span.fromLine, span.toLine) ?? shift(readHtml(htmlText).blocks, span.fromLine - 1);
    const skipped = new Uint8Array(span.toLine - span.fromLine + 1);
    skippedLines(fragment, skipped, span.fromLine);
    let run: Block | null = null;
    for (let l = span.fromLine; l <= span.toLine; l++) {
      if (skipped[l - span.fromLine] || !this.source[l - 1]?.trim()) continue;
      if (run && run.toLine === l - 1) run.toLine = l;
      else {
        run = { type: 'structure', reason: 'HTML markup', fromLine: l, toLine: l };
        into.push(run);
      }
    }
    const top: Block[] = [...fragment];
    for (let k = 0; k < lines.length; k++) {
      if (!markdown[k]) continue;
      let m = k;
      while (m + 1 < lines.length && markdown[m + 1]) m++;
      const from = span.fromLine + k;
      const inner = new MarkdownBlocks(this.source, from - 1, true, this.direct);
      const run = lines.slice(k, m + 1);
      const simple = this.direct ? simpleLines(run) : null;
      if (simple) inner.readSimple(run, simple);
      else parseInRuns(run.join('\n'), (tokens, children) => inner.readRun(tokens, children));
      const blocks = inner.finish();
      const holder = innermostDetails(fragment, from);
      (holder ? holder.blocks : top).push(...blocks);
      if (holder) holder.blocks.sort((a, b) => a.fromLine - b.fromLine);
      k = m;
    }
    top.sort((a, b) => a.fromLine - b.fromLine);
    into.push(...top);
    for (const d of open) d.toLine = Math.max(d.toLine, span.toLine);
    let balance = 0;
    for (const l of lines) if (l.includes('<')) balance += tagBalance(l, 'details');
    if (balance > 0) {
      const opened = [...fragment].reverse().find((b): b is DetailsBlock => b.type === 'details');
      if (opened) open.push(opened);
    } else {
      for (let k = balance; k < 0 && open.length; k++) open.pop()!.toLine = span.toLine;
    }
  }
}

/**
 * `content.split('\n')`, each line the source's own string where it is that line unchanged (an HTML block at the
 * page's top level: every line), so a 1 MB block keeps no second copy of its lines.
 */
function contentLines(content: string, source: string[], fromLine: number): string[] {
  const out: string[] = [];
  let from = 0;
  for (let k = 0; ; k++) {
    const br = content.indexOf('\n', from);
    const end = br < 0 ? content.length : br;
    const own = source[fromLine - 1 + k];
    out.push(own !== undefined && own.length === end - from && content.startsWith(own, from) ? own : content.slice(from, end));
    if (br < 0) return out;
    from = br + 1;
  }
}

/** The last line holding more than white space, without the white space at its end ('' when none does). */
function lastText(lines: string[]): string {
  for (let k = lines.length - 1; k >= 0; k--) {
    const t = lines[k].trimEnd();
    if (t) return t;
  }
  return '';
}

/** A line of an HTML block holding text and not starting with a tag (read as Markdown: `html`). */
function startsMarkdown(line: string): boolean {
  const t = line.trimStart();
  return t !== '' && t.charCodeAt(0) !== 60;
}

/** A line of GitHub's collapsible-section idiom: `<details>`, `</details>` or `<summary>Examples</summary>`. */
const DETAILS_LINE = /^[ \t]*(?:<details(?:[ \t][^<>]*)?>|(<\/details>)|<summary>([^<&]*)<\/summary>)[ \t]*$/i;

/**
 * The blocks of an HTML block made only of `<details>`, `<summary>…</summary>` and `</details>`
 * lines, as the HTML reader would give them, without parsing HTML (the Octopus pages have two such
 * blocks per section); null when the block holds anything else.
 */
function simpleDetails(lines: string[], fromLine: number, toLine: number): Block[] | null {
  const out: Block[] = [];
  const stack: DetailsBlock[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (!lines[k].trim()) continue;
    const m = DETAILS_LINE.exec(lines[k]);
    if (!m) return null;
    const line = fromLine + k;
    const inner = stack[stack.length - 1];
    if (m[1]) {
      if (inner) inner.toLine = line;
      stack.pop();
    } else if (m[2] !== undefined) {
      if (!inner) return null;
      inner.summary = normaliseSpace(m[2]);
      inner.summaryLine = line;
    } else {
      const d: DetailsBlock = { type: 'details', summary: '', summaryLine: line, blocks: [], fromLine: line, toLine };
      (inner ? inner.blocks : out).push(d);
      stack.push(d);
    }
  }
  return out;
}

/** The innermost details block of a fragment whose lines hold `line`. */
function innermostDetails(blocks: Block[], line: number): DetailsBlock | null {
  for (const b of blocks) {
    if (b.type === 'details' && b.fromLine <= line && line <= b.toLine) return innermostDetails(b.blocks, line) ?? b;
  }
  return null;
}
