import { describe, expect, it } from 'vitest';
import { checkFileSizes, checkRows, checkStatements, countLines, describeLimits, UPLOAD_LIMITS } from '../../../src/app/upload/limits.ts';

const MB = 1024 * 1024;

describe('upload limits', () => {
  it('states every limit in one sentence', () => {
    expect(describeLimits()).toBe('Up to 50 files, 5 MB each and 20 MB in all, 100,000 lines and 5,000 statements per ladder.');
  });

  it('accepts files within the limits', () => {
    const files = [{ name: 'a.md', size: 1200 }, { name: 'b.csv', size: 4 * MB }];
    expect(checkFileSizes(files)).toEqual({ read: files, leftOut: [], refused: [] });
  });

  it('leaves out a file over the per-file limit, naming it and its size, and reads the others', () => {
    const small = { name: 'l1.md', size: 900 };
    expect(checkFileSizes([{ name: 'huge.csv', size: 6 * MB }, small])).toEqual({ read: [small], leftOut: ['huge.csv is 6 MB, over the 5 MB limit for one file.'], refused: [] });
    // A 2 GiB file is named by its size like any other: nothing is read to find out.
    expect(checkFileSizes([{ name: 'disk.img', size: 2 ** 31 }, small]).leftOut).toEqual(['disk.img is 2048 MB, over the 5 MB limit for one file.']);
  });

  it('refuses an upload over the total limit even when each file fits', () => {
    const files = Array.from({ length: 5 }, (_, i) => ({ name: `part-${i}.csv`, size: 4.5 * MB }));
    expect(checkFileSizes(files).refused).toEqual(['The files hold 22.5 MB together, over the 20 MB limit for one upload.']);
  });

  it('refuses too many files and an empty choice', () => {
    expect(checkFileSizes(Array.from({ length: 51 }, (_, i) => ({ name: `${i}.md`, size: 10 }))).refused).toEqual(['51 files chosen; at most 50 per upload.']);
    expect(checkFileSizes([]).refused).toEqual(['No files chosen.']);
  });

  it('counts lines with or without a final newline', () => {
    const enc = new TextEncoder();
    expect(countLines(enc.encode('a\nb\nc'))).toBe(3);
    expect(countLines(enc.encode('a\nb\nc\n'))).toBe(3);
    expect(countLines(enc.encode('a\r\nb\r\n'))).toBe(2);
    expect(countLines(new Uint8Array())).toBe(0);
  });

  it('counts lone-CR line breaks, so a 150,000-line old-Mac file trips the line limit', () => {
    const enc = new TextEncoder();
    expect(countLines(enc.encode('a\rb\rc'))).toBe(3);
    expect(countLines(enc.encode('a\r\rb\r'))).toBe(3);
    const lines = countLines(enc.encode('L1,Does a thing.\r'.repeat(150_000)));
    expect(lines).toBe(150_000);
    expect(checkRows([{ name: 'old-mac.csv', lines }])).toMatch(/150,000 lines .* over the 100,000-line limit/);
  });

  it('counts the lines of UTF-16 text by its code units, CRLF once', () => {
    const utf16le = (s: string, bom = true) => {
      const out = new Uint8Array((bom ? 2 : 0) + 2 * s.length);
      if (bom) out.set([0xff, 0xfe]);
      for (let i = 0; i < s.length; i++) out.set([s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8], (bom ? 2 : 0) + 2 * i);
      return out;
    };
    expect(countLines(utf16le('Level\tImpact\r\n1\tShips.\r\n2\tLeads.\r\n'))).toBe(3);
    expect(countLines(utf16le('Level\tImpact\r\n1\tShips.', false))).toBe(2);
    // U+0A0D and U+0D0A hold the bytes of a line break in one code unit: not line breaks.
    expect(countLines(utf16le('a\u0a0d\u0d0ab'))).toBe(1);
  });

  it('refuses more lines than allowed, naming the largest file', () => {
    expect(checkRows([{ name: 'a.csv', lines: 60_000 }, { name: 'b.csv', lines: 40_000 }])).toBeNull();
    expect(checkRows([{ name: 'a.csv', lines: 60_000 }, { name: 'b.csv', lines: 40_001 }])).toBe(
      'The files hold 100,001 lines (a.csv: 60,000), over the 100,000-line limit for one upload; not read.',
    );
  });

  it('refuses a ladder with more statements than every view can handle interactively', () => {
    expect(checkStatements(UPLOAD_LIMITS.statements)).toBeNull();
    expect(checkStatements(UPLOAD_LIMITS.statements + 1)).toMatch(/^This ladder holds 5,001 statements, over the 5,000/);
  });
});
