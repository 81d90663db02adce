import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/index.ts';
import { readMarkdown } from '../../src/ingest/read-markdown.ts';

const one = (text: string, name = 'page.md', company = 'acme') => ingestFiles([{ path: `ladders/${company}/${name}`, content: text }]);

describe('readMarkdown on shapes beyond the seeds', () => {
  it('reads * bullets, + bullets, numbered items and deeper headings', () => {
    const set = one('### E4 – Senior Engineer\n\n#### Delivery\n* I ship.\n+ I plan.\n1. I estimate.\n\n#### People\n- I mentor.\n');
    expect(set.diagnostics).toEqual([]);
    expect(set.levels).toMatchObject([{ level: 'E4', levelTitle: 'Senior Engineer', track: 'Engineer' }]);
    expect(set.statements.map((s) => [s.section, s.text])).toEqual([
      ['Delivery', 'I ship.'], ['Delivery', 'I plan.'], ['Delivery', 'I estimate.'], ['People', 'I mentor.'],
    ]);
  });

  it('reads a single file holding all levels under level headings', () => {
    const set = one('# Security ladder\n\nIntro text.\n\n## Level 1: Associate\n### Craft\n- I learn.\n## Level 2: Engineer\n### Craft\n- I build.\n### Scope\n- My team.\n');
    expect(set.files[0].shape).toBe('markdown-multi-level');
    expect(set.levels.map((l) => [l.level, l.levelTitle, l.levelOrder, l.track])).toEqual([
      ['1', 'Associate', 1, 'Security ladder'], ['2', 'Engineer', 2, 'Security ladder'],
    ]);
    expect(set.statements.map((s) => `${s.level}|${s.section}|${s.text}`)).toEqual(['1|Craft|I learn.', '2|Craft|I build.', '2|Scope|My team.']);
    expect(set.files[0].lines[0]).toMatchObject({ status: 'structure' });
    expect(set.files[0].lines[2]).toMatchObject({ status: 'skipped', reason: 'text outside any level section' });
  });

  it('reads YAML front matter and skips template tags with a reason', () => {
    const set = one('---\ntitle: Staff Engineer\nlevel: L5\n---\n{% include header.html %}\n\n## Impact\n- I set direction.\n{{ footer }}\n');
    expect(set.levels).toMatchObject([{ level: 'L5', levelTitle: 'Staff Engineer' }]);
    expect(set.statements.map((s) => s.text)).toEqual(['I set direction.']);
    const lines = set.files[0].lines;
    expect(lines.slice(0, 4).every((l) => l.status === 'structure')).toBe(true);
    expect(lines[4]).toMatchObject({ status: 'skipped', reason: 'template tag' });
    expect(lines[8]).toMatchObject({ status: 'skipped', reason: 'template tag' });
  });

  it('splits second-person prose without bullets into one statement per sentence', () => {
    const set = one('# L3 Senior Engineer\n\n## Technical skills\n\nYou design systems for your team. You review code from peers, e.g. design docs. You mentor newer engineers.\n');
    expect(set.statements.map((s) => [s.kind, s.text])).toEqual([
      ['expectation', 'You design systems for your team.'],
      ['expectation', 'You review code from peers, e.g. design docs.'],
      ['expectation', 'You mentor newer engineers.'],
    ]);
    expect(new Set(set.statements.map((s) => s.id)).size).toBe(3);
  });

  it('keeps an "extends the level below" line as a note, and only the additions as expectations', () => {
    const set = one('# L3: Senior\n\nEverything in L2, plus:\n\n## Craft\n- I lead designs.\n');
    expect(set.statements.map((s) => [s.kind, s.text])).toEqual([['note', 'Everything in L2, plus:'], ['expectation', 'I lead designs.']]);
  });

  it('treats bullets after an Examples heading or inside <details> as examples', () => {
    const set = one('# L2: Eng\n\n## Craft\n- I build.\n\n### Examples\n- I built X.\n\n## People\n<details>\n<summary>Examples</summary>\n\n- I helped Y.\n</details>\n');
    expect(set.statements.map((s) => [s.section, s.kind])).toEqual([['Craft', 'expectation'], ['Craft', 'example'], ['People', 'example']]);
  });

  it('joins indented or lower-case continuation lines to their bullet', () => {
    const set = one('# L2: Eng\n\n## Craft\n- I build reliable services and\n  operate them in production.\n- I write tests\nbefore shipping.\n');
    expect(set.statements.map((s) => s.text)).toEqual(['I build reliable services and operate them in production.', 'I write tests before shipping.']);
    expect(set.statements.every((s) => !s.flags.includes('unbulleted'))).toBe(true);
  });

  it('labels two pages of one track at one level as variants, and keeps other tracks apart', () => {
    const set = ingestFiles([
      { path: 'ladders/acme/a.md', content: '# L3: Senior Cloud Security Engineer\n\n## Craft\n- I secure clouds.\n' },
      { path: 'ladders/acme/b.md', content: '# L3: Senior Security Engineer\n\n## Craft\n- I secure things.\n' },
      { path: 'ladders/acme/c.md', content: '# L2: Security Engineer\n\n## Craft\n- I learn.\n' },
      { path: 'ladders/acme/d.md', content: '# L3: Senior Security Analyst\n\n## Craft\n- I analyse.\n' },
    ]);
    expect(set.levels.map((l) => [l.track, l.level, l.variant ?? null])).toEqual([
      ['Security Analyst', 'L3', null],
      ['Security Engineer', 'L2', null],
      ['Security Engineer', 'L3', 'Senior Cloud Security Engineer'],
      ['Security Engineer', 'L3', 'Senior Security Engineer'],
    ]);
    expect(set.statements.find((s) => s.text === 'I secure clouds.')?.variant).toBe('Senior Cloud Security Engineer');
  });

  it('refuses a page with no level title, naming file and line, while other files load', () => {
    const set = ingestFiles([
      { path: 'ladders/acme/notes.md', content: '# Security Engineering\n\n- I do things.\n' },
      { path: 'ladders/acme/l2.md', content: '# L2: Engineer\n\n## Craft\n- I build.\n' },
    ]);
    expect(set.diagnostics).toHaveLength(1);
    expect(set.diagnostics[0]).toMatchObject({ severity: 'error', file: 'ladders/acme/notes.md', line: 1 });
    expect(set.diagnostics[0].message).toMatch(/no level in the title "Security Engineering"/);
    expect(set.statements.map((s) => s.text)).toEqual(['I build.']);
    expect(set.files[0].lines.filter((l) => l.status === 'skipped').every((l) => l.reason?.includes('no level title'))).toBe(true);
  });

  it('orders levels from metadata when labels do not sort by number, and says so when there is none', () => {
    const grid = { path: 'ladders/acme/grid.csv', content: 'Level,Craft,Scope\nStaff,I set direction.,Org\nJunior,I learn.,Tasks\nSenior,I lead.,Team\n' };
    const withMeta = ingestFiles([{ path: 'ladders/acme/ladder.json', content: '{"name":"Acme Corp","levels":["Junior","Senior","Staff"]}' }, grid]);
    expect(withMeta.diagnostics).toEqual([]);
    expect(withMeta.levels.map((l) => [l.level, l.levelOrder, l.companyName])).toEqual([['Junior', 1, 'Acme Corp'], ['Senior', 2, 'Acme Corp'], ['Staff', 3, 'Acme Corp']]);
    const without = ingestFiles([grid]);
    expect(without.diagnostics.map((d) => d.message).join()).toMatch(/do not sort by number/);
  });
});

describe('readMarkdown with a table inside a level page', () => {
  it('reads rows of an Area | Expectation table as statements under the row label', () => {
    const set = one('# L4: Staff Engineer\n\n## Expectations\n\n| Area | What we expect |\n| --- | --- |\n| Delivery | Ships multi-team projects. Plans quarters. |\n| People | Mentors seniors. |\n');
    expect(set.diagnostics).toEqual([]);
    expect(set.statements.map((s) => `${s.section}|${s.text}`)).toEqual([
      'Expectations › Delivery|Ships multi-team projects.', 'Expectations › Delivery|Plans quarters.', 'Expectations › People|Mentors seniors.',
    ]);
    expect(set.files[0].lines.slice(4, 8).map((l) => l.status)).toEqual(['structure', 'structure', 'statement', 'statement']);
  });
});

describe('readMarkdown on hard-wrapped bullets', () => {
  it('joins a wrapped line that starts with a capital when the line before stops mid-sentence', () => {
    const set = one('# L3: Senior\n\n## Craft\n- I design services used by\nDropbox customers and partners.\n- I ship.\nI review designs from other teams.\n');
    expect(set.statements.map((s) => [s.text, s.flags])).toEqual([
      ['I design services used by Dropbox customers and partners.', []],
      ['I ship.', []],
      ['I review designs from other teams.', ['unbulleted']],
    ]);
  });
});

describe('readMarkdown on a CommonMark parser: where it reads lines differently, our handlers decide', () => {
  it('reads Setext headings (Title over === or ---) as the level title and sections', () => {
    const set = one('L3: Senior Engineer\n===================\n\nI lead the design of my team\'s services.\n\nDelivery\n--------\n- I ship.\n');
    expect(set.diagnostics).toEqual([]);
    expect(set.levels).toMatchObject([{ level: 'L3', levelTitle: 'Senior Engineer' }]);
    expect(set.statements.map((s) => `${s.kind}|${s.section}|${s.text}`)).toEqual(['summary||I lead the design of my team\'s services.', 'expectation|Delivery|I ship.']);
    expect(set.files[0].lines.slice(0, 2).map((l) => l.status)).toEqual(['structure', 'structure']);
    expect(set.files[0].lines[6]).toMatchObject({ status: 'structure', reason: 'section heading' });
  });

  it('an unclosed HTML comment says which line opened it and what to do, and the Markdown after it still loads', () => {
    const set = one('# L2: Eng\n\n## Craft\n- I build.\n\n<!-- draft\n- I review designs.\n');
    expect(set.diagnostics).toHaveLength(1);
    expect(set.diagnostics[0]).toMatchObject({ severity: 'warning', line: 6 });
    expect(set.diagnostics[0].message).toMatch(/HTML comment <!-- opened here is never closed.*lines 6–7.*end the comment with -->/);
    expect(set.statements.map((s) => s.text)).toEqual(['I build.', 'I review designs.']);
    // Closed, on its line or further down, it is skipped without a word.
    for (const text of ['<!-- draft -->\n', '<!-- draft\n- I review designs.\n-->\n', '<!-- a --> b\n']) {
      expect(one(`# L2: Eng\n\n## Craft\n- I build.\n\n${text}`).diagnostics, text).toEqual([]);
    }
  });

  it('an unclosed code fence says which line opened it and what to do, and the text before it still loads', () => {
    const set = one('# L2: Eng\n\n## Craft\n- I build.\n\n```\n- I am swallowed.\n');
    expect(set.diagnostics).toHaveLength(1);
    expect(set.diagnostics[0]).toMatchObject({ severity: 'warning', line: 6 });
    expect(set.diagnostics[0].message).toMatch(/code fence ``` opened here is never closed.*lines 6–7.*end the code with a line of ```/);
    expect(set.statements.map((s) => s.text)).toEqual(['I build.']);
    expect(set.files[0].lines[6]).toMatchObject({ status: 'skipped', reason: 'code block (fence never closed)' });
    const closed = one('# L2: Eng\n\n## Craft\n- I build.\n\n~~~\ncode\n~~~\n');
    expect(closed.diagnostics).toEqual([]);
    expect(closed.files[0].lines.slice(5).map((l) => l.reason)).toEqual(['code block', 'code block', 'code block', undefined]);
  });

  it('a page whose only content is inside an unclosed fence names the fence before "no statements"', () => {
    const set = one('# L2: Eng\n\n```\n## Craft\n- I build.\n');
    expect(set.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^code fence/), 'level L2 has no statements']);
  });

  it('<details> written as HTML blocks around Markdown bullets holds examples, with or without blank lines inside', () => {
    const set = one('# L2: Eng\n\n## Craft\n- I build.\n\n<details>\n<summary>Examples</summary>\n\n- I built X.\n\n</details>\n\n## Care\n- I help.\n\n<details><summary>Examples</summary>\n- I helped Y.\n- I helped Z.\n</details>\n\n- I listen.\n');
    expect(set.statements.map((s) => `${s.kind}|${s.section}|${s.text}`)).toEqual([
      'expectation|Craft|I build.', 'example|Craft|I built X.',
      'expectation|Care|I help.', 'example|Care|I helped Y.', 'example|Care|I helped Z.', 'expectation|Care|I listen.',
    ]);
    const lines = set.files[0].lines;
    expect(lines[5]).toMatchObject({ status: 'structure', reason: 'HTML markup' });
    expect(lines[6]).toMatchObject({ status: 'structure', reason: 'details summary' });
    expect(lines[10]).toMatchObject({ status: 'structure', reason: 'HTML markup' });
    expect(lines.every((l) => l.status !== 'skipped')).toBe(true);
  });

  it('a bold label lazily continuing a bullet is still a label', () => {
    const set = one('# L4: Lead\n\n## Delivery\n- I plan launches.\n**Examples:**\n\n- I launched X.\n');
    expect(set.statements.map((s) => `${s.kind}|${s.text}`)).toEqual(['expectation|I plan launches.', 'example|I launched X.']);
    expect(set.files[0].lines[4]).toMatchObject({ status: 'structure', reason: 'examples label' });
  });

  it('skips HTML comments, template tags inside paragraphs and bullets, and link definitions, each with its reason', () => {
    const set = one('# L2: Eng\n<!--\nhidden - I am not read.\n-->\n## Craft\nI build services.\n{% if x %}\n- I ship.\n{{ footer }}\n\n[doc]: https://example.com/doc\n');
    expect(set.statements.map((s) => s.text)).toEqual(['I build services.', 'I ship.']);
    const reasons = set.files[0].lines.map((l) => l.reason ?? l.status);
    expect(reasons.slice(1, 4)).toEqual(['HTML comment', 'HTML comment', 'HTML comment']);
    expect([reasons[6], reasons[8], reasons[10]]).toEqual(['template tag', 'template tag', 'link reference definition']);
  });

  it('keeps Markdown inline text as the line-based reader did: links show their target, code and emphasis lose their markers', () => {
    const set = one('# L2: Eng\n\n## Craft\n- I follow [our guide](https://example.com/g) and `make test`, *always* &amp; __carefully__ \\*.\n- See <https://example.com/x>.\n');
    expect(set.statements.map((s) => s.text)).toEqual(['I follow our guide (https://example.com/g) and make test, always & carefully *.', 'See https://example.com/x.']);
  });

  it('reads • typed bullets and indented lines (no indented code blocks in a ladder)', () => {
    const set = one('# L2: Eng\n\n## Craft\n• I build.\n• **Focus**: reliability\n\n    I also review code.\n');
    expect(set.statements.map((s) => `${s.kind}|${s.text}|${s.flags.join()}`)).toEqual(['expectation|I build.|', 'expectation|Focus: reliability|', 'expectation|I also review code.|unbulleted']);
  });
});

describe('levels by title and inheritance, on small pages', () => {
  it('a coded page title wins: sections named with seniority words stay sections', () => {
    const set = one('# L3: Senior Engineer\n\n## Lead by example\n- I model good reviews.\n\n## Senior stakeholders\n- I brief directors.\n');
    expect(set.levels.map((l) => l.level)).toEqual(['L3']);
    expect(set.statements.map((s) => s.section)).toEqual(['Lead by example', 'Senior stakeholders']);
  });

  it('a refused file says what would work, with examples of page titles, level headings and a levels: list', () => {
    const set = one('# About\n\n## Senior Engineer\n- I lead.\n');
    expect(set.diagnostics).toHaveLength(1);
    expect(set.diagnostics[0].message).toMatch(/"# L3: Senior Engineer".*"## Level 1".*"### Junior Engineer", "### Senior Engineer".*levels: \[/);
    expect(set.diagnostics[0].message).toMatch(/the only level title found was "Senior Engineer" \(line 3\)/);
  });

  it('a non-level heading at the level depth ends the level above it', () => {
    const set = one('## Level 1\n- I learn.\n## Level 2\n- I build.\n## Benefits\n- Free lunch.\n');
    expect(set.statements.map((s) => `${s.level}|${s.text}`)).toEqual(['1|I learn.', '2|I build.']);
    expect(set.files[0].lines[5]).toMatchObject({ status: 'skipped', reason: 'under "Benefits", not a level' });
  });

  it('"builds on the previous level" links pages across files; words naming no level warn and link nothing', () => {
    const set = ingestFiles([
      { path: 'ladders/acme/l2.md', content: '# L2: Engineer\n\n## Craft\n- I build.\n' },
      { path: 'ladders/acme/l3.md', content: '# L3: Senior Engineer\n\nThis level builds on the previous level.\n\n## Craft\n- I lead.\n' },
      { path: 'ladders/acme/l4.md', content: '# L4: Staff Engineer\n\nEverything in L9, plus:\n\n## Craft\n- I steer.\n' },
    ]);
    expect(set.levels.map((l) => `${l.level}<${l.inherits?.level ?? ''}`)).toEqual(['L2<', 'L3<L2', 'L4<']);
    expect(set.statements.find((s) => s.level === 'L3' && s.kind === 'note')?.text).toBe('This level builds on the previous level.');
    expect(set.diagnostics).toMatchObject([{ severity: 'warning', file: 'ladders/acme/l4.md', line: 3 }]);
    expect(set.diagnostics[0].message).toMatch(/level L4 says it includes "L9", which names no other level/);
  });
});

describe('readMarkdown on lists longer than one run of tokens', () => {
  it('reads a quote holding a list of 600 items with sub-bullets, handed on in runs, with every item\'s lines and the spans of list and quote', () => {
    const items = Array.from({ length: 600 }, (_, i) => `> - item ${i}\n>   continued\n>   - sub ${i}\n`).join('');
    const text = `# L3: Eng\n## Craft\n${items}\nAfter.\n`;
    const doc = readMarkdown(text);
    const quote = doc.blocks.find((b) => b.type === 'quote');
    expect(quote).toMatchObject({ fromLine: 3, toLine: 2 + 600 * 3 });
    const list = quote?.type === 'quote' ? quote.blocks[0] : undefined;
    expect(list?.type).toBe('list');
    if (list?.type !== 'list') return;
    expect(list).toMatchObject({ fromLine: 3, toLine: 2 + 600 * 3 });
    expect(list.items).toHaveLength(600);
    list.items.forEach((item, i) => {
      expect(item).toMatchObject({ line: 3 + 3 * i, fromLine: 3 + 3 * i, toLine: 5 + 3 * i });
      expect(item.blocks.map((b) => b.type)).toEqual(['paragraph', 'list']);
      const sub = item.blocks[1];
      if (sub.type === 'list') expect(sub.items[0]).toMatchObject({ fromLine: 5 + 3 * i, toLine: 5 + 3 * i });
    });
    expect(doc.blocks.at(-1)).toMatchObject({ type: 'paragraph', fromLine: 4 + 600 * 3 });
  });
});
