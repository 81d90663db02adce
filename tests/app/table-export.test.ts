import { describe, expect, it } from 'vitest';
import { exportFileName, neutraliseFormula, toCSV, toJSON, tableColumns } from '../../src/app/table-export.ts';

describe('neutraliseFormula', () => {
  it('prefixes cells a spreadsheet would run as a formula with a single quote', () => {
    for (const cell of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
      expect(neutraliseFormula(cell)).toBe("'" + cell);
    }
  });
  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Leads cross-team projects.')).toBe('Leads cross-team projects.');
    expect(neutraliseFormula('')).toBe('');
  });
});

describe('toCSV', () => {
  it('writes a header and one line per row, quoting commas, quotes and newlines', () => {
    const csv = toCSV([
      { id: 'a', text: 'plain' },
      { id: 'b', text: 'has, comma and "quote"\nand newline' },
    ]);
    expect(csv).toBe('id,text\r\na,plain\r\nb,"has, comma and ""quote""\nand newline"\r\n');
  });
  it('neutralises formulas inside quoted cells and in headers', () => {
    const csv = toCSV([{ '=x': '=1+1,2' }]);
    expect(csv.split('\r\n')[0]).toBe("'=x");
    expect(csv.split('\r\n')[1]).toBe(`"'=1+1,2"`);
  });
  it('keeps numbers numeric (a negative number is not a formula)', () => {
    expect(toCSV([{ n: -0.5, s: '-0.5' }]).split('\r\n')[1]).toBe("-0.5,'-0.5");
  });
  it('joins arrays and leaves missing values empty', () => {
    expect(toCSV([{ a: ['x', 'y'], b: null }, { a: undefined, c: 1 }])).toBe('a,b,c\r\nx; y,,\r\n,,1\r\n');
  });
});

describe('tableColumns and toJSON', () => {
  it('collects columns in first-seen order', () => {
    expect(tableColumns([{ b: 1 }, { a: 1, b: 2 }])).toEqual(['b', 'a']);
  });
  it('round-trips rows through JSON', () => {
    const rows = [{ id: 'x', text: '<script>alert(1)</script>' }];
    expect(JSON.parse(toJSON(rows))).toEqual(rows);
  });
});

describe('exportFileName', () => {
  it('appends the selection in a fixed order, as slugs', () => {
    expect(exportFileName('coverage', { competency: 'risk', level: 'L3', company: 'octopus', variant: 'Senior Cloud Security Engineer' })).toBe('coverage-octopus-l3-senior-cloud-security-engineer-risk');
  });
  it('ignores search text and empty fields', () => {
    expect(exportFileName('statements', { q: 'incident', company: undefined })).toBe('statements');
  });
});
