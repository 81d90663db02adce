import MarkdownIt from 'markdown-it';

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
