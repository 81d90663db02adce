import { fromArrow } from 'arquero';
import { describe, expect, it } from 'vitest';
import { recordsToArrow } from '../../src/format/arrow.ts';

const back = (bytes: Uint8Array) => (fromArrow(bytes).objects() as Record<string, unknown>[]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v && typeof v === 'object' && Symbol.iterator in v ? [...(v as Iterable<unknown>)] : v])));

describe('recordsToArrow', () => {
  it('reads back row for row, with numbers, booleans and lists typed and absent values null', () => {
    const rows = [
      { company: 'teleport', level: '3', statements: 12, share: 0.25, covered: true, flags: ['placeholder'], note: undefined },
      { company: 'octopus', level: 'L4', statements: 0, share: 0, covered: false, flags: [], note: 'a "quoted", comma' },
    ];
    const table = fromArrow(recordsToArrow(rows));
    expect(table.columnNames()).toEqual(['company', 'level', 'statements', 'share', 'covered', 'flags', 'note']);
    expect(back(recordsToArrow(rows))).toEqual(rows.map((r) => ({ ...r, note: r.note ?? null })));
    expect(typeof table.get('statements', 0)).toBe('number');
  });
  it('writes a column that mixes kinds as text, and keys missing from some rows as null', () => {
    const rows: Record<string, unknown>[] = [{ line: 14, detail: { a: 1 } }, { line: '', extra: 'x' }];
    expect(back(recordsToArrow(rows))).toEqual([
      { line: '14', detail: '{"a":1}', extra: null },
      { line: '', detail: null, extra: 'x' },
    ]);
  });
});
