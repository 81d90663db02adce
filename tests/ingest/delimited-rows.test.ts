import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { guessDelimiter, splitCells } from '../../src/ingest/delimited-rows.ts';

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
