import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/index.ts';
import { SEED_FILES } from '../helpers.ts';
import { readLadderFiles } from '../../src/cli/load-data-dir.ts';
import type { LadderSet } from '../../src/types.ts';
import { PATHOLOGICAL } from './pathological-inputs.ts';

export const FUZZ_RUNS = { random: 1500, mutated: 2000, bytes: 500, html: 1500, mutatedHtml: 150, pathological: 300 };

const textOf = (f: { path: string; content: string | Uint8Array }) => ({ path: f.path, text: new TextDecoder().decode(f.content as Uint8Array) });
const seedTexts = readLadderFiles('data').filter((f) => SEED_FILES.includes(f.path)).map(textOf);
/** One bundled HTML page (70 KB, its content on one line): mutated in fewer runs, as each reads a whole page. */
const htmlPage = textOf(readLadderFiles('data').find((f) => f.path.endsWith('ic2_security_engineer.html'))!);

const fragment = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('# ', '## ', '### L3: ', '- ', '* ', '1. ', '**Responsibility**: ', '**Key Behaviors**', '> _', '<details>', '</details>', '<summary>Examples</summary>',
    '---', '{% x %}', '<!--', '-->', '```', '\t', ',', '"', '\n', '\r\n', '  ', 'TBD.', '?', 'Level/Skill\tA\tB\n', 'level,statement\n', 'ü¶â', 'â€™', '\u0000', '\uFEFF', '| a | b |',
    // Setext underlines, title-named levels, a levels: list, inheritance, typed bullets, fences and HTML blocks.
    '===\n', '---\n', '### Senior Engineer\n', '## Junior Engineer\n', 'levels:\n  - ', 'Everything in L2, plus:', 'The Senior role extends the Junior role.',
    '## Hiring process\n', '• ', '~~~', '<div>', '</div>', '    ', '[x]: http://x\n', '**Examples:**', '&amp;', '\\*'),
);

/** HTML-ish pieces: tags in any order (unclosed, stray, nested), entities, hostile bits, a marker inside dropped parts. */
const htmlFragment = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((t) => t.replace(/</g, '‹')),
  fc.constantFrom('<h1>', '</h1>', '<h2>', '</h2>', '<h3>', 'L3: ', 'IC4 ', 'Level 2 ', '<ul>', '</ul>', '<ol>', '<li>', '</li>', '<table>', '</table>',
    '<thead>', '<tr>', '</tr>', '<td>', '</td>', '<th>', '<p>', '</p>', '<br>', '<b>', '</b>', '<strong>', '<i>', '<span>', '</span>', '<div>', '</div>',
    '<details>', '<summary>Examples</summary>', '</details>', '<blockquote>', '<hr>', '<pre>', '</pre>', '<dl><dt>', '<dd>', '<section>', '<header>', '<footer>',
    '<nav>', '</nav>', '<a href="javascript:alert(1)">', '<a href="x.html">', '</a>', '<img alt="🏆" data-emoji-ch="🏆">', '<img src=x onerror=alert(1)>',
    '<div onclick="x()">', '<div hidden>', '<div role="navigation">', '&amp;', '&#x1F600;', '&nbsp;', '&lt;b&gt;', '\n', '\r\n', '\r', '  ',
    '<!DOCTYPE html>', '<html>', '<body>', '<title>L2 Eng</title>', 'TBD', '?', '**', ': ', 'Responsibility', 'Key Behaviors',
    '<script>DROPPED</script>', '<style>DROPPED</style>', '<!--DROPPED-->', '<noscript>DROPPED</noscript>', '<template>DROPPED</template>', '<svg>DROPPED</svg>'),
);

function invariants(set: LadderSet, texts: string[]) {
  expect(set.diagnostics.some((d) => d.message.startsWith('reader failed'))).toBe(false);
  for (const d of set.diagnostics) expect(d.file).toBeTruthy();
  set.files.forEach((f, i) => {
    const text = texts[i];
    if (text.includes('\u0000')) return;
    for (const a of f.lines) if (a.status === 'skipped') expect(a.reason).toBeTruthy();
    const nonBlank = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).filter((l) => l.trim()).length;
    expect(f.lines.filter((a) => a.status !== 'blank').length).toBe(nonBlank);
  });
  for (const s of set.statements) {
    expect(s.source.line).toBeGreaterThan(0);
    expect(typeof s.text).toBe('string');
  }
}

describe('readers never throw and always account for every line (property tests)', () => {
  it(`random Markdown-ish, grid-ish and CSV-ish text (${FUZZ_RUNS.random} inputs)`, () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), fc.constantFrom('md', 'tsv', 'csv', 'txt'), (parts, ext) => {
        const text = parts.join('');
        invariants(ingestFiles([{ path: `ladders/fuzz/f.${ext}`, content: text }]), [text]);
      }),
      { numRuns: FUZZ_RUNS.random },
    );
  }, 60_000);

  const mutated = (pages: { path: string; text: string }[], runs: number) => {
    const mutation = fc.oneof(
      fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fragment }),
      fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...pages), fc.array(mutation, { minLength: 1, maxLength: 8 }), (seed, ops) => {
        let lines = seed.text.split('\n');
        let text = seed.text;
        for (const m of ops) {
          const i = lines.length ? m.at % lines.length : 0;
          if (m.op === 'delete') lines.splice(i, 1);
          else if (m.op === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
          else if (m.op === 'swap') [lines[i], lines[m.to % lines.length]] = [lines[m.to % lines.length], lines[i]];
          else if (m.op === 'insert') lines[i] = `${(lines[i] ?? '').slice(0, m.at % 20)}${m.text}${(lines[i] ?? '').slice(m.at % 20)}`;
          else if (m.op === 'cut') {
            text = lines.join('\n');
            lines = text.slice(0, m.at % (text.length + 1)).split('\n');
          }
        }
        text = lines.join('\n');
        invariants(ingestFiles([{ path: seed.path, content: text }]), [text]);
      }),
      { numRuns: runs },
    );
  };
  it(`mutated seed files (${FUZZ_RUNS.mutated} inputs)`, () => mutated(seedTexts, FUZZ_RUNS.mutated), 120_000);
  it(`a mutated bundled HTML page (${FUZZ_RUNS.mutatedHtml} inputs)`, () => mutated([htmlPage], FUZZ_RUNS.mutatedHtml), 120_000);

  it(`random HTML-ish text (${FUZZ_RUNS.html} inputs): no throw, every line has a status, dropped parts never become statements`, () => {
    fc.assert(
      fc.property(fc.array(htmlFragment, { maxLength: 80 }), fc.boolean(), (parts, doctype) => {
        const text = (doctype ? '<!DOCTYPE html>\n' : '<html>') + parts.join('');
        const set = ingestFiles([{ path: 'ladders/fuzz/f.html', content: text }]);
        invariants(set, [text]);
        expect(set.files[0].shape === 'unknown' || set.files[0].shape.startsWith('html')).toBe(true);
        for (const s of set.statements) expect(s.text).not.toContain('DROPPED');
      }),
      { numRuns: FUZZ_RUNS.html },
    );
  }, 120_000);

  // The slow-reader generators of issue 14, small and behind random text; `npm run bench:read` reads them at 1 MB.
  it(`pathological inputs, small, after random text (${FUZZ_RUNS.pathological} inputs)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(PATHOLOGICAL)), fc.integer({ min: 1, max: 4000 }), fc.array(fragment, { maxLength: 12 }), (name, bytes, noise) => {
        const { path, text } = PATHOLOGICAL[name](bytes);
        const input = noise.join('') + text;
        invariants(ingestFiles([{ path, content: input }]), [input]);
      }),
      { numRuns: FUZZ_RUNS.pathological },
    );
  }, 120_000);

  it(`random bytes (${FUZZ_RUNS.bytes} inputs)`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const set = ingestFiles([{ path: 'ladders/fuzz/b.md', content: bytes }]);
        expect(set.diagnostics.some((d) => d.message.startsWith('reader failed'))).toBe(false);
      }),
      { numRuns: FUZZ_RUNS.bytes },
    );
  });

  it('the seeds themselves satisfy the invariants', () => {
    invariants(ingestFiles(seedTexts.map((s) => ({ path: s.path, content: s.text }))), seedTexts.map((s) => s.text));
    expect(fs.existsSync('data/ladders')).toBe(true);
  });
});
