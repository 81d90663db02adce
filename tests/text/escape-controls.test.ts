import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../src/text/index.ts';

describe('escapeControls', () => {
  it('writes out ESC sequences (colours, OSC title, OSC 52 clipboard), BEL, DEL and C1 controls', () => {
    expect(escapeControls('a\u001b[31mred\u001b[0m')).toBe('a\\u001b[31mred\\u001b[0m');
    expect(escapeControls('\u001b]0;PWNED\u0007')).toBe('\\u001b]0;PWNED\\u0007');
    expect(escapeControls('\u001b]52;c;ZXZpbA==\u0007')).toBe('\\u001b]52;c;ZXZpbA==\\u0007');
    expect(escapeControls('x\u007fy\u009b31m\u0085')).toBe('x\\u007fy\\u009b31m\\u0085');
  });
  it('writes out bidirectional overrides, embeddings and isolates, and the line separators', () => {
    expect(escapeControls('invoice\u202egpj.exe')).toBe('invoice\\u202egpj.exe');
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u2028', '\u2029']) expect(escapeControls(c)).toMatch(/^\\u20/);
  });
  it('keeps tab, newline and CR LF in text, but not a lone CR (it would overwrite the line)', () => {
    expect(escapeControls('a\tb\nc\r\nd')).toBe('a\tb\nc\r\nd');
    expect(escapeControls('safe\rforged')).toBe('safe\\rforged');
  });
  it('puts a value on one line: a newline in a file name cannot start a line of its own', () => {
    expect(escapeControls('x.md\nl3.md:1: error: forged', { oneLine: true })).toBe('x.md\\nl3.md:1: error: forged');
    expect(escapeControls('a\r\nb', { oneLine: true })).toBe('a\\r\\nb');
  });
  it('keeps JSON valid and equal: the escapes are JSON escapes', () => {
    const value = { text: 'clip \u202e reversed \u0085 \u2028' };
    expect(JSON.parse(escapeControls(JSON.stringify(value)))).toEqual(value);
  });
  it('leaves ordinary text, accents, emoji and right-to-left letters alone', () => {
    for (const t of ['Café — naïve “quotes”', '🏆 Owns', 'שלום עולם', '\u200fמרקר']) expect(escapeControls(t)).toBe(t);
  });
});
