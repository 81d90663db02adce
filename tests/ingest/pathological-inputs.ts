/**
 * Inputs that make a reader slow when it is not linear: the generators of issue 14 (a title padded with spaces, a
 * heading of colons, unclosed bold markers, a bullet continued over many lines) and their cousins for every shape
 * (Markdown, HTML, grids, the long CSV format). Each takes a size in bytes and returns a file of about that size,
 * so the fuzz suite reads them small and `npm run bench:read` reads them at 1 MB and more.
 */
import fc from 'fast-check';

export interface Pathological {
  path: string;
  text: string;
}

/** `unit` repeated to about `bytes` characters. */
const fill = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.ceil(bytes / unit.length)));

const md = (text: string): Pathological => ({ path: 'ladders/acme/page.md', text });
const html = (text: string): Pathological => ({ path: 'ladders/acme/page.html', text });

/** Tokens of every shape, for random text (the fuzz suite has its own, richer set). */
const TOKENS = ['# ', '## ', '### L3: ', '- ', '* ', '1. ', '**', '_', '`', '[', '](', ')', '<details>', '</details>', '<div>', '</div>', '<li>', '<h2>', '|', '---', '\t', ',', '"', ':', '\n', '\r\n', '  ', 'L2', 'TBD', '&amp;', '<!--'];

export const PATHOLOGICAL: Record<string, (bytes: number) => Pathological> = {
  // The four of issue 14, as given there.
  'title padded with spaces': (n) => md(`# L3 Title${' '.repeat(n)}x\n## Craft\n- a\n`),
  'section heading of colons': (n) => md(`# L3: Eng\n## Sec${':'.repeat(n)}b\n- a\n`),
  'unclosed bold markers': (n) => md(`- ${fill('**a ', n)}`),
  'bullet continued over many lines': (n) => md(`- starts here and\n${fill('  continues on and on and\n', n)}`),
  'bullet continued, under a title': (n) => md(`# L3: Eng\n## Craft\n- starts here and\n${fill('  continues on and on and\n', n)}`),
  // Markdown that parsers find hard.
  'bold markers under a title': (n) => md(`# L3: Eng\n\n## Craft\n- ${fill('**a ', n)}`),
  'lazy continuation lines': (n) => md(`# L3: Eng\n## Craft\n- ${fill('a b c\n', n)}`),
  'underscores': (n) => md(`# L3: Eng\n## Craft\n- ${fill('_a ', n)}`),
  'open brackets': (n) => md(`# L3: Eng\n## Craft\n- ${fill('[a ', n)}`),
  'links never closed': (n) => md(`# L3: Eng\n## Craft\n- ${fill('[a](b ', n)}`),
  'backtick runs': (n) => md(`# L3: Eng\n## Craft\n- ${fill('`a ``b ', n)}`),
  'table rows': (n) => md(`# L3: Eng\n## Craft\n| Area | Expectation |\n|---|---|\n${fill('| x | I do y. |\n', n)}`),
  'section headings': (n) => md(`# L3: Eng\n${fill('## a\n- b\n', n)}`),
  'nested quotes': (n) => md(`# L3: Eng\n## Craft\n${fill('> ', n)}x\n`),
  'a long list': (n) => md(`# L3: Eng\n## Craft\n${fill('- I do a thing.\n', n)}`),
  'pipes and spaces': (n) => md(`# L3: Eng\n## Craft\n|---${' '.repeat(n)}x\n`),
  'level word and spaces': (n) => md(`# L3: Eng\n## Level${' '.repeat(n)}x\n- a\n`),
  'abbreviations': (n) => md(`# L3: Eng\n## Craft\n${fill('e.g. A ', n)}\n`),
  'unclosed comment': (n) => md(`# L3: Eng\n## Craft\n<!-- ${fill('- a\n', n)}`),
  'unclosed code fence': (n) => md(`# L3: Eng\n## Craft\n\`\`\`\n${fill('- a\n', n)}`),
  'many level pages in one file': (n) => md(fill('# L1: Eng\n## Craft\n- a\n', n)),
  // HTML.
  'nested divs': (n) => html(`<h1>L3: Eng</h1>${fill('<div>', n)}x`),
  'unclosed list items': (n) => html(`<h1>L3: Eng</h1><h2>Craft</h2><ul>${fill('<li>I do a thing. ', n)}`),
  'one long attribute': (n) => html(`<h1>L3: Eng</h1><h2>Craft</h2><ul><li title="${fill('a', n)}">x</li></ul>`),
  'a table of many cells': (n) => html(`<h1>L3: Eng</h1><table>${fill('<tr><td>a</td><td>I do b.</td></tr>', n)}</table>`),
  // Grids and the long format.
  'grid cells of hostile text': (n) => ({ path: 'ladders/acme/grid.tsv', text: `Level\tCraft\tScope\n1\t${fill('**a ', n / 2)}\t${fill('[a ', n / 2)}\n2\tx\ty\n` }),
  'grid of many rows': (n) => ({ path: 'ladders/acme/grid.csv', text: `Level,Craft,Scope\n${fill('L1,I do a.,Team\n', n)}` }),
  'one quoted field over many lines': (n) => ({ path: 'ladders/acme/long.csv', text: `level,statement\nL1,"${fill('a "" b\n', n)}"\nL2,x\n` }),
  'a quoted field never closed': (n) => ({ path: 'ladders/acme/long.csv', text: `level,statement\nL1,"${fill('a, b\n', n)}` }),
  'long format of many levels': (n) => {
    let text = 'level,statement\n';
    for (let i = 0; text.length < n; i++) text += `Band x${i},I do thing ${i}.\n`;
    return { path: 'ladders/acme/levels.csv', text };
  },
};

/** Random text of every shape's tokens and arbitrary characters, about `bytes` long (fixed seed: the same every run). */
export function randomText(bytes: number, seed: number): string {
  const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom(...TOKENS));
  const block = fc.sample(piece, { seed, numRuns: 4096 }).join('') || 'x';
  return fill(block, bytes).slice(0, Math.max(bytes, 1));
}
