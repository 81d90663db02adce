import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestFiles, type InputFile } from '../../src/ingest/index.ts';
import { openOfficeFiles } from '../../src/ingest/open-office-files.ts';
import type { LadderSet } from '../../src/types.ts';
import { writeZip } from '../fixtures/office/write-zip.mjs';

export const OFFICE_FUZZ_RUNS = { cut: 60, flipped: 80, random: 60, garbage: 40 };

const FIXTURES = fs.readdirSync('tests/fixtures/office').filter((n) => /\.(xlsx|ods|docx)$/.test(n));
const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(`tests/fixtures/office/${name}`));
const originals = new Map(FIXTURES.map((n) => [n, bytesOf(n)]));

/** Opens then reads one file the way the CLI and the app do; it must never throw. */
async function readOne(path: string, content: Uint8Array): Promise<LadderSet> {
  const file: InputFile = { path, content };
  return ingestFiles(await openOfficeFiles([file]));
}

/** A file read or refused: statements, or a diagnostic naming it; every line it reports has a status and a reason. */
function invariants(set: LadderSet, path: string) {
  expect(set.diagnostics.some((d) => d.message.startsWith('reader failed'))).toBe(false);
  for (const d of set.diagnostics) expect(d.file).toBe(path);
  if (!set.statements.length) expect(set.diagnostics.length, 'a file that gives nothing says why').toBeGreaterThan(0);
  for (const f of set.files) for (const a of f.lines) if (a.status === 'skipped') expect(a.reason).toBeTruthy();
  for (const s of set.statements) expect(s.source.line).toBeGreaterThan(0);
}

describe('office readers never throw: damaged files are refused by name (property tests)', () => {
  it(`archives cut short anywhere (${OFFICE_FUZZ_RUNS.cut} inputs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIXTURES), fc.double({ min: 0, max: 1, noNaN: true }), async (name, at) => {
        const bytes = originals.get(name)!;
        const cut = bytes.subarray(0, Math.floor(at * (bytes.length - 1)));
        const set = await readOne(`ladders/fuzz/${name}`, cut);
        invariants(set, `ladders/fuzz/${name}`);
        if (cut.length >= 4) expect(set.statements).toEqual([]);
      }),
      { numRuns: OFFICE_FUZZ_RUNS.cut },
    );
  }, 120_000);

  it(`archives with bytes changed anywhere (${OFFICE_FUZZ_RUNS.flipped} inputs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIXTURES), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (name, flips) => {
        const bytes = originals.get(name)!.slice();
        for (const [at, value] of flips) bytes[Math.floor(at * (bytes.length - 1))] = value;
        const set = await readOne(`ladders/fuzz/${name}`, bytes);
        invariants(set, `ladders/fuzz/${name}`);
      }),
      { numRuns: OFFICE_FUZZ_RUNS.flipped },
    );
  }, 120_000);

  it(`random bytes that start like a ZIP or an old Office file (${OFFICE_FUZZ_RUNS.random} inputs)`, async () => {
    const heads = [[0x50, 0x4b, 3, 4], [0x50, 0x4b, 5, 6], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...heads), fc.uint8Array({ maxLength: 3000 }), async (head, rest) => {
        const set = await readOne('ladders/fuzz/random.xlsx', new Uint8Array([...head, ...rest]));
        invariants(set, 'ladders/fuzz/random.xlsx');
        expect(set.diagnostics[0].severity).toBe('error');
      }),
      { numRuns: OFFICE_FUZZ_RUNS.random },
    );
  }, 120_000);

  it(`well-formed archives holding broken XML reach the libraries and come back as refusals (${OFFICE_FUZZ_RUNS.garbage} inputs)`, async () => {
    const xmlish = fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('<w:p>', '</w:p>', '<w:t>', '<sheetData>', '<row r="1">', '<c r="A1" t="s"><v>0</v></c>', '<', '>', '&', '"', '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&a;')), { maxLength: 40 }).map((p) => p.join(''));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('xlsx', 'docx'), xmlish, xmlish, async (kind, a, b) => {
        const entries: [string, string][] = kind === 'xlsx'
          ? [['[Content_Types].xml', a], ['xl/workbook.xml', b], ['xl/worksheets/sheet1.xml', a + b]]
          : [['[Content_Types].xml', a], ['_rels/.rels', b], ['word/document.xml', a + b]];
        const set = await readOne(`ladders/fuzz/garbage.${kind}`, writeZip(entries));
        invariants(set, `ladders/fuzz/garbage.${kind}`);
      }),
      { numRuns: OFFICE_FUZZ_RUNS.garbage },
    );
  }, 120_000);
});

describe('archives built to exhaust memory are refused before a library opens them', () => {
  const docx = bytesOf('kestrel-l3-senior-security-engineer.docx');

  it('an entry that unpacks to more than it declares', async () => {
    // 16 MB of one letter deflates to ~16 KB; the archive says the document is 1 KB.
    const big = writeZip([['word/document.xml', new Uint8Array(16 * 1024 * 1024).fill(0x61)], ['[Content_Types].xml', '<Types/>']]);
    const view = new DataView(big.buffer, big.byteOffset, big.byteLength);
    const eocd = big.length - 22;
    const cd = view.getUint32(eocd + 16, true);
    view.setUint32(cd + 24, 1024, true);
    view.setUint32(22, 1024, true);
    const set = await readOne('ladders/fuzz/bomb.docx', new Uint8Array(big));
    expect(set.diagnostics).toHaveLength(1);
    expect(set.diagnostics[0].message).toBe('a Word document (DOCX) that cannot be opened: word/document.xml in the archive unpacks to more than it declares (damaged, or built to exhaust memory); not loaded');
  });

  it('an archive that declares more than the limit', async () => {
    const big = new Uint8Array(docx);
    const view = new DataView(big.buffer);
    const eocd = big.length - 22;
    const cd = view.getUint32(eocd + 16, true);
    view.setUint32(cd + 24, 0x7fffffff, true);
    const set = await readOne('ladders/fuzz/declared.docx', big);
    expect(set.diagnostics[0].message).toMatch(/^a Word document \(DOCX\) that unpacks to 2048\.0 MB, over the 80\.0 MB limit; not loaded$/);
  });
});
