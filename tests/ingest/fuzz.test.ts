import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRules, ingestFiles } from '../../src/ingest/index.ts';
import { readLadderFiles } from '../../src/cli/load-data-dir.ts';
import type { LadderSet } from '../../src/types.ts';

export const FUZZ_RUNS = { random: 1500, mutated: 2000, bytes: 500 };

const ladderFile = (path: string) => !path.endsWith('.json') && !defaultRules.ignoredFiles.has(path.split('/').pop()!.replace(/\.[^.]*$/, '').toLowerCase());
const seedTexts = readLadderFiles('data').filter((f) => ladderFile(f.path)).map((f) => ({ path: f.path, text: new TextDecoder().decode(f.content as Uint8Array) }));

const fragment = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('# ', '## ', '### L3: ', '- ', '* ', '1. ', '**Responsibility**: ', '**Key Behaviors**', '> _', '<details>', '</details>', '<summary>Examples</summary>',
    '---', '{% x %}', '<!--', '-->', '```', '\t', ',', '"', '\n', '\r\n', '  ', 'TBD.', '?', 'Level/Skill\tA\tB\n', 'level,statement\n', 'ü¶â', 'â€™', '\u0000', '\uFEFF', '| a | b |'),
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

  it(`mutated seed files (${FUZZ_RUNS.mutated} inputs)`, () => {
    const mutation = fc.oneof(
      fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fragment }),
      fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...seedTexts), fc.array(mutation, { minLength: 1, maxLength: 8 }), (seed, ops) => {
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
      { numRuns: FUZZ_RUNS.mutated },
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
