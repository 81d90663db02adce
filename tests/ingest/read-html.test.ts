import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectShape, ingestFiles, lineAccounting } from '../../src/ingest/index.ts';
import type { ChildNode } from 'domhandler';
import { normaliseSpace } from '../../src/ingest/normalise-text.ts';
import { parseHtmlDocument } from '../../src/ingest/parse-html-document.ts';
import { readHtml } from '../../src/ingest/read-html.ts';
import type { Statement } from '../../src/types.ts';
import { bundled, file, seeds } from '../helpers.ts';

const fixture = (name: string) => fs.readFileSync(`tests/fixtures/html/${name}`, 'utf8');
const read = (path: string, content: string) => ingestFiles([{ path, content }]);
const triple = (s: Statement) => [s.text, s.section, s.kind];

describe('the Dropbox IC6 page and seed 000, which was exported from it', () => {
  const html = read('ladders/dropbox/ic6_principal_security_engineer.html', fixture('ic6_principal_security_engineer.html'));
  const seed = seeds().statements.filter(file('dropbox-ic6-principal-security-engineer.md'));

  it('give the same statements: text, section and kind, in order', () => {
    expect(html.diagnostics).toEqual([]);
    expect(html.files[0].shape).toBe('html-level-page');
    expect(seed).toHaveLength(68);
    expect(html.statements.map(triple)).toEqual(seed.map(triple));
  });

  it('differ only where the export differs', () => {
    // 1. The Markdown export lost four bullet markers ("Amongst…", "Working…", "Teams…", "The programs…"
    //    start a line without "- "): the seed flags them `unbulleted`; on the page they are list items.
    expect(seed.filter((s) => s.flags.includes('unbulleted')).map((s) => s.text.split(' ')[0])).toEqual(['Amongst', 'Working', 'Teams', 'The']);
    expect(html.statements.flatMap((s) => s.flags)).toEqual([]);
    // 2. White space: the seed has doubled spaces ("I  partner"), trailing spaces, tab-only lines; the page
    //    splits words over <span>s ("Key </b><b>B</b><b>ehaviors"). Both normalise to the same text (above).
    expect(fixture('ic6_principal_security_engineer.html')).toContain('<b>Key </b></span><span><b>B</b></span><span><b>ehaviors</b>');
    // 3. Provenance: the page holds all its content on physical line 40, so statements there are told
    //    apart by their position on the line (ids stay unique and stable); the seed spreads it over 155 lines.
    expect(new Set(html.statements.map((s) => s.source.line))).toEqual(new Set([40]));
    expect(new Set(html.statements.map((s) => s.id)).size).toBe(68);
    expect(html.statements.slice(0, 2).map((s) => s.id)).toEqual(['dropbox.ic6-principal-security-engineer.40.1', 'dropbox.ic6-principal-security-engineer.40.2']);
  });

  it('reads the level from the page title line and the track from the title words', () => {
    expect(html.levels).toMatchObject([{ level: 'IC6', levelTitle: 'Principal Security Engineer', track: 'Security Engineer' }]);
  });

  it('accounts for every line: content, markup, and script, navigation, controls skipped with a reason', () => {
    const lines = html.files[0].lines;
    expect(lineAccounting(html.files[0]).accounted).toBe(1);
    const status = (n: number) => lines[n - 1];
    expect(status(40)).toMatchObject({ status: 'statement' });
    expect(status(15)).toMatchObject({ status: 'structure', reason: 'document title' });
    expect(status(3)).toMatchObject({ status: 'skipped', reason: 'script' });
    expect(status(18)).toMatchObject({ status: 'skipped', reason: 'control' });
    expect(status(27)).toMatchObject({ status: 'skipped', reason: 'navigation (mostly links)' });
    expect(status(38)).toMatchObject({ status: 'skipped', reason: 'embedded frame' });
    expect(status(66)).toMatchObject({ status: 'skipped', reason: 'script' });
    expect(status(2)).toMatchObject({ status: 'structure', reason: 'markup without text' });
    // Nothing from the navigation (other tracks' page names) became a statement.
    expect(html.statements.some((s) => /Software Engineer|Overview|What is Impact/.test(s.text))).toBe(false);
  });
});

describe('the bundled Dropbox IC2–IC5 pages', () => {
  const set = bundled();
  const dropbox = set.levels.filter((l) => l.company === 'dropbox');

  it('load as five levels of one track, with their titles', () => {
    expect(set.diagnostics).toEqual([]);
    expect(dropbox.map((l) => [l.level, l.levelTitle, l.track, l.levelOrder])).toEqual([
      ['IC2', 'Security Engineer', 'Security Engineer', 2],
      ['IC3', 'Security Engineer', 'Security Engineer', 3],
      ['IC4', 'Security Engineer', 'Security Engineer', 4],
      ['IC5', 'Staff Security Engineer', 'Security Engineer', 5],
      ['IC6', 'Principal Security Engineer', 'Security Engineer', 6],
    ]);
  });

  it('read the same sections as the IC6 seed: the three-column header table, then groups of Responsibility rows', () => {
    for (const level of ['IC2', 'IC3', 'IC4', 'IC5', 'IC6']) {
      const mine = set.statements.filter((s) => s.company === 'dropbox' && s.level === level);
      expect([...new Set(mine.map((s) => s.section.split(' › ')[0]))]).toEqual(['', 'Scope', 'Collaborative Reach', 'Impact Levers', 'Results', 'Direction', 'Talent', 'Culture', 'Craft']);
      expect([...new Set(mine.filter((s) => s.kind === 'summary').map((s) => s.section))]).toEqual(['', 'Craft']);
    }
    const ic2 = set.statements.filter(file('ic2_security_engineer.html'));
    expect([...new Set(ic2.map((s) => s.section))].slice(4, 8)).toEqual(['Results › Impact', 'Results › Ownership', 'Results › Decision Making', 'Direction › Agility']);
    expect(ic2.filter((s) => s.section === 'Talent › Personal growth').map((s) => s.text)).toEqual([
      'I proactively ask for feedback from those I work with and identify ways to act upon it',
      'I have self-awareness about my strengths and areas for development',
      'I drive discussions with my manager about aspirational goals and seek out opportunities to learn and grow',
    ]);
  });

  it('pin statement counts per page and kind', () => {
    const kinds = (name: string) => {
      const out: Record<string, number> = {};
      for (const s of set.statements.filter(file(name))) out[s.kind] = (out[s.kind] ?? 0) + 1;
      return out;
    };
    expect(kinds('ic2_security_engineer.html')).toEqual({ summary: 2, expectation: 49 });
    expect(kinds('ic3_security_engineer.html')).toEqual({ summary: 2, expectation: 64 });
    expect(kinds('ic4_security_engineer.html')).toEqual({ summary: 2, expectation: 65 });
    expect(kinds('ic5_staff_security_engineer.html')).toEqual({ summary: 2, expectation: 57, note: 1 });
    expect(set.statements.filter(file('ic5_staff_security_engineer.html')).find((s) => s.kind === 'note')?.text).toMatch(/do not go up beyond/);
  });

  it('account for every line, and give every statement a unique id', () => {
    for (const f of set.files) expect(lineAccounting(f).accounted, f.file).toBe(1);
    expect(new Set(set.statements.map((s) => s.id)).size).toBe(set.statements.length);
  });
});

describe('exports from other tools', () => {
  it('a Confluence page: title after the space name, breadcrumbs and footer skipped, a header row and a label column', () => {
    const set = read('ladders/acme/confluence-l3-platform-engineer.html', fixture('confluence-l3-platform-engineer.html'));
    expect(set.diagnostics).toEqual([]);
    expect(set.levels).toMatchObject([{ level: 'L3', levelTitle: 'Senior Platform Engineer', track: 'Platform Engineer' }]);
    expect(set.statements.map((s) => [s.source.line, s.kind, s.section, s.text])).toEqual([
      [25, 'summary', '', 'Senior platform engineers own a platform area end to end and raise the bar for the teams that build on it.'],
      [26, 'attribute', '', 'Planning horizon: 6-12 months'],
      [27, 'attribute', '', 'Impact radius: Team (5-15)'],
      [30, 'expectation', 'Scope & impact', 'Owns the reliability of one platform service, from design reviews to on-call.'],
      [31, 'expectation', 'Scope & impact', 'Breaks ambiguous problems into projects the team can deliver in a quarter.'],
      [44, 'expectation', 'Competencies › Technical design', 'Writes design documents that weigh at least two options and their operating cost.'],
      [45, 'expectation', 'Competencies › Technical design', 'Reviews designs of other teams when they touch the platform.'],
      [51, 'expectation', 'Competencies › Mentoring', 'Mentors one or two engineers.'],
      [51, 'expectation', 'Competencies › Mentoring', "Runs the team's onboarding for new hires."],
      [55, 'placeholder', 'Competencies › Incident response', 'TBD'],
      [61, 'example', 'Competencies', 'Led the migration of the build cache to a new storage backend with no downtime.'],
      [64, 'note', 'Competencies', 'The expectations for incident response do not go up beyond L3.'],
    ]);
    expect(set.statements[1].attribute).toMatchObject({ name: 'planningHorizon', min: 6, max: 12, unit: 'months' });
    const lines = set.files[0].lines;
    expect(lines[13 - 1]).toMatchObject({ status: 'skipped', reason: 'navigation (mostly links)' });
    expect(lines[71 - 1]).toMatchObject({ status: 'skipped', reason: 'page footer' });
    expect(lines[19 - 1]).toMatchObject({ status: 'structure', reason: 'title' });
    expect(lines[37 - 1]).toMatchObject({ status: 'structure', reason: 'table header' });
    expect(lines[41 - 1]).toMatchObject({ status: 'structure', reason: 'row label' });
    expect(lineAccounting(set.files[0]).accounted).toBe(1);
  });

  it('a Notion export on one line holding several levels: nav skipped, emoji icons, details as examples, <br> continuing a bullet', () => {
    const set = read('ladders/acme/notion-data-engineering-levels.html', fixture('notion-data-engineering-levels.html'));
    expect(set.diagnostics).toEqual([]);
    expect(set.files[0].shape).toBe('html-multi-level');
    expect(set.levels.map((l) => [l.level, l.levelTitle, l.track])).toEqual([['1', 'Data Engineer', 'Data Engineering Levels'], ['2', 'Senior Data Engineer', 'Data Engineering Levels']]);
    expect(set.statements.map((s) => [s.level, s.kind, s.section, s.text])).toEqual([
      ['1', 'summary', '', 'Builds reliable pipelines with guidance.'],
      ['1', 'expectation', 'Craft', 'Writes tested transformations for well-defined datasets.'],
      ['1', 'expectation', 'Craft', 'Fixes failing jobs they own and explains the cause in the ticket.'],
      ['1', 'example', 'Craft', 'Added row-count checks to the billing export.'],
      ['1', 'expectation', 'Collaboration', 'Stakeholders: Asks analysts what a dataset is for before changing it.'],
      ['2', 'summary', '', 'Owns a data domain and its quality.'],
      ['2', 'expectation', 'Craft', 'Designs schemas that other teams build on.'],
      ['2', 'placeholder', 'Craft', '?'],
      ['2', 'note', 'Collaboration', 'Everything in Level 1, plus:'],
      ['2', 'expectation', 'Collaboration', 'Agrees data contracts with the product teams that produce the events.'],
    ]);
    expect(set.statements.map((s) => s.id.split('.').slice(2).join('.'))).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10']);
    expect(set.statements.some((s) => /Level 1 — Data Engineer|level by level/.test(s.text))).toBe(false);
  });
});

describe('hostile HTML is only ever text', () => {
  const page = [
    '<!doctype html><html><head><title>L2 Engineer</title>',
    '<script>alert("head script")</script><style>body{background:url(javascript:alert(1))}</style></head>',
    '<body onload="alert(\'onload\')">',
    '<h1>L2: Engineer</h1>',
    '<h2 onclick="alert(\'h2\')">Craft<script>alert("in heading")</script></h2>',
    '<ul><li onmouseover="alert(\'li\')">Ships <a href="javascript:alert(\'link\')">small fixes</a> safely.</li>',
    '<li>Writes &lt;script&gt;alert("encoded")&lt;/script&gt; as text in a bug report.</li>',
    '<li><img src=x onerror="alert(\'img\')">Reviews code<svg><script>alert("svg")</script></svg> daily.</li>',
    '<li><iframe srcdoc="<script>alert(1)</script>">iframe text</iframe>Tests changes.</li></ul>',
    '<noscript>Enable scripts to continue.</noscript><template><p>Template text</p></template>',
    '<!-- <li>A commented-out statement.</li> -->',
    '<form action="/x"><input value="typed"><button onclick="steal()">Send</button></form>',
    '</body></html>',
  ].join('\n');
  const set = read('ladders/evil/l2.html', page);
  const texts = set.statements.map((s) => s.text);

  it('reads the content and keeps no markup, handler or script', () => {
    expect(set.diagnostics).toEqual([]);
    expect(texts).toEqual([
      'Ships small fixes safely.',
      'Writes <script>alert("encoded")</script> as text in a bug report.',
      'Reviews code daily.',
      'Tests changes.',
    ]);
    expect(set.statements.map((s) => s.section)).toEqual(['Craft', 'Craft', 'Craft', 'Craft']);
  });

  it('never turns dropped content into a statement', () => {
    const all = JSON.stringify(set.statements);
    for (const dropped of ['head script', 'in heading', 'onload', "alert('li')", 'javascript:', 'onerror', 'svg', 'iframe text', 'Enable scripts', 'Template text', 'commented-out', 'typed', 'steal', 'Send']) {
      expect(all, dropped).not.toContain(dropped);
    }
  });

  it('says why each dropped line was skipped', () => {
    const reasons = new Set(set.files[0].lines.filter((l) => l.status === 'skipped').map((l) => l.reason));
    expect(reasons).toEqual(new Set(['script, style', 'noscript, template', 'HTML comment', 'form']));
    expect(lineAccounting(set.files[0]).accounted).toBe(1);
  });
});

describe('the HTML reader', () => {
  it('is chosen by content: a doctype or <html>, or lines that are mostly tags; Markdown with a few tags stays Markdown', () => {
    expect(detectShape('<!DOCTYPE html>\n<p>x</p>')).toBe('html');
    expect(detectShape('\n<link href="a.css"/>\n<div>\n<h1>IC3 Engineer</h1>\n</div>\n')).toBe('html');
    expect(detectShape('  <!-- exported -->\n<html><body><h1>L1</h1></body></html>')).toBe('html');
    expect(detectShape('# L2: Engineer\n\n<details><summary>Examples</summary>\n\n- a\n\n</details>\n')).toBe('markdown');
  });

  it('skips a block of three links or more as navigation, and keeps a block of two (the only links of the page)', () => {
    const page = (n: number) => `<h1>L3: Eng</h1>\n<div>${'<a href="/x">Other page</a> '.repeat(n)}</div>\n<h2>Craft</h2>\n<p>I ship.</p>\n`;
    const reasons = (n: number) => readHtml(page(n)).blocks.filter((b) => b.type === 'skipped').map((b) => (b as { reason: string }).reason);
    expect(reasons(3)).toEqual(['navigation (mostly links)']);
    expect(reasons(2)).toEqual([]);
    expect(readHtml(page(2)).blocks.some((b) => b.type === 'paragraph' && b.fromLine === 2)).toBe(true);
  });

  it('gives blocks with source lines: headings, paragraphs split at <br>, bold starts, lists, tables', () => {
    const doc = readHtml('<h2>Craft</h2>\n<p><b>Key:</b> value<br>second\nline</p>\n<ul>\n<li>one</li>\n<li>two<ul><li>nested</li></ul></li>\n</ul>\n<table><tr><th>A</th><th>B</th></tr><tr><td>x</td><td>y</td></tr></table>');
    expect(doc.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'table']);
    expect(doc.blocks[0]).toMatchObject({ depth: 2, text: 'Craft', line: 1 });
    expect(doc.blocks[1]).toMatchObject({ lines: [{ text: 'Key: value', strong: 'Key:', line: 2 }, { text: 'second line', line: 2 }], fromLine: 2, toLine: 3 });
    const list = doc.blocks[2];
    expect(list.type === 'list' && list.items.map((i) => i.line)).toEqual([5, 6]);
    expect(list.type === 'list' && list.items[1].blocks.map((b) => b.type)).toEqual(['paragraph', 'list']);
    const table = doc.blocks[3];
    expect(table.type === 'table' && table.headerRow).toBe(true);
    expect(table.type === 'table' && table.rows[1].cells.map((c) => c.blocks)).toMatchObject([[{ lines: [{ text: 'x' }] }], [{ lines: [{ text: 'y' }] }]]);
  });

  it('reads a cell or item holding nothing but text as it reads the same text inside a <span> (the lone-text path against the paragraph builder)', () => {
    const piece = fc.constantFrom('a', 'I do b.', ' ', '  ', '\n', '\r\n', '\r', '\t', '\u00a0', '\u200b', '&amp;', '&nbsp;', 'é', '**', '🏆', '\u2028');
    const text = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(fc.property(text, text, (t, u) => {
      const page = (wrap: (s: string) => string) => `<h1>L3: Eng</h1>\n<table>\n<tr><td>${wrap(t)}</td><th>${wrap(u)}</th></tr></table>\n<ul><li>${wrap(u)}</li>\n<li>${wrap(t)}</ul><blockquote>${wrap(t)}</blockquote>`;
      expect(readHtml(page((s) => s))).toEqual(readHtml(page((s) => `<span>${s}</span>`)));
    }), { numRuns: 2000 });
  });

  it('reads an element nested too deep as its text with a space for each element, however many elements run together', () => {
    const piece = fc.constantFrom('<b>', '</b>', '<span>', '</span>', '<i>x</i>', '<br>', '<p>', 'word', ' ', '\n', '&nbsp;', '<script>no</script>', '<div><div></div></div>');
    fc.assert(fc.property(fc.array(piece, { maxLength: 16 }), fc.boolean(), (pieces, bold) => {
      const inner = pieces.join('');
      const page = `<h1>L3: Eng</h1>${bold ? '<strong>' : ''}${'<div>'.repeat(210)}${inner}`;
      // The reference: the deep part's own text, one space per element (script skipped), normalised once.
      const deep = parseHtmlDocument(inner).children;
      const parts: string[] = [];
      const walk = (nodes: ChildNode[]) => {
        for (const n of nodes) {
          if (n.type === 'text') parts.push(n.data);
          else if (n.type === 'tag') {
            parts.push(' ');
            walk(n.children);
          }
        }
      };
      walk(deep);
      const text = readHtml(page).blocks.flatMap((b) => (b.type === 'paragraph' ? b.lines.map((l) => l.text) : [])).join('\n');
      expect(text).toBe(normaliseSpace(parts.join('')));
    }), { numRuns: 500 });
  });

  it('decodes entities and normalises white space; emoji images become their character, other images are dropped', () => {
    const doc = readHtml('<p>A&amp;B&nbsp;&nbsp; caf&eacute;\n\t <img alt="trophy" data-emoji-ch="🏆"> <img src="logo.png" alt="Company logo"></p>');
    expect(doc.blocks).toMatchObject([{ type: 'paragraph', lines: [{ text: 'A&B café 🏆' }] }]);
  });

  it('counts lines as the other readers do (\\r\\n, \\r) and reads the text of elements nested far too deep', () => {
    const doc = readHtml('<p>a</p>\r\n<p>b</p>\r<p>c</p>');
    expect(doc.blocks.map((b) => b.fromLine)).toEqual([1, 2, 3]);
    const deep = `<h1>L1 Engineer</h1><ul><li>${'<div>'.repeat(5000)}Deep text.${'</div>'.repeat(5000)}</li></ul>`;
    const set = read('ladders/acme/deep.html', deep);
    expect(set.statements.map((s) => s.text)).toEqual(['Deep text.']);
  });

  it('reads a 1 MB page whole, every line accounted for (its speed is measured by npm run bench:read, not here)', () => {
    const row = '<div class="line"><ul><li><span>I own <b>one</b> thing &amp; deliver it.</span></li></ul></div>\n';
    const big = `<html><body><h1>L4 Engineer</h1><h2>Craft</h2>\n${row.repeat(Math.ceil(1_000_000 / row.length))}</body></html>`;
    const set = read('ladders/acme/big.html', big);
    expect(set.statements.length).toBeGreaterThan(10_000);
    expect(lineAccounting(set.files[0]).accounted).toBe(1);
  }, 60_000);

  it('stays linear on hostile shapes (deep nesting, stray close tags, a bullet broken over many lines)', () => {
    // Each took 15 s to 4 minutes before: htmlparser2's open-element stack costs the depth per tag,
    // and joining a bullet's lines one by one re-read the whole statement each time.
    const cases = {
      'nested divs': `<h1>L1 X</h1>${'<div>'.repeat(200_000)}x`,
      'nested bold': `<h1>L1 X</h1><p>${'<b>'.repeat(100_000)}x`,
      'stray close tags': `<h1>L1 X</h1>${'<div>'.repeat(50_000)}${'</span>'.repeat(50_000)}x`,
      'nested lists': `<h1>L1 X</h1>${'<ul><li>a'.repeat(50_000)}`,
      'one bullet, many lines': `<h1>L1 X</h1><ul><li>${'and a<br>'.repeat(100_000)}</li></ul>`,
    };
    for (const [name, html] of Object.entries(cases)) {
      const t = performance.now();
      const set = read('ladders/acme/hostile.html', html);
      expect(performance.now() - t, name).toBeLessThan(20_000);
      expect(set.diagnostics.some((d) => d.severity === 'error'), name).toBe(false);
      expect(lineAccounting(set.files[0]).accounted, name).toBe(1);
    }
  }, 120_000);
});
