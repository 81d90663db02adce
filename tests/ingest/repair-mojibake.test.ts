import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakUtf8, repairMojibake } from '../../src/ingest/index.ts';
import { decodeSequence } from '../../src/ingest/repair-mojibake.ts';

describe('repairMojibake', () => {
  it('restores emoji mangled through Mac OS Roman', () => {
    expect(repairMojibake(breakUtf8('## 🦉 Domain 🌱 🧭 🏆', 'mac-roman'))).toEqual({ text: '## 🦉 Domain 🌱 🧭 🏆', repaired: 4, codec: 'mac-roman' });
  });

  it('restores punctuation and accents mangled through Windows-1252', () => {
    const broken = breakUtf8('It’s “done” — café', 'windows-1252');
    expect(broken).toContain('â€™');
    expect(repairMojibake(broken).text).toBe('It’s “done” — café');
  });

  it('leaves clean text, accents and curly quotes alone', () => {
    for (const t of ['naïve café', '“quoted”', 'Ünïcödé ≥ 5', 'plain ascii', '日本語 🦉']) expect(repairMojibake(t)).toEqual({ text: t, repaired: 0 });
  });

  it('undoes any mangling of text in ASCII, accents, typographic punctuation and emoji (property)', () => {
    const alphabet = [...'abc XYZ 019.,-:()/', 'é', 'ü', 'ñ', 'ß', '’', '“', '”', '—', '–', '…', '€', '🦉', '🌱', '🧭', '🏆', '✅', '→', '日'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), fc.constantFrom('mac-roman' as const, 'windows-1252' as const), (chars, codec) => {
        const s = chars.join('');
        const broken = breakUtf8(s, codec);
        const fixed = repairMojibake(broken);
        expect(fixed.text).toBe(s);
        if (fixed.repaired) expect(breakUtf8(fixed.text, fixed.codec!)).toBe(broken);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decodeSequence', () => {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const reference = (bytes: number[]) => {
    try {
      return strict.decode(new Uint8Array(bytes));
    } catch {
      return null;
    }
  };
  const C = Array.from({ length: 64 }, (_, i) => 0x80 + i);

  /** The sequences whose decoding differs from the reference decoder's. */
  const differing = (sequences: number[][]) => sequences.filter((bytes) => decodeSequence(bytes) !== reference(bytes));

  it('decodes every 2- and 3-byte sequence as a strict UTF-8 decoder does, byte-order mark and surrogates included', () => {
    const sequences: number[][] = [];
    for (let lead = 0xc2; lead <= 0xdf; lead++) for (const b of C) sequences.push([lead, b]);
    for (let lead = 0xe0; lead <= 0xef; lead++) for (const b of C) for (const c of C) sequences.push([lead, b, c]);
    expect(differing(sequences)).toEqual([]);
  });

  it('decodes 4-byte sequences at every lead and second byte as a strict UTF-8 decoder does', () => {
    const sequences: number[][] = [];
    for (let lead = 0xf0; lead <= 0xf4; lead++) for (const b of C) for (const c of [0x80, 0x9f, 0xbf]) for (const d of [0x80, 0xa5, 0xbf]) sequences.push([lead, b, c, d]);
    expect(differing(sequences)).toEqual([]);
  });
});
