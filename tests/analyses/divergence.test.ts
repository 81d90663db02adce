import { describe, expect, it } from 'vitest';
import { bandOf, divergence, ladderKey, levelProfiles, placeLevels } from '../../src/analyses/index.ts';
import { row, scaleCues, seedAnalysis } from './seed-analysis.ts';

describe('divergence on the seeds', () => {
  const { analysis } = seedAnalysis();
  const rows = analysis.divergence;
  it('ranks all 16 competencies, most divergent first, each measure in 0..1', () => {
    expect(rows).toHaveLength(16);
    for (let i = 0; i < rows.length; i++) {
      expect(rows[i].divergence).toBeGreaterThanOrEqual(0);
      expect(rows[i].divergence).toBeLessThanOrEqual(1);
      if (i) expect(rows[i - 1].divergence).toBeGreaterThanOrEqual(rows[i].divergence);
    }
  });
  it('names the ladders that never mention a competency, but not a ladder whose cap note carries it', () => {
    const threat = rows.find((r) => r.competency === 'threat')!;
    expect(threat.neverMentioned).not.toContain('dropbox');
    const hiring = rows.find((r) => r.competency === 'hiring')!;
    expect(hiring.neverMentioned.length).toBeGreaterThan(0);
    expect(hiring.parts.absence).toBeCloseTo(hiring.silent.length / 3, 3);
  });
  it('strength gap: the mean share difference over every pair of levels of two ladders within one scale step, over the peak', () => {
    const { statements } = seedAnalysis();
    const profiles = levelProfiles(statements);
    const levels = [...analysis.levels].sort((a, b) => a.position - b.position);
    for (const r of rows) {
      const share = (key: string) => profiles.get(key)?.entries.get(r.competency)?.share ?? 0;
      const peak = Math.max(0, ...r.strength.map((s) => s.strength));
      const gaps = levels.flatMap((a, i) =>
        levels.slice(i + 1).filter((b) => b.position - a.position <= 1 && ladderKey(a) !== ladderKey(b)).map((b) => (peak > 0 ? Math.abs(share(a.key) - share(b.key)) / peak : 0)),
      );
      expect(gaps.length).toBeGreaterThan(0);
      expect(r.parts.strengthGap, r.competency).toBeCloseTo(gaps.reduce((t, g) => t + g, 0) / gaps.length, 3);
    }
  });
  it('gives an onset per ladder at the lowest-placed level that mentions it, with its statements', () => {
    const mentoring = rows.find((r) => r.competency === 'mentoring')!;
    const tele = mentoring.onset.find((o) => o.company === 'teleport')!;
    expect(tele.level).not.toBeNull();
    expect(tele.statementIds.length).toBeGreaterThan(0);
  });
});

describe('divergence on synthetic ladders', () => {
  it('scores a competency one ladder expects early and another late above one both expect alike', () => {
    const rows = [
      row('a', '1', 1, 'with assistance', { competency: 'delivery' }),
      row('a', '1', 1, 'mentors with assistance', { competency: 'mentoring' }),
      row('a', '2', 2, 'cross-team work', { competency: 'delivery' }),
      row('a', '2', 2, 'mentors across teams', { competency: 'mentoring' }),
      row('b', '1', 1, 'with assistance', { competency: 'delivery' }),
      row('b', '2', 2, 'cross-team work', { competency: 'delivery' }),
      row('b', '2', 2, 'mentors across teams', { competency: 'mentoring' }),
    ];
    const levels = placeLevels({ statements: rows }, { scaleCues });
    const d = divergence(rows, levels, { competencies: ['delivery', 'mentoring'] });
    expect(d[0].competency).toBe('mentoring');
    expect(d[0].parts.onsetSpread).toBeGreaterThan(0);
    expect(d.find((r) => r.competency === 'delivery')!.parts.onsetSpread).toBe(0);
  });
  it('bands positions to whole steps within 1..7', () => {
    expect([0.2, 2.49, 2.5, 6.9, 9].map(bandOf)).toEqual([1, 2, 3, 7, 7]);
  });
});
