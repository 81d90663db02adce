import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { delimitedRows, guessDelimiter, parsedRows, splitCells } from '../../src/ingest/delimited-rows.ts';

const DELIMITERS = ['\t', ',', ';', '|'];
const line = fc.array(fc.constantFrom('a', 'b c', ' ', '\t', ',', ';', '|', '"', '""', '\ufeff', '#', 'é'), { maxLength: 10 }).map((a) => a.join(''));

describe('splitCells and guessDelimiter', () => {
  it('split every line as papaparse does, quotes and byte-order marks included', () => {
    fc.assert(fc.property(line, fc.constantFrom(...DELIMITERS), (text, d) => {
      expect(splitCells(text, d)).toEqual(Papa.parse<string[]>(text, { delimiter: d }).data[0] ?? []);
    }), { numRuns: 1000 });
  });

  it('guess the delimiter papaparse splits into the most cells (the first of a tie)', () => {
    fc.assert(fc.property(line, (text) => {
      const counts = DELIMITERS.map((d) => Papa.parse<string[]>(text, { delimiter: d }).data[0]?.length ?? 0);
      const expected = /^\s*\|.*\|\s*$/.test(text) ? '|' : DELIMITERS[counts.indexOf(Math.max(...counts))];
      expect(guessDelimiter(text)).toBe(expected);
    }), { numRuns: 1000 });
  });
});

describe('delimitedRows', () => {
  it('reads text without quotes, carriage returns or a byte-order mark as papaparse does, rows, lines and all', () => {
    const text = fc.array(fc.constantFrom('a', 'L1', ' ', '  ', '\t', ',', ';', '|', '\n', '\n\n', '#', 'é', '\u2028', '\ufeff'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(fc.property(text, fc.constantFrom('\t', ',', ';'), fc.integer({ min: 1, max: 5 }), (t, d, first) => {
      expect(delimitedRows(t, d, first)).toEqual(parsedRows(t, d, first));
    }), { numRuns: 3000 });
  });

  it('gives each row of a plain grid its own line, dropping blank ones', () => {
    expect(delimitedRows('Level,A,B\n\nL1,x,y\n , ,\nL2,z\n', ',', 3)).toEqual({
      rows: [{ line: 3, endLine: 3, cells: ['Level', 'A', 'B'] }, { line: 5, endLine: 5, cells: ['L1', 'x', 'y'] }, { line: 7, endLine: 7, cells: ['L2', 'z'] }],
      errors: [],
    });
  });
});
