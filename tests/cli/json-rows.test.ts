import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasRawControl, writeJsonRows } from '../../src/cli/json-rows.ts';
import { escapeControls } from '../../src/text/index.ts';

/** Through a text-only output (lines; the CLI escapes each). */
const written = (rows: unknown[], map?: (r: unknown) => unknown) => {
  const chunks: string[] = [];
  writeJsonRows({ out: (t) => chunks.push(t.endsWith('\n') ? t : `${t}\n`) }, rows, map);
  return chunks;
};

/**
 * Through a byte output, as the CLI's standard output takes it: one that writes the bytes at once and says so (`copy`:
 * the writer may then reuse its buffer), or one that keeps them as given (`keep`: the writer must never write over them).
 */
const writtenBytes = (rows: unknown[], map?: (r: unknown) => unknown, mode: 'copy' | 'keep' = 'copy') => {
  const chunks: Buffer[] = [];
  const outBytes = mode === 'copy' ? (b: Uint8Array) => (chunks.push(Buffer.from(b)), true) : (b: Uint8Array) => void chunks.push(b as Buffer);
  writeJsonRows({ out: () => expect.unreachable('bytes go to outBytes'), outBytes }, rows, map);
  return chunks;
};
/** The distinct memory the batches of a table were handed over in (the closing bytes left out). */
const buffersUsed = (rows: unknown[]) => {
  const used = new Set<ArrayBufferLike>();
  writeJsonRows({ out: () => expect.unreachable('bytes go to outBytes'), outBytes: (b) => (used.add(b.buffer), true) }, rows);
  return used.size - 1;
};
const asText = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');

/** Characters a JSON writer or a terminal treats specially: C0 and C1 controls, DEL, separators, bidi controls, quotes, lone surrogates. */
const HOSTILE = ['\u0000', '\u0007', '\t', '\n', '\r', '\r\n', '\u001b[31m', '\u007f', '\u0080', '\u0085', '\u009b', '\u009f', '\u00a0', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069', '\u2019', '\u2030', '\u206a', '"', '\\', '\ud800', '\udfff', '😀', 'é', 'plain'];
const hostileString = fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string(), fc.string({ unit: 'binary' })), { maxLength: 6 }).map((parts) => parts.join(''));
const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, hostileString, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
})).value;

describe('writeJsonRows', () => {
  it('writes exactly what JSON.stringify(rows, null, 2) writes, for any rows', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), (rows) => {
        expect(written(rows).join('')).toBe(`${JSON.stringify(rows, null, 2)}\n`);
      }),
    );
    expect(written([]).join('')).toBe('[]\n');
    expect(written([{ a: 'x\ny' }, [1, [2]]], (r) => r).join('')).toBe(`${JSON.stringify([{ a: 'x\ny' }, [1, [2]]], null, 2)}\n`);
  });

  it('writes the same bytes to a byte output, control characters escaped as on every line the CLI writes', () => {
    fc.assert(
      fc.property(fc.array(hostileValue, { maxLength: 200 }), (rows) => {
        const expected = `${escapeControls(JSON.stringify(rows, null, 2))}\n`;
        expect(asText(writtenBytes(rows))).toBe(expected);
        expect(asText(writtenBytes(rows, undefined, 'keep'))).toBe(expected);
        expect(written(rows).map((t) => escapeControls(t)).join('')).toBe(expected);
      }),
      { numRuns: 300 },
    );
    expect(asText(writtenBytes([]))).toBe('[]\n');
    const rows = [{ text: 'a\u202eb' }, { text: 'c\u0085d\u007f' }, { text: 'e\u2068f' }];
    expect(asText(writtenBytes(rows, (r) => r))).toBe(`${escapeControls(JSON.stringify(rows, null, 2))}\n`);
    expect(asText(writtenBytes(rows))).toContain('a\\u202eb');
  });

  it('finds every character JSON leaves raw that a terminal acts on, and no other', () => {
    const wrong: string[] = [];
    for (let c = 0x20; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const text = JSON.stringify(`x${String.fromCharCode(c)}y`);
      if (hasRawControl(Buffer.from(text)) !== (escapeControls(text) !== text)) wrong.push(`U+${c.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('writes a large table in many pieces, each ending a line, none near the size of the whole', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ id: `row-${i}`, text: 'x'.repeat(100), n: i }));
    const whole = JSON.stringify(rows, null, 2);
    const chunks = written(rows);
    expect(chunks.join('')).toBe(`${whole}\n`);
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(whole.length / 5);
    const pieces = writtenBytes(rows);
    expect(asText(pieces)).toBe(`${whole}\n`);
    expect(asText(writtenBytes(rows, undefined, 'keep'))).toBe(`${whole}\n`);
    expect(pieces.length).toBeGreaterThan(5);
    expect(Math.max(...pieces.map((c) => c.length))).toBeLessThan(whole.length / 5);
  });

  it('encodes every batch into one buffer while the output has written the last, and a longer batch into a larger one', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ id: `row-${String(i).padStart(4, '0')}`, text: 'é'.repeat(20) }));
    expect(buffersUsed(rows)).toBe(1);
    // A batch far longer than the ones before it: the buffer grows once, and the table is still whole.
    rows.splice(500, 1, { id: 'long', text: '\u2019'.repeat(200_000) });
    expect(buffersUsed(rows)).toBe(2);
    expect(asText(writtenBytes(rows))).toBe(`${JSON.stringify(rows, null, 2)}\n`);
  });
});
