import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScaleCues, placeLevels, statementEvidence } from '../../src/analyses/index.ts';
import { sectionKeys } from '../../src/analyses/section-rules.ts';
import { row, scaleCues } from './seed-analysis.ts';

const ev = (section: string, text: string, extra = {}) => statementEvidence(row('acme', 'L1', 1, text, { section, ...extra }), scaleCues);

describe('reading statements by their section', () => {
  it('drops parenthesised asides and normalises section parts', () => {
    expect(sectionKeys('Overview › Experience (typical)')).toEqual(['overview', 'experience']);
  });
  it('takes nothing from years of experience, in a column or as a header attribute', () => {
    expect(ev('Experience (typical)', '4-7 years')).toEqual([]);
    expect(ev('', 'Experience: 1-2 years', { kind: 'attribute', attribute: { name: 'experience', label: 'Experience', value: '1-2 years' } })).toEqual([]);
    expect(ev('Typical time in role', 'Two to three years')).toEqual([]);
  });
  it('reads a short cell under a scope heading like an impact radius, and a sentence there with the general cues', () => {
    const cell = ev('Scope', 'Team/Multi-team');
    expect(cell.map((e) => e.cue).sort()).toEqual(['cross-team', 'radius-team']);
    expect(cell.reduce((t, e) => t + e.weight, 0)).toBeCloseTo(scaleCues.sections.asAttribute[0].weight, 5);
    expect(ev('Scope', 'Task')[0]).toMatchObject({ cue: 'radius-self', value: 1.5 });
    expect(ev('Scope', 'Leads work that spans several teams across the group every quarter.').some((e) => e.cue.startsWith('radius'))).toBe(false);
  });
  it('reads an attribute named like a scope heading ("**Scope**: Feature") with the impact-radius rule', () => {
    expect(ev('', 'Scope: Feature', { kind: 'attribute', attribute: { name: 'scope', label: 'Scope', value: 'Feature' } })[0]).toMatchObject({ cue: 'radius-feature', value: 2.5 });
  });
  it('reads a short cell under a title heading with the title cues', () => {
    expect(ev('Title', 'Staff Software Engineer')[0]).toMatchObject({ cue: 'title-staff', value: 5 });
  });
  it('orders an overview table (Level | Title | Scope | Experience) by its title and scope columns, not its years', () => {
    const table: [string, string, string, string][] = [
      ['L1', 'Software Engineer I', 'Task', '0-2 years'],
      ['L2', 'Software Engineer II', 'Feature', '2-4 years'],
      ['L3', 'Senior Software Engineer', 'Project', '4-7 years'],
      ['L4', 'Staff Software Engineer', 'Team/Multi-team', '7+ years'],
      ['L5', 'Principal Engineer', 'Org/Company', '10+ years'],
    ];
    const rows = table.flatMap(([level, title, scope, years], i) => [
      row('acme', level, i + 1, title, { section: 'Title' }),
      row('acme', level, i + 1, scope, { section: 'Scope' }),
      row('acme', level, i + 1, years, { section: 'Experience (typical)' }),
    ]);
    const ps = placeLevels({ statements: rows }, { scaleCues });
    expect(ps[0].position).toBeLessThanOrEqual(2);
    for (let i = 1; i < ps.length; i++) expect(ps[i].rawPosition!).toBeGreaterThan(ps[i - 1].rawPosition!);
    expect(ps[4].position).toBeGreaterThanOrEqual(5.5);
  });
  it('names a section rule that points at an unknown attribute', () => {
    expect(() => parseScaleCues({ ...JSON.parse(JSON.stringify(scaleCuesRaw())), sections: { asAttribute: [{ match: ['scope'], attribute: 'nope' }] } })).toThrow(/"nope" is not one of the attributes/);
  });
});

const scaleCuesRaw = (): unknown => JSON.parse(readFileSync('data/scale-cues.json', 'utf8'));
