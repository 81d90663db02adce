import { describe, expect, it } from 'vitest';
import { coverage, diffLevels, gaps, placeLevels } from '../../src/analyses/index.ts';
import { inheritance } from '../../src/analyses/inheritance.ts';
import type { LevelInfo } from '../../src/types.ts';
import { row, scaleCues } from './seed-analysis.ts';

/** A three-level ladder where L2 extends L1 and L3 extends L2; each level lists only its additions. */
function ladder(linked: boolean) {
  const statements = [
    row('acme', 'L1', 1, 'Writes tested code.', { competency: 'craft' }),
    row('acme', 'L1', 1, 'Fixes bugs in their service.', { competency: 'craft' }),
    row('acme', 'L1', 1, 'Asks for help early.', { competency: 'collaboration' }),
    row('acme', 'L2', 2, 'Everything in L1, plus:', { kind: 'note' }),
    row('acme', 'L2', 2, 'Reviews designs for the team.', { competency: 'collaboration' }),
    row('acme', 'L3', 3, 'Sets the direction of the team.', { competency: 'strategy' }),
  ];
  const note = statements[3].id;
  const info = (level: string, levelOrder: number, inherits?: string): LevelInfo => ({
    company: 'acme', companyName: 'Acme', track: 'eng', level, levelTitle: `acme ${level}`, levelOrder, files: ['ladders/acme/x.md'],
    ...(linked && inherits ? { inherits: { level: inherits, statement: note } } : {}),
  });
  const levels = [info('L1', 1), info('L2', 2, 'L1'), info('L3', 3, 'L2')];
  const placements = placeLevels({ statements, levels }, { scaleCues });
  return { statements, levels, placements, note };
}

const competencies = ['craft', 'collaboration', 'strategy'];

describe('inheritance between levels in the analyses', () => {
  it('follows chains: L3 includes L2 and, through it, L1', () => {
    const { levels } = ladder(true);
    expect(Object.fromEntries(inheritance(levels).ancestors)).toEqual({ 'acme|eng|L2': ['acme|eng|L1'], 'acme|eng|L3': ['acme|eng|L2', 'acme|eng|L1'] });
  });

  it('coverage counts inherited expectations beside the level\'s own, and says where they come from', () => {
    const { statements, levels, placements } = ladder(true);
    const cov = coverage(statements, placements, { competencies, levels });
    const cell = (level: string, c: string) => cov.cells.find((x) => x.level === level && x.competency === c)!;
    expect([cell('L3', 'craft').count, cell('L3', 'craft').inherited, cell('L3', 'craft').inheritedFrom]).toEqual([0, 2, ['L1']]);
    expect([cell('L3', 'collaboration').inherited, cell('L3', 'collaboration').inheritedFrom]).toEqual([2, ['L2', 'L1']]);
    expect([cell('L2', 'collaboration').count, cell('L2', 'collaboration').inherited]).toEqual([1, 1]);
    expect(cell('L1', 'craft').inherited).toBe(0);
    // Without the relation nothing is inherited; each statement stays in the table once either way.
    const plain = coverage(statements, placements, { competencies, levels: ladder(false).levels });
    expect(plain.cells.every((x) => x.inherited === 0 && x.inheritedFrom.length === 0)).toBe(true);
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
  });

  it('gaps: a competency an extending level does not repeat is carried over, not dropped', () => {
    const run = (linked: boolean) => {
      const { statements, levels, placements, note } = ladder(linked);
      const cov = coverage(statements, placements, { competencies, levels });
      return { findings: gaps(statements, placements, { competencies, capNotes: [], coverage: cov, scaleCues, levels }), note };
    };
    const drops = (fs: ReturnType<typeof run>['findings']) => fs.filter((f) => f.type === 'competency-drops-out').map((f) => `${f.level}:${f.competency}`);
    expect(drops(run(false).findings)).toEqual(expect.arrayContaining(['L2:craft', 'L3:collaboration']));
    const linked = run(true);
    expect(drops(linked.findings)).toEqual([]);
    const carried = linked.findings.filter((f) => f.type === 'carried-over');
    expect(carried.map((f) => `${f.level}:${f.competency}`)).toEqual(expect.arrayContaining(['L2:craft', 'L3:collaboration']));
    expect(carried[0].suggestion).toMatch(/inherited/);
    expect(carried[0].statementIds).toEqual([linked.note]);
  });

  it('diff: what the lower level expects is carried over (inherited) into the level that extends it', () => {
    const { statements, levels, placements } = ladder(true);
    const linked = diffLevels('acme:L1', 'acme:L2', statements, placements, { levels });
    expect(linked.entries.find((e) => e.competency === 'craft')).toMatchObject({ change: 'carried-over', inherited: true });
    const plain = diffLevels('acme:L1', 'acme:L2', statements, placements, {});
    expect(plain.entries.find((e) => e.competency === 'craft')?.change).toBe('dropped');
    // Not the other way round: L1 does not include L2.
    expect(diffLevels('acme:L2', 'acme:L1', statements, placements, { levels }).entries.every((e) => !e.inherited)).toBe(true);
  });
});
