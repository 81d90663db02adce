import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeJsonRows } from '../../src/cli/json-rows.ts';

const written = (rows: unknown[], map?: (r: unknown) => unknown) => {
  const chunks: string[] = [];
  writeJsonRows({ out: (t) => chunks.push(t.endsWith('\n') ? t : `${t}\n`) }, rows, map);
  return chunks;
};

describe('writeJsonRows', () => {
  it('writes exactly what JSON.stringify(rows, null, 2) writes, for any rows', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), (rows) => {
        expect(written(rows).join('')).toBe(`${JSON.stringify(rows, null, 2)}\n`);
      }),
    );
    expect(written([]).join('')).toBe('[]\n');
    expect(written([{ a: 'x\ny' }, [1, [2]]], (r) => r).join('')).toBe(`${JSON.stringify([{ a: 'x\ny' }, [1, [2]]], null, 2)}\n`);
  });
  it('writes a large table in many pieces, each ending a line, none near the size of the whole', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ id: `row-${i}`, text: 'x'.repeat(100), n: i }));
    const chunks = written(rows);
    expect(chunks.join('')).toBe(`${JSON.stringify(rows, null, 2)}\n`);
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(JSON.stringify(rows, null, 2).length / 5);
  });
});
