import { describe, expect, it } from 'vitest';
import { atlas } from '../../src/atlas/index.ts';
import { classifiedInBatches } from '../../src/cli/classified-batches.ts';
import { readDataBundle, readLadderFiles } from '../../src/cli/load-data-dir.ts';

const files = readLadderFiles('data');
const data = readDataBundle({ dir: 'data' });

describe('classifiedInBatches', () => {
  it('gives the atlas\'s classified statements, in order, whatever the batch size', () => {
    const whole = atlas(files, { data }).statements;
    expect(whole.filter((s) => s.competency).length).toBeGreaterThan(100);
    for (const size of [1, 7, 256, 100_000]) expect([...classifiedInBatches(atlas(files, { data }), size)]).toEqual(whole);
  });

  it('classifies a batch only when the rows before it have been taken', () => {
    const a = atlas(files, { data });
    let calls = 0;
    const counted = { set: a.set, classify: (rows: Parameters<typeof a.classify>[0], o?: Parameters<typeof a.classify>[1]) => (calls++, a.classify(rows, o)) };
    const rows = classifiedInBatches(counted, 10);
    for (let i = 0; i < 10; i++) rows.next();
    expect(calls).toBe(1);
    rows.next();
    expect(calls).toBe(2);
  });
});
