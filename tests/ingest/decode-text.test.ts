import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/index.ts';
import { decodeText } from '../../src/ingest/decode-text.ts';
import { textEncoding } from '../../src/ingest/text-encoding.ts';

const MAX = 5 * 1024 * 1024;

/** UTF-16 bytes of a string, little- or big-endian, with or without a byte-order mark. */
function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    out[2 * i + (endian === 'le' ? 0 : 1)] = c & 0xff;
    out[2 * i + (endian === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
}

/** Excel's "Unicode text" export of a small grid: UTF-16LE with a byte-order mark, CRLF line ends. */
const GRID = 'Level/Skill\tImpact\tScope\r\n1\tShips small fixes.  Asks for help.\tOwn tasks\r\n2\tLeads a project — end to end.\tTeam\r\n';

describe('decodeText', () => {
  it('reads UTF-16 by its byte-order mark, both byte orders', () => {
    for (const endian of ['le', 'be'] as const) {
      const set = ingestFiles([{ path: `ladders/acme/unicode-${endian}.txt`, content: utf16(GRID, endian, true) }]);
      expect(set.diagnostics, endian).toEqual([]);
      expect(set.files[0].shape).toBe('grid');
      expect(set.statements.map((s) => s.text)).toEqual(['Ships small fixes.', 'Asks for help.', 'Own tasks', 'Leads a project — end to end.', 'Team']);
    }
  });

  it('recognises UTF-16 without a byte-order mark by its NUL bytes (once called "binary")', () => {
    expect(textEncoding(utf16(GRID, 'le', false))).toEqual({ encoding: 'utf-16le', bom: 0 });
    expect(textEncoding(utf16(GRID, 'be', false))).toEqual({ encoding: 'utf-16be', bom: 0 });
    const set = ingestFiles([{ path: 'ladders/acme/grid.tsv', content: utf16(GRID, 'be', false) }]);
    expect(set.diagnostics).toEqual([]);
    expect(set.statements).toHaveLength(5);
  });

  it('still refuses binary content, and UTF-16 holding NUL characters', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(decodeText('logo.png', png, MAX).diagnostics[0].message).toMatch(/binary content/);
    const withNul = decodeText('x.tsv', utf16('Level\tA\u0000B\r\n', 'le', true), MAX);
    expect(withNul.text).toBeNull();
    expect(withNul.diagnostics[0].message).toMatch(/binary content/);
  });

  it('a NUL byte anywhere in the file, not only in the first 8 KB, makes it binary', () => {
    const bytes = new TextEncoder().encode(`# L1: Eng\n\n## Craft\n${'- I build things.\n'.repeat(1000)}`);
    bytes[bytes.length - 5] = 0;
    const d = decodeText('late-nul.md', bytes, MAX);
    expect(d.text).toBeNull();
    expect(d.diagnostics[0]).toMatchObject({ line: 1003 });
  });

  it('warns when UTF-16 text has an odd byte count, and keeps the text', () => {
    const bytes = utf16('Level\tA\tB\r\n1\tx.\ty.\r\n', 'le', true);
    const d = decodeText('cut.tsv', bytes.subarray(0, bytes.length - 1), MAX);
    expect(d.text).toBe('Level\tA\tB\r\n1\tx.\ty.\r');
    expect(d.diagnostics[0].message).toMatch(/odd number of bytes/);
  });

  it('maps Windows-1252 itself: curly quotes 0x93/0x94 and the euro sign become “ ” €, not C1 controls', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('- Says '), 0x93, ...new TextEncoder().encode('no'), 0x94, ...new TextEncoder().encode(' for 5'), 0x80, 0x96, 0xe9]);
    const d = decodeText('q.md', bytes, MAX);
    expect(d.text).toBe('- Says “no” for 5€–é');
    expect(d.diagnostics[0].message).toMatch(/byte 0x93 .* read as Windows-1252/);
  });

  it('a long-format CSV with a quoted header is recognised', () => {
    const csv = '"company","level","level_title","section","kind","statement"\n"Acme","L1","Engineer","Craft","","Fixes bugs, with help."\n"Acme","L2","Senior","Craft","","Leads a project."\n';
    const set = ingestFiles([{ path: 'ladder.csv', content: csv }]);
    expect(set.diagnostics).toEqual([]);
    expect(set.files[0].shape).toBe('long-csv');
    expect(set.statements.map((s) => [s.company, s.level, s.text])).toEqual([['acme', 'L1', 'Fixes bugs, with help.'], ['acme', 'L2', 'Leads a project.']]);
  });
});
