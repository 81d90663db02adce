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
 * Names of a ruler's enabled rules, in the order `getRules('')` returns them. markdown-it keeps them in the
 * ruler's `__rules__` (stable across the pinned 14.x line; its typings leave it out).
 */
function ruleNames(ruler: object): string[] {
  return (ruler as { __rules__: { name: string; enabled: boolean }[] }).__rules__.filter((r) => r.enabled).map((r) => r.name);
}

/** What `parseInRuns` passes the parser in its environment: where finished top-level blocks go. */
interface RunEnv {
  run?: (tokens: Token[]) => void;
}

/** Tokens handed on at once: enough to make the hand-over cheap, few enough to stay in the young generation. */
const RUN_TOKENS = 512;

// Called first at the start of every block; at the top level (nothing open) the tokens so far are final.
md.block.ruler.before(ruleNames(md.block.ruler)[0], 'hand_on_run', (state: StateBlock) => {
  const env = state.env as RunEnv;
  if (env.run && state.level === 0 && state.tokens.length >= RUN_TOKENS) env.run(state.tokens.splice(0));
  return false;
});

/** The core rules after block parsing (inline parsing, text joins), as markdown-it runs them on the whole stream. */
const afterBlocks = md.core.ruler.getRules('').slice(ruleNames(md.core.ruler).indexOf('block') + 1);

/**
 * Parses Markdown and hands its tokens to `read` in runs of whole top-level blocks, in document order: the
 * same tokens as `md.parse`, but a run's tokens can be dropped once read. A 1 MB page of short blocks is a
 * million tokens; held all at once they made the garbage collector copy and mark them again and again
 * (half the parse time). Link reference definitions (`[label]: url`) can sit after the links that use
 * them, so text that may hold one (`]:`) is parsed whole, as before.
 */
export function parseInRuns(text: string, read: (tokens: Token[]) => void): void {
  if (text.includes(']:')) {
    read(md.parse(text, {}));
    return;
  }
  const env: RunEnv = {};
  env.run = (tokens) => {
    const state = new md.core.State('', md, env);
    state.tokens = tokens;
    for (const rule of afterBlocks) rule(state);
    read(tokens);
  };
  read(md.parse(text, env));
}
