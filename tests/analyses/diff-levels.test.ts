import { describe, expect, it } from 'vitest';
import { diffLadder, diffLevels, placeLevels } from '../../src/analyses/index.ts';
import { row, scaleCues, seedAnalysis } from './seed-analysis.ts';

describe('diffLevels on the seeds', () => {
  const { analysis, statements } = seedAnalysis();
  it('diffs Octopus L3 → L4 with statements on each side that belong to those levels', () => {
    const d = diffLevels('octopus:L3', 'octopus:L4', statements, analysis.levels, { capNotes: analysis.capNotes });
    expect(d.to.position).toBeGreaterThan(d.from.position);
    expect(d.entries.some((e) => e.change === 'added' || e.change === 'strengthened')).toBe(true);
    const byId = new Map(statements.map((s) => [s.id, s]));
    for (const e of d.entries) {
      for (const s of e.from.statements) expect(byId.get(s.id)!.level).toBe('L3');
      for (const s of e.to.statements) expect(byId.get(s.id)!.level).toBe('L4');
    }
  });
  it('diffs levels of different companies and marks capped competencies carried over, not dropped', () => {
    const d = diffLevels('teleport:4', 'dropbox:IC6', statements, analysis.levels, { capNotes: analysis.capNotes });
    const threat = d.entries.find((e) => e.competency === 'threat');
    expect(threat?.change).toBe('carried-over');
  });
  it('diffs each consecutive pair of a ladder', () => {
    expect(diffLadder('teleport', statements, analysis.levels).map((d) => `${d.from.label}>${d.to.label}`)).toEqual([
      'teleport:1>teleport:2', 'teleport:2>teleport:3', 'teleport:3>teleport:4', 'teleport:4>teleport:5', 'teleport:5>teleport:6',
    ]);
  });
});

describe('diffLevels on a synthetic ladder', () => {
  it('sorts added, strengthened, dropped, weakened, kept', () => {
    const rows = [
      row('a', '1', 1, 'a', { competency: 'delivery' }),
      row('a', '1', 1, 'b', { competency: 'delivery' }),
      row('a', '1', 1, 'c', { competency: 'delivery' }),
      row('a', '1', 1, 'd', { competency: 'mentoring' }),
      row('a', '1', 1, 'e', { competency: 'growth' }),
      row('a', '2', 2, 'f', { competency: 'delivery' }),
      row('a', '2', 2, 'g', { competency: 'mentoring' }),
      row('a', '2', 2, 'h', { competency: 'mentoring' }),
      row('a', '2', 2, 'i', { competency: 'hiring' }),
    ];
    const d = diffLevels('a:1', 'a:2', rows, placeLevels({ statements: rows }, { scaleCues }));
    expect(d.entries.map((e) => [e.competency, e.change])).toEqual([
      ['hiring', 'added'],
      ['mentoring', 'strengthened'],
      ['growth', 'dropped'],
      ['delivery', 'weakened'],
    ]);
  });
});
