import { describe, expect, it } from 'vitest';
import { coverage, findCapNotes, gaps, placeLevels } from '../../src/analyses/index.ts';
import { row, scaleCues, seedAnalysis, taxonomy } from './seed-analysis.ts';
import { atlasOf } from '../helpers.ts';

describe('gaps on the seeds', () => {
  const { analysis, statements } = seedAnalysis();
  const find = (type: string, company?: string) => analysis.gaps.filter((g) => g.type === type && (!company || g.company === company));
  const byId = new Map(statements.map((s) => [s.id, s]));

  it('flags the truncated Teleport level 3 Knowledge cell as high severity', () => {
    const t = find('truncated', 'teleport');
    expect(t.length).toBeGreaterThan(0);
    expect(t.every((g) => g.severity === 'high' && g.level === '3')).toBe(true);
  });
  it('flags placeholders ("TBD.", "?") per level and section, every one traced', () => {
    const p = find('placeholder', 'octopus');
    expect(new Set(p.map((g) => g.level))).toEqual(new Set(['L2', 'L4']));
    for (const g of p) for (const id of g.statementIds) expect(byId.get(id)!.text.trim()).toMatch(/^(TBD\.|\?)$/);
  });
  it('flags the six empty Teleport cells', () => {
    expect(find('empty-cell', 'teleport').length).toBe(6);
  });
  it('flags the Octopus L4 statement that only points to another document', () => {
    const [g] = find('external-reference-only', 'octopus');
    expect(byId.get(g.statementIds[0])!.text).toMatch(/qualities listed in Leadership/);
  });
  it('reports missing levels: Octopus below L2 and above L4, Dropbox below IC6', () => {
    const m = find('missing-level');
    expect(m.filter((g) => g.company === 'octopus').map((g) => g.level)).toEqual(expect.arrayContaining(['L1', 'L5']));
    expect(m.filter((g) => g.company === 'dropbox').map((g) => g.level)).toContain('IC5');
    expect(m.filter((g) => g.company === 'teleport')).toEqual([]);
  });
  it('honours the Dropbox cap notes: threat fluency carries over, it is not missing', () => {
    expect(analysis.capNotes.map((n) => [n.competency, n.capLevel])).toEqual(expect.arrayContaining([['threat', 'L5'], ['expertise', 'L4']]));
    expect(find('competency-never-covered', 'dropbox').map((g) => g.competency)).not.toContain('threat');
    expect(find('carried-over', 'dropbox').map((g) => g.competency)).toContain('threat');
  });
  it('gives peer statements from other ladders for a competency a company never covers', () => {
    const never = find('competency-never-covered');
    expect(never.length).toBeGreaterThan(0);
    for (const g of never) {
      expect(g.peers!.length).toBeGreaterThan(0);
      for (const p of g.peers!) {
        expect(p.company).not.toBe(g.company);
        expect(byId.get(p.statementId)!.competency).toBe(g.competency);
      }
    }
  });
  it('finds the Teleport 4 / 6 statements that differ only in "within Teleport" → "across the industry"', () => {
    const d = find('near-duplicate', 'teleport').find((g) => g.statementIds.some((id) => /industry/.test(byId.get(id)!.text)));
    expect(d).toBeDefined();
    expect(d!.statementIds.map((id) => byId.get(id)!.level)).toEqual(['4', '6']);
  });
  it('gives every finding a severity, a suggestion and sorts high before low', () => {
    const rank = { high: 0, medium: 1, low: 2, info: 3 };
    for (let i = 0; i < analysis.gaps.length; i++) {
      expect(analysis.gaps[i].suggestion.length).toBeGreaterThan(10);
      if (i) expect(rank[analysis.gaps[i - 1].severity]).toBeLessThanOrEqual(rank[analysis.gaps[i].severity]);
    }
  });
  it('can be limited to one company', () => {
    const only = gaps(statements, analysis.levels, { competencies: analysis.competencies, capNotes: analysis.capNotes, coverage: analysis.coverage, scaleCues, taxonomy, company: 'Teleport' });
    expect(only.length).toBeGreaterThan(0);
    expect(only.every((g) => g.company === 'teleport')).toBe(true);
  });
});

describe('gaps on synthetic ladders', () => {
  const competencies = ['delivery', 'mentoring', 'threat'];
  const run = (rows: ReturnType<typeof row>[]) => {
    const levels = placeLevels({ statements: rows }, { scaleCues });
    const capNotes = findCapNotes(rows, { scaleCues, taxonomy });
    const cov = coverage(rows, levels, { competencies, capNotes });
    return gaps(rows, levels, { competencies, capNotes, coverage: cov, scaleCues, taxonomy });
  };
  it('reports a competency that drops out between consecutive levels, with peers from another ladder', () => {
    const f = run([
      row('a', 'L1', 1, 'Mentors new hires.', { competency: 'mentoring' }),
      row('a', 'L1', 1, 'Ships small features.', { competency: 'delivery' }),
      row('a', 'L2', 2, 'Ships medium projects.', { competency: 'delivery' }),
      row('b', 'L2', 2, 'Coaches teammates.', { competency: 'mentoring' }),
    ]).filter((g) => g.type === 'competency-drops-out');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ company: 'a', level: 'L2', competency: 'mentoring' });
    expect(f[0].peers![0].company).toBe('b');
  });
  it('reads a cap note in any wording of the lexicon and does not report the competency as dropping out or missing', () => {
    const f = run([
      row('a', 'L1', 1, 'Knows common attacks.', { competency: 'threat' }),
      row('a', 'L2', 2, 'Threat expectations are capped at L1.', { kind: 'note' }),
      row('a', 'L2', 2, 'Ships projects.', { competency: 'delivery' }),
    ]);
    expect(f.filter((g) => g.competency === 'threat').map((g) => g.type)).toEqual(['carried-over']);
  });
  it('reports identical statements repeated at two levels', () => {
    const f = run([row('a', 'L1', 1, 'Writes clear design documents for the team.'), row('a', 'L2', 2, 'Writes clear design documents for the team.')]);
    expect(f.filter((g) => g.type === 'near-duplicate')).toHaveLength(1);
  });
  it('reports a gap in the level numbering as medium', () => {
    const f = run([row('a', 'L1', 1, 'Ships small features.'), row('a', 'L3', 2, 'Ships large projects.')]);
    expect(f.find((g) => g.type === 'missing-level' && g.level === 'L2')?.severity).toBe('medium');
  });
});

describe('gap wording (issue 15)', () => {
  it('placeholders: "with real examples" for several, "with a real example" for one — never "with a real examples"', () => {
    const { analysis } = atlasOf('data');
    const placeholders = analysis.gaps.filter((g) => g.type === 'placeholder');
    expect(placeholders.some((g) => g.statementIds.length > 1)).toBe(true);
    for (const g of placeholders) {
      expect(g.suggestion).not.toMatch(/a real examples/);
      expect(g.suggestion).toMatch(g.statementIds.length > 1 ? /with real examples or remove them\.$/ : /with a real example or remove it\.$/);
    }
  });
});
