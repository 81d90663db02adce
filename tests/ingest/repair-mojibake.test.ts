import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakUtf8, repairMojibake } from '../../src/ingest/index.ts';

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
