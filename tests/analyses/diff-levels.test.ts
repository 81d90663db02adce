import { describe, expect, it } from 'vitest';
import { diffLadder, diffLevels, placeLevels } from '../../src/analyses/index.ts';
import { row, scaleCues, seedAnalysis } from './seed-analysis.ts';
import { atlasOf } from '../helpers.ts';

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

describe('diff definitions agree with the numbers shown (issue 15)', () => {
  // Every consecutive pair of every bundled ladder, and every pair of same-code levels across a company's tracks.
  const { analysis, statements, set } = atlasOf('data');
  const ladders = [...new Set(analysis.levels.map((p) => `${p.company}|${p.track}`))];
  const diffs = ladders.flatMap((lk) => {
    const ladder = analysis.levels.filter((p) => `${p.company}|${p.track}` === lk).sort((a, b) => a.levelOrder - b.levelOrder);
    return ladder.slice(1).map((to, i) => diffLevels(ladder[i].key, to.key, statements, analysis.levels, { capNotes: analysis.capNotes, levels: set.levels }));
  });
  it('added is 0% → more, dropped more → 0%, strengthened up, weakened down; share = count / of', () => {
    expect(diffs.length).toBeGreaterThan(10);
    let n = 0;
    for (const d of diffs) {
      for (const e of d.entries) {
        n++;
        const what = `${d.from.label} → ${d.to.label} ${e.competency} ${e.change} ${e.from.share} → ${e.to.share}`;
        for (const side of [e.from, e.to]) expect(Math.abs(side.share - (side.of ? side.count / side.of : 0)), what).toBeLessThanOrEqual(0.0005 + 1e-9);
        if (e.change === 'added') expect([e.from.count, e.to.count > 0], what).toEqual([0, true]);
        if (e.change === 'dropped') expect([e.from.count > 0, e.to.count], what).toEqual([true, 0]);
        if (e.change === 'strengthened') expect(e.to.share - e.from.share, what).toBeGreaterThanOrEqual(0.05);
        if (e.change === 'weakened') expect(e.from.share - e.to.share, what).toBeGreaterThanOrEqual(0.05);
        // Rounded as the view and the CLI print them, an added share never reads "1% → 1%".
        if (e.change === 'added' || e.change === 'strengthened') expect(Math.round(e.to.share * 100), what).toBeGreaterThan(Math.round(e.from.share * 100));
      }
    }
    expect(n).toBeGreaterThan(100);
  });
  it('the issue\'s cases: Octopus Security Engineer L2 → L3 communication and threat fluency are added from 0%', () => {
    const l2 = analysis.levels.find((p) => p.label === 'octopus:security-engineer:L2')!;
    for (const l3 of analysis.levels.filter((p) => p.company === 'octopus' && p.track === 'Security Engineer' && p.level === 'L3')) {
      const d = diffLevels(l2.key, l3.key, statements, analysis.levels, { capNotes: analysis.capNotes, levels: set.levels });
      for (const c of ['communication', 'threat']) {
        const e = d.entries.find((x) => x.competency === c);
        if (e?.change === 'added') expect(e.from.share).toBe(0);
        else if (e) expect(e.change).not.toBe('added');
      }
    }
  });
});
