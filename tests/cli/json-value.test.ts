import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeJson } from '../../src/cli/json-value.ts';
import { escapeControls } from '../../src/text/index.ts';

/** Through a text-only output (lines; the CLI escapes each). */
const written = (value: unknown, piece?: number) => {
  const chunks: string[] = [];
  writeJson({ out: (t) => chunks.push(t.endsWith('\n') ? t : `${t}\n`) }, value, { piece });
  return chunks;
};

/** Through a byte output, as the CLI's standard output takes it. */
/** `copy`: an output that writes the bytes at once and says so (they may be reused); `keep`: one that keeps them as given. */
const writtenBytes = (value: unknown, piece?: number, mode: 'copy' | 'keep' = 'copy') => {
  const chunks: Buffer[] = [];
  const outBytes = mode === 'copy' ? (b: Uint8Array) => (chunks.push(Buffer.from(b)), true) : (b: Uint8Array) => void chunks.push(b as Buffer);
  writeJson({ out: () => expect.unreachable('bytes go to outBytes'), outBytes }, value, { piece });
  return chunks;
};
const asText = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');

const HOSTILE = ['\u0000', '\n', '\r\n', '\u001b[31m', '\u007f', '\u0085', '\u009b', '\u2028', '\u202e', '\u2066', '"', '\\', '\ud800', '😀', 'é', '__proto__', 'toJSON', '0', '12', 'plain'];
const hostileString = fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string()), { maxLength: 4 }).map((parts) => parts.join(''));
/** Values as JSON.stringify sees them: members it leaves out (undefined, functions), elements it writes as null, a Date and a Map, objects without a prototype. */
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(() => 1),
    fc.constant(new Date(0)),
    fc.constant(new Map([[1, 2]])),
    tie('array'),
    tie('object'),
    tie('bare'),
  ),
  array: fc.array(tie('value'), { maxLength: 8 }),
  object: fc.dictionary(hostileString, tie('value'), { maxKeys: 6 }),
  bare: fc.dictionary(hostileString, tie('value'), { maxKeys: 3 }).map((o) => Object.assign(Object.create(null), o)),
})).value;

describe('writeJson', () => {
  it('writes exactly JSON.stringify(value, null, 2) and a newline, however small the pieces', () => {
    fc.assert(
      fc.property(anyValue, fc.integer({ min: 1, max: 40 }), (value, piece) => {
        const expected = `${escapeControls(`${JSON.stringify(value, null, 2)}`)}\n`;
        expect(written(value, piece).map((t) => escapeControls(t)).join('')).toBe(expected);
        expect(asText(writtenBytes(value, piece))).toBe(expected);
        expect(asText(writtenBytes(value, piece, 'keep'))).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('writes members and elements nested in large values at their depth', () => {
    const value = { cells: [{ ids: ['a', 'b'], n: 1 }, { ids: [], n: 2, deep: [[1, { x: [3, 4] }]] }], empty: [], none: {}, skip: undefined, last: 'z' };
    for (const piece of [1, 2, 3, 5, 8, 1000]) expect(written(value, piece).join('')).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it('writes a large result in many pieces, each ending a line, none near the size of the whole', () => {
    const value = { cells: Array.from({ length: 30_000 }, (_, i) => ({ id: `row-${i}`, text: 'x'.repeat(60), ids: [i, i + 1] })), companies: [{ name: 'a' }] };
    const whole = `${JSON.stringify(value, null, 2)}\n`;
    const chunks = written(value);
    expect(chunks.join('')).toBe(whole);
    expect(chunks.length).toBeGreaterThan(3);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(whole.length / 3);
    const pieces = writtenBytes(value);
    expect(asText(pieces)).toBe(whole);
    // Kept as given, every piece still holds its own text (none written over by the next).
    const kept = writtenBytes(value, undefined, 'keep');
    expect(kept.length).toBeGreaterThan(3);
    expect(asText(kept)).toBe(whole);
    expect(Math.max(...pieces.map((c) => c.length))).toBeLessThan(whole.length / 3);
  });
});
