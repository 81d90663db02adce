import { describe, expect, it } from 'vitest';
import { placeLevels } from '../../src/analyses/index.ts';
import { placed, row, scaleCues, seedAnalysis } from './seed-analysis.ts';

describe('placeLevels on the seeds', () => {
  const { analysis } = seedAnalysis();
  it('places every seed level once, with low ≤ position ≤ high inside 1..7', () => {
    expect(analysis.levels.map((p) => p.label)).toEqual([
      'dropbox:IC6', 'octopus:L2', 'octopus:L3', 'octopus:L4', 'teleport:1', 'teleport:2', 'teleport:3', 'teleport:4', 'teleport:5', 'teleport:6',
    ]);
    for (const p of analysis.levels) {
      expect(p.low).toBeGreaterThanOrEqual(1);
      expect(p.high).toBeLessThanOrEqual(7);
      expect(p.low).toBeLessThanOrEqual(p.position);
      expect(p.position).toBeLessThanOrEqual(p.high);
      expect(p.basis).toBe('evidence');
    }
  });
  it('keeps Octopus L2 < L3 < L4 on the scale', () => {
    const [a, b, c] = ['octopus:L2', 'octopus:L3', 'octopus:L4'].map((l) => placed(analysis, l).position);
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(c);
  });
  it('keeps Teleport 1 < 2 < … < 6 from its own evidence (before and after the order fit)', () => {
    const ps = ['1', '2', '3', '4', '5', '6'].map((l) => placed(analysis, `teleport:${l}`));
    for (let i = 1; i < ps.length; i++) {
      expect(ps[i].position).toBeGreaterThan(ps[i - 1].position);
      expect(ps[i].rawPosition!).toBeGreaterThan(ps[i - 1].rawPosition!);
    }
  });
  it('places Dropbox IC6 above Octopus L4, and in the upper half of the scale', () => {
    const ic6 = placed(analysis, 'dropbox:IC6');
    expect(ic6.position).toBeGreaterThan(placed(analysis, 'octopus:L4').high);
    expect(ic6.position).toBeGreaterThan(5);
  });
  it('uses the Octopus attributes (impact radius, planning horizon) as evidence with their parsed values', () => {
    const l4 = placed(analysis, 'octopus:L4');
    const radius = l4.evidence.find((e) => e.cue === 'attribute:impactRadius');
    expect(radius?.value).toBeGreaterThan(3.5);
    expect(radius?.value).toBeLessThan(4.5);
    expect(l4.evidence.some((e) => e.cue === 'attribute:planningHorizon')).toBe(true);
    const l2 = placed(analysis, 'octopus:L2');
    expect(l2.evidence.filter((e) => e.kind === 'attribute').every((e) => e.value <= 3)).toBe(true);
  });
  it('traces every evidence item to a statement of that level, or to the level title', () => {
    for (const p of analysis.levels) for (const e of p.evidence) expect([...p.statementIds, `${p.key}#title`]).toContain(e.statementId);
  });
  it('reads seniority words in titles: Principal, Technical Lead, Senior', () => {
    const cue = (label: string) => placed(analysis, label).evidence.find((e) => e.kind === 'title')?.cue;
    expect([cue('dropbox:IC6'), cue('octopus:L4'), cue('octopus:L3'), cue('octopus:L2')]).toEqual(['title-principal', 'title-lead', 'title-senior', undefined]);
  });
});

describe('placeLevels on synthetic ladders', () => {
  it('fits a ladder whose cues run backwards into native order (isotonic), pooling the violators', () => {
    const rows = [
      row('acme', 'A1', 1, 'Shapes company-wide direction across the company.'),
      row('acme', 'A2', 2, 'Works on small projects with assistance.'),
      row('acme', 'A3', 3, 'Leads cross-team projects.'),
    ];
    const [a1, a2, a3] = placeLevels({ statements: rows }, { scaleCues });
    expect(a1.rawPosition!).toBeGreaterThan(a2.rawPosition!);
    expect(a1.position).toBeLessThanOrEqual(a2.position);
    expect(a2.position).toBeLessThanOrEqual(a3.position);
    expect(a1.low).toBeLessThanOrEqual(a2.low);
  });
  it('interpolates a level without cues between its neighbours and says so', () => {
    const rows = [
      row('acme', 'A1', 1, 'Works with assistance on well-defined tasks.'),
      row('acme', 'A2', 2, 'Writes good code.'),
      row('acme', 'A3', 3, 'Owns multi-year company-wide goals.'),
    ];
    const [a1, a2, a3] = placeLevels({ statements: rows }, { scaleCues });
    expect(a2.basis).toBe('interpolated');
    expect(a2.evidence).toEqual([]);
    expect(a2.position).toBeGreaterThan(a1.position);
    expect(a2.position).toBeLessThan(a3.position);
  });
  it('gives a ladder without any cue the whole scale as its range', () => {
    const [p] = placeLevels({ statements: [row('blank', 'X', 1, 'Is nice.')] }, { scaleCues });
    expect(p).toMatchObject({ basis: 'none', low: 1, high: 7 });
  });
  it('counts scope words after "learns from" as context, not reach', () => {
    const [learner] = placeLevels({ statements: [row('a', '1', 1, 'Learns from security incidents across the industry.')] }, { scaleCues });
    const [leader] = placeLevels({ statements: [row('b', '1', 1, 'Mitigates security risks across the industry.')] }, { scaleCues });
    expect(learner.position).toBeLessThan(leader.position);
    expect(learner.position).toBeLessThan(4);
  });
  it('lets a title alone place an otherwise silent level', () => {
    const [p] = placeLevels({ statements: [row('a', 'S', 1, 'Is nice.', { levelTitle: 'Staff Engineer' })] }, { scaleCues });
    expect(p.basis).toBe('evidence');
    expect(p.position).toBe(5);
  });
  it('ignores placeholders and notes', () => {
    const [p] = placeLevels({ statements: [row('a', '1', 1, 'industry-wide', { kind: 'placeholder' }), row('a', '1', 1, 'company-wide', { kind: 'note' })] }, { scaleCues });
    expect(p.evidence).toEqual([]);
  });
});

describe('placeLevels with tracks and variants', () => {
  it('fits each track of a company on its own, and keeps two pages of one level apart', () => {
    const rows = [
      row('acme', 'L1', 1, 'Works with assistance.', { track: 'ic' }),
      row('acme', 'L2', 2, 'Leads cross-team work.', { track: 'ic' }),
      row('acme', 'L1', 1, 'Owns company-wide direction.', { track: 'mgmt' }),
      row('acme', 'L2', 2, 'Works on small projects.', { track: 'mgmt', variant: 'Cloud' }),
      row('acme', 'L2', 2, 'Leads industry-wide change.', { track: 'mgmt', variant: 'Platform' }),
    ];
    const ps = placeLevels({ statements: rows }, { scaleCues });
    expect(ps.map((p) => p.key)).toEqual(['acme|ic|L1', 'acme|ic|L2', 'acme|mgmt|L1', 'acme|mgmt|L2|Cloud', 'acme|mgmt|L2|Platform']);
    const [ic1, ic2, m1, cloud, platform] = ps;
    expect(ic1.position).toBeLessThan(ic2.position);
    expect(m1.position).toBeLessThanOrEqual(cloud.position);
    expect(cloud.position).toBeLessThanOrEqual(platform.position);
    // Each track is its own ladder: the mgmt track's company-wide L1 does not lift the ic track.
    expect(ic1.position).toBeLessThan(m1.position);
  });
});
