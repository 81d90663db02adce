import { describe, expect, it } from 'vitest';
import { csvPieces, recordColumns, recordsToCsv, safeCell, toCsv } from '../../src/format/index.ts';
import { STATEMENT_COLUMNS } from '../../src/format/statement-columns.ts';
import { seedAnalysis } from '../analyses/seed-analysis.ts';

describe('safeCell: no cell a spreadsheet would run as a formula', () => {
  it('prefixes a formula start with a single quote: = + - @ | % tab CR', () => {
    for (const cell of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '|cmd', '%x', '\tcmd', '\rcmd', '-', '+']) {
      expect(safeCell(cell), JSON.stringify(cell)).toBe(`'${cell}`);
    }
  });
  it('after leading spaces, and in full-width forms (CJK Excel)', () => {
    expect(safeCell('  =1+1')).toBe("'  =1+1");
    expect(safeCell('\uff1d1+1')).toBe("'\uff1d1+1");
  });
  it('after each ";" too: Excel in a ";" locale splits "Scope;=2+2" into two cells', () => {
    expect(safeCell('Scope;=2+2')).toBe("Scope;'=2+2");
    expect(safeCell('x;=HYPERLINK("http://evil")')).toBe(`x;'=HYPERLINK("http://evil")`);
    expect(safeCell('a; @SUM(A1);|b;%c')).toBe("a;' @SUM(A1);'|b;'%c");
    expect(safeCell(['ok', '=1+1'])).toBe("ok;' =1+1");
  });
  it('keeps numbers as written: -5 stays -5, as text or as a number', () => {
    for (const n of ['-5', '+5', '-0.5', '1e-3', '-.5', '12;-3']) expect(safeCell(n)).toBe(n);
    expect(safeCell(-5)).toBe('-5');
    expect(safeCell(-0.25)).toBe('-0.25');
    expect(safeCell('-5 units')).toBe("'-5 units");
  });
  it('leaves ordinary text alone', () => {
    for (const t of ['Leads cross-team projects.', 'a-b', '50%', 'x=1', '', 'Owns; decides']) expect(safeCell(t)).toBe(t);
  });
});

describe('toCsv', () => {
  it('writes a header and one line per row, quoting commas, quotes and newlines, CRLF line ends', () => {
    const csv = toCsv([{ id: 'a', text: 'plain' }, { id: 'b', text: 'has, comma and "quote"\nand newline' }], [['id', (r) => r.id], ['text', (r) => r.text]]);
    expect(csv).toBe('id,text\r\na,plain\r\nb,"has, comma and ""quote""\nand newline"\r\n');
  });
  it('neutralises formulas inside quoted cells and in headers', () => {
    const csv = recordsToCsv([{ '=x': '=1+1,2' }]);
    expect(csv.split('\r\n')[0]).toBe("'=x");
    expect(csv.split('\r\n')[1]).toBe(`"'=1+1,2"`);
  });
  it('joins arrays, writes objects as JSON and leaves missing values empty', () => {
    expect(recordsToCsv([{ a: ['x', 'y'], b: null }, { a: undefined, c: 1, d: { k: 1 } }])).toBe('a,b,c,d\r\nx; y,,,\r\n,,1,"{""k"":1}"\r\n');
  });
  it('collects record columns in first-seen order', () => {
    expect(recordColumns([{ b: 1 }, { a: 1, b: 2 }])).toEqual(['b', 'a']);
  });
});

describe('csvPieces: the same CSV a batch of rows at a time', () => {
  const { statements } = seedAnalysis();
  const whole = toCsv(statements, STATEMENT_COLUMNS);
  it('joined, the pieces are toCsv of the seed statements, whatever the batch', () => {
    expect(whole.startsWith(`${STATEMENT_COLUMNS.map(([name]) => name).join(',')}\r\n`)).toBe(true);
    for (const batch of [2, 7, 256, 10_000]) {
      const pieces = [...csvPieces(statements, STATEMENT_COLUMNS, batch)];
      expect(pieces.join(''), `batch ${batch}`).toBe(whole);
      expect(pieces.length).toBe(Math.ceil((statements.length + 1) / batch)); // lines: the header and one per row
      // whole lines only: each piece ends a line, so a line end is never split between two writes
      for (const p of pieces) expect(p.endsWith('\r\n')).toBe(true);
    }
  });
  it('reads the rows as they come (an iterable, not an array), and gives the header alone for none', () => {
    let read = 0;
    const rows = (function* () {
      for (const s of statements.slice(0, 10)) yield (read++, s);
    })();
    const pieces = csvPieces(rows, STATEMENT_COLUMNS, 4);
    pieces.next();
    expect(read).toBe(3);
    expect([...csvPieces([], STATEMENT_COLUMNS)]).toEqual([toCsv([], STATEMENT_COLUMNS)]);
  });
});
