import MarkdownIt, { type Token } from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';

/**
 * The Markdown parser: CommonMark with GitHub's pipe tables, and without indented code blocks
 * (ladder pages indent wrapped lines and nested bullets freely, and the line-based reader before
 * this one read such lines as text). Raw HTML is parsed, then read as text by the HTML reader,
 * never rendered.
 *
 * markdown-it rather than micromark / mdast-util-from-markdown: on this machine micromark read a
 * 577 KB page in 2.8 s of CPU (markdown-it 0.3 s) and took time quadratic in the number of lazy
 * continuation lines under a bullet (60 KB: 2.7 s), which a hostile upload can exploit;
 * markdown-it stayed linear on every pathological input tried (tests/ingest/linear-time.test.ts).
 * The 14.x line (maintained beside 15.x, same fixes) is 1.4–1.7× faster here: 15.x builds every
 * token through a compiled class-field helper (`defineProperty`), a fifth of the parse time.
 */
export const md = new MarkdownIt('commonmark', { html: true }).enable('table').disable('code');

/**
 * The same parser without its link and image rules, for inline text holding no `]`: no link or image can form there,
 * so a `[` is plain punctuation, and the tokens are md's for the text with each `[` as any other punctuation (tested),
 * without the link rule's look for a closing bracket at every `[` (a cell of 128,000 `[a ` spent a third of its
 * reading time on it). That look-ahead is also where md departs from CommonMark: in ``[``[``[`` it loses the code
 * span ``[`` and keeps the backticks as text, where CommonMark (and GitHub) render the code span, as this parser does.
 */
export const mdNoLinks = new MarkdownIt('commonmark', { html: true }).enable('table').disable('code').disable(['link', 'image']);

/** The parser for inline `text`: `mdNoLinks` where no `]` can close a link. */
export const inlineParser = (text: string): MarkdownIt => (text.includes(']') ? md : mdNoLinks);

/**
 * Names of a ruler's enabled rules, in the order `getRules('')` returns them. markdown-it keeps them in the
 * ruler's `__rules__` (stable across the pinned 14.x line; its typings leave it out).
 */
function ruleNames(ruler: object): string[] {
  return (ruler as { __rules__: { name: string; enabled: boolean }[] }).__rules__.filter((r) => r.enabled).map((r) => r.name);
}

/** What `parseInRuns` passes the parser in its environment: where the tokens so far go. */
interface RunEnv {
  run?: (tokens: Token[]) => void;
}

/** Tokens handed on at once: enough to make the hand-over cheap, few enough to stay in the young generation. */
const RUN_TOKENS = 512;

/**
 * The same parser for block structure only: the inline content of each block is parsed when the walker reads
 * it (`InlineChildren`), and most of it, plain text, not at all.
 */
const blockParser = new MarkdownIt('commonmark', { html: true }).enable('table').disable('code');
blockParser.core.ruler.disable(ruleNames(blockParser.core.ruler).slice(ruleNames(blockParser.core.ruler).indexOf('block') + 1));

// Called first at the start of every block, at any depth: the tokens so far are final but for the line spans of
// the lists and quotes still open (the parser fills in their last line when they close, in the same map array).
// The list rule's tight-paragraph pass then looks at tokens no longer in the stream and marks none `hidden`:
// nothing here reads `hidden` (it is for rendering).
blockParser.block.ruler.before(ruleNames(blockParser.block.ruler)[0], 'hand_on_run', (state: StateBlock) => {
  const env = state.env as RunEnv;
  if (env.run && state.tokens.length >= RUN_TOKENS) env.run(state.tokens.splice(0));
  return false;
});

/** The core rules after inline parsing (text joins), as markdown-it runs them on the whole stream. */
const afterInline = md.core.ruler.getRules('').slice(ruleNames(md.core.ruler).indexOf('inline') + 1);

/**
 * Characters at which an inline rule of the parser can start (line break, escape, code, emphasis, strike-through,
 * link, image, autolink, HTML, entity). Inline text with none of them parses to one text token of itself.
 */
const INLINE_MARKUP = /[\n\\`*_~[!<&]/;

/** Inline content that parses to one text token of itself (or to nothing, when empty): no rule starts in it. */
export const isPlainInline = (content: string) => !INLINE_MARKUP.test(content);

const INLINE_MARKUP_BUT_BREAKS = /[\\`*_~[!<&]/;

/**
 * Inline content of several lines that parses to their text and the breaks between them: no rule starts in it but
 * the line break's (which drops the spaces around the break and ends the line).
 */
export const isPlainLines = (content: string) => !INLINE_MARKUP_BUT_BREAKS.test(content);

/** markdown-it's token class (the package exports only its type). */
const TokenClass = new md.core.State('', md, {}).Token;

/** The inline tokens of an `inline` token, parsed when asked for; the same tokens `md.parse` gives it. */
export type InlineChildren = (token: Token) => Token[];

/**
 * Parses Markdown and hands its block tokens to `read` in runs, in document order, with a function giving each
 * `inline` token's children: together the same tokens as `md.parse` (but for `hidden`, which only a renderer
 * reads), but a run's tokens can be dropped once read, and plain inline text is never run through the inline
 * parser. A run ends at the start of a block at any depth, so it may leave lists and quotes open: a 1 MB page of
 * short blocks, or one list of 200,000 items, is a million tokens; held all at once they made the garbage
 * collector copy and mark them again and again (half the parse time). Each block's own tokens (a heading, a
 * paragraph, a whole table) are in one run. Link reference definitions (`[label]: url`) can sit after the links
 * that use them, so text that may hold one (`]:`) is parsed whole before any inline text is.
 */
export function parseInRuns(text: string, read: (tokens: Token[], children: InlineChildren) => void): void {
  const env: RunEnv = {};
  const children: InlineChildren = (token) => {
    const content = token.content;
    if (isPlainInline(content)) {
      if (!content) return [];
      const t = new TokenClass('text', '', 0);
      t.content = content;
      return [t];
    }
    const out: Token[] = [];
    const parser = inlineParser(content);
    parser.inline.parse(content, parser, env, out);
    const state = new md.core.State('', md, env);
    const holder = new TokenClass('inline', '', 0);
    holder.children = out;
    state.tokens = [holder];
    for (const rule of afterInline) rule(state);
    return out;
  };
  if (text.includes(']:')) {
    read(blockParser.parse(text, env), children);
    return;
  }
  env.run = (tokens) => read(tokens, children);
  read(blockParser.parse(text, env), children);
}
