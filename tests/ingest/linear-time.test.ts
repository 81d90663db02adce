import { describe, expect, it } from 'vitest';
import { ingestFiles, lineAccounting } from '../../src/ingest/index.ts';
import { PATHOLOGICAL } from './pathological-inputs.ts';

/**
 * Pathological inputs that took seconds to minutes when a regular expression or a join backtracked
 * or re-read its input (issue 14; before → after on a loaded two-core machine, wall time):
 * heading padded with 60,000 spaces 27 s → 0.14 s; a section heading of 60,000 colons 19 s → 0.2 s;
 * 15,000 `**a ` in a bullet 4.2 s → 0.5 s; a bullet continued over 130 KB 18 s → 0.25 s (260 KB: 50 s;
 * 1 MB did not finish in 5 minutes → 1.4 s); 50,000 levels in one file 52–79 s → about 2 s.
 * The bounds are generous and on CPU time (the suite runs files in parallel on a loaded machine); what
 * they catch is a return to quadratic time, which turns these seconds into minutes.
 */
const BOUND_MS = 8000;

/** Reads one file and checks the CPU time this process spent (wall time on a loaded machine says little). */
function timed(name: string, text: string, path = 'ladders/acme/page.md') {
  const before = process.cpuUsage();
  const set = ingestFiles([{ path, content: text }]);
  const used = process.cpuUsage(before);
  const ms = (used.user + used.system) / 1000;
  expect(ms, `${name}: ${Math.round(ms)} ms of CPU`).toBeLessThan(BOUND_MS);
  expect(set.diagnostics.some((d) => d.message.startsWith('reader failed')), name).toBe(false);
  for (const f of set.files) expect(lineAccounting(f).accounted, name).toBe(1);
  return set;
}

const continued = (bytes: number) => {
  const line = '  continues on and on and\n';
  return `- starts here and\n${line.repeat(Math.ceil(bytes / line.length))}`;
};

describe('every reader is linear in its input (generous bounds on pathological inputs)', () => {
  it('a title padded with 60,000 spaces', () => {
    const set = timed('spaces', `# L3 Title${' '.repeat(60_000)}x\n## Craft\n- a\n`);
    expect(set.levels.map((l) => [l.level, l.levelTitle])).toEqual([['L3', 'Title x']]);
    expect(set.statements.map((s) => s.text)).toEqual(['a']);
  }, 60_000);

  it('a section heading of 60,000 colons', () => {
    const set = timed('colons', `# L3: Eng\n## Sec${':'.repeat(60_000)}b\n- a\n`);
    expect(set.statements.map((s) => s.text)).toEqual(['a']);
  }, 60_000);

  it('15,000 unclosed bold markers in a bullet', () => {
    timed('bold', `- ${'**a '.repeat(15_000)}`);
    const set = timed('bold under a title', `# L3: Eng\n\n## Craft\n- ${'**a '.repeat(15_000)}`);
    expect(set.statements).toHaveLength(1);
  }, 60_000);

  it('a bullet continued over 1 MB of lines reads in one statement', () => {
    const text = `# L3: Eng\n## Craft\n${continued(1_000_000)}`;
    const set = timed('continued 1 MB', text);
    expect(set.statements).toHaveLength(1);
    expect(set.statements[0].text.startsWith('starts here and continues on and on and continues')).toBe(true);
    expect(set.files[0].lines.filter((l) => l.status === 'statement').length).toBe(text.split('\n').length - 3);
    timed('continued, no title', continued(1_000_000));
  }, 60_000);

  it('100 KB of other Markdown that parsers find hard: lazy lines, emphasis, links, tables, headings, quotes', () => {
    // 100 KB keeps the suite fast (each makes up to 10,000 statements); quadratic time would still show.
    const MB = 100_000;
    const cases: Record<string, string> = {
      'lazy continuation lines': `# L3: Eng\n## Craft\n- ${'a b c\n'.repeat(MB / 6)}`,
      'underscores': `# L3: Eng\n## Craft\n- ${'_a '.repeat(MB / 3)}`,
      'open brackets': `# L3: Eng\n## Craft\n- ${'[a '.repeat(MB / 3)}`,
      'table rows': `# L3: Eng\n## Craft\n| Area | Expectation |\n|---|---|\n${'| x | I do y. |\n'.repeat(MB / 16)}`,
      'section headings': `# L3: Eng\n${'## a\n- b\n'.repeat(MB / 10)}`,
      'nested quotes': `# L3: Eng\n## Craft\n${'> '.repeat(MB / 2)}x\n`,
      'a long list': `# L3: Eng\n## Craft\n${'- I do a thing.\n'.repeat(MB / 16)}`,
      'pipes and dashes': `# L3: Eng\n## Craft\n|---${' '.repeat(MB)}x\n`,
      'level words and spaces': `# L3: Eng\n## Level${' '.repeat(MB / 2)}x\n- a\n`,
      'abbreviations': `# L3: Eng\n## Craft\n${'e.g. A '.repeat(MB / 7)}\n`,
    };
    for (const [name, text] of Object.entries(cases)) timed(name, text);
  }, 180_000);

  it('200 KB of the inputs that make tens of thousands of statements: table rows, section headings, an unclosed comment', () => {
    // At 1 MB these took 5–10 s of CPU on a loaded two-core machine (30 s and more of wall time):
    // every row, section or bullet is a statement, so the whole per-statement path is on trial.
    const rows = PATHOLOGICAL['table rows'](200_000);
    let set = timed('table rows', rows.text, rows.path);
    expect(set.statements).toHaveLength(rows.text.split('\n').length - 5);
    expect(new Set(set.statements.map((s) => s.text))).toEqual(new Set(['I do y.']));

    const sections = PATHOLOGICAL['section headings'](200_000);
    set = timed('section headings', sections.text, sections.path);
    expect(set.statements).toHaveLength((sections.text.split('\n').length - 2) / 2);
    expect(set.statements.every((s) => s.text === 'b' && s.section === 'a' && s.kind === 'expectation')).toBe(true);

    // `<!--` never closed: CommonMark ends the HTML block at the end of the file; its Markdown lines are read.
    const comment = PATHOLOGICAL['unclosed comment'](200_000);
    set = timed('unclosed comment', comment.text, comment.path);
    expect(set.statements).toHaveLength(comment.text.split('\n').length - 4);
    expect(set.statements.every((s) => s.text === 'a')).toBe(true);
  }, 120_000);

  it('grid and long-format cells with hostile text', () => {
    timed('grid cell', `Level\tCraft\tScope\n1\t${'**a '.repeat(50_000)}\t${'[a '.repeat(50_000)}\n2\t${'1'.repeat(100_000)}\tx\n`, 'ladders/acme/grid.tsv');
    timed('long format', `level,statement\nL1,${'a-'.repeat(100_000)}\nL2,${' '.repeat(100_000)}x\n`, 'ladders/acme/long.csv');
  }, 60_000);

  it('50,000 levels in one file merge in linear time', () => {
    let text = 'level,statement\n';
    for (let i = 0; i < 50_000; i++) text += `Band x${i},I do thing ${i}.\n`;
    const set = timed('50,000 levels', text, 'ladders/acme/levels.csv');
    expect(set.levels).toHaveLength(50_000);
    // The warning lists at most a dozen labels as read and a dozen as placed, not 50,000.
    expect(set.diagnostics.find((d) => /do not sort by number/.test(d.message))?.message.length).toBeLessThan(600);
  }, 60_000);
});
