import { describe, expect, it } from 'vitest';
import { atlas } from '../../src/atlas/index.ts';
import { readDataBundle, readLadderFiles } from '../../src/cli/load-data-dir.ts';
import { ARROW_COLUMNS } from '../../src/format/statement-columns.ts';
import { statementTable } from '../../src/format/statement-table.ts';

describe('statementTable', () => {
  const { statements } = atlas(readLadderFiles('data'), { data: readDataBundle({ dir: 'data' }) });
  it('holds every statement in the columns of `ladders statements --arrow`, with their values', () => {
    const t = statementTable(statements);
    expect(t.columnNames()).toEqual(ARROW_COLUMNS.map(([name]) => name));
    expect(t.numRows()).toBe(statements.length);
    const i = statements.findIndex((s) => s.competency && s.flags.length === 0);
    for (const [name, get] of ARROW_COLUMNS) expect(t.get(name, i)).toEqual(get(statements[i]));
    expect(t.get('confidence', statements.findIndex((s) => s.confidence === undefined))).toBeNull();
  });
});
