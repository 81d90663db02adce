import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { supportPairs } from '../../src/analyses/support-pairs.ts';
import { tokenJaccard } from '../../src/analyses/text-vectors.ts';
import type { ClassifiedStatement } from '../../src/types.ts';
import { LevelRefError, mapLevel, placeLevels, relationTo } from '../../src/analyses/index.ts';
import { ladderKey, levelKey } from '../../src/analyses/level-keys.ts';
import { levelProfiles, profileCosine } from '../../src/analyses/level-profile.ts';
import { candidateScore, titleTieBreak } from '../../src/analyses/map-level.ts';
import type { LevelPlacement } from '../../src/analyses/types.ts';
import { row, scaleCues, seedAnalysis } from './seed-analysis.ts';

// The plain definition: per competency, the pair with the highest word overlap (rounded as shown), then the smallest
// source id, then the smallest target id; competencies by their pair's overlap, then ids.
const plainSupportPairs = (a: ClassifiedStatement[], b: ClassifiedStatement[], limit: number) => {
  const usable = (s: ClassifiedStatement) => !!s.competency && s.kind !== 'placeholder';
  const best = new Map<string, { s: ClassifiedStatement; t: ClassifiedStatement; similarity: number }>();
  for (const s of a.filter(usable))
    for (const t of b.filter((x) => usable(x) && x.competency === s.competency)) {
      const similarity = Math.round(tokenJaccard(s.text, t.text) * 1000) / 1000;
      const top = best.get(s.competency!);
      if (!top || similarity > top.similarity || (similarity === top.similarity && (s.id < top.s.id || (s.id === top.s.id && t.id < top.t.id)))) best.set(s.competency!, { s, t, similarity });
    }
  return [...best]
    .map(([competency, { s, t, similarity }]) => ({ competency, source: { id: s.id, text: s.text }, target: { id: t.id, text: t.text }, similarity }))
    .sort((x, y) => y.similarity - x.similarity || (x.source.id < y.source.id ? -1 : x.source.id > y.source.id ? 1 : x.target.id < y.target.id ? -1 : 1))
    .slice(0, limit);
};

describe('mapLevel on the seeds', () => {
  const { statements, analysis } = seedAnalysis();
  const target = (from: string, company: string) => mapLevel(from, statements, analysis.levels).targets.find((t) => t.company === company)!;

  it('says Teleport 1 lies below the Dropbox ladder that only gives IC6 (not "IC6")', () => {
    const t = target('teleport:1', 'dropbox');
    expect(t.relation).toBe('below');
    expect(t.best.level).toBe('IC6');
    expect(t.score).toBeLessThan(0.5);
    expect(t.explanation).toMatch(/^Teleport 1 at .* lies below every Dropbox level given; the lowest is Dropbox IC6 at/);
  });
  it('says Dropbox IC6 lies above every Octopus level', () => {
    expect(target('dropbox:IC6', 'octopus').relation).toBe('above');
  });
  it('maps Octopus L4 (technical lead) to a Teleport level in the middle of its ladder', () => {
    const t = target('octopus:L4', 'teleport');
    expect(t.relation).toBe('match');
    expect(['3', '4']).toContain(t.best.level);
  });
  it('maps Teleport 3 to Octopus L4 and Teleport 2 to Octopus L2 or L3', () => {
    expect(target('teleport:3', 'octopus')).toMatchObject({ relation: 'match', best: { level: 'L4' } });
    expect(['L2', 'L3']).toContain(target('teleport:2', 'octopus').best.level);
  });
  it('maps to every other ladder, never its own, and ranks candidates by score', () => {
    const r = mapLevel('octopus:L3', statements, analysis.levels);
    expect(r.targets.map((t) => t.company)).toEqual(['dropbox', 'teleport']);
    for (const t of r.targets) for (let i = 1; i < t.candidates.length; i++) expect(t.candidates[i - 1].score).toBeGreaterThanOrEqual(t.candidates[i].score);
  });
  it('backs a match with statement pairs of the same competency from both levels', () => {
    const t = target('teleport:3', 'octopus');
    expect(t.support.length).toBeGreaterThan(0);
    const ids = new Set(statements.map((s) => s.id));
    for (const p of t.support) {
      expect(ids.has(p.source.id) && ids.has(p.target.id)).toBe(true);
      expect(statements.find((s) => s.id === p.target.id)!.level).toBe('L4');
    }
  });
  it('honours --to and rejects unknown levels', () => {
    expect(mapLevel('teleport:3', statements, analysis.levels, { to: 'Dropbox' }).targets.map((t) => t.company)).toEqual(['dropbox']);
    expect(() => mapLevel('teleport:9', statements, analysis.levels)).toThrow(LevelRefError);
    expect(mapLevel('octopus:4', statements, analysis.levels).source.label).toBe('octopus:L4');
  });
});

describe('relationTo and mapLevel on synthetic ladders', () => {
  const rows = [
    row('small', 'S1', 1, 'Works with assistance on well-defined tasks.', { competency: 'delivery' }),
    row('small', 'S2', 2, 'Independently delivers medium projects.', { competency: 'delivery' }),
    row('big', 'B1', 1, 'Owns company-wide multi-year goals.', { competency: 'strategy' }),
    row('big', 'B2', 2, 'Solves industry-wide problems across the industry.', { competency: 'innovation' }),
    row('mid', 'M1', 1, 'Works on small projects with supervision.', { competency: 'delivery' }),
    row('mid', 'M2', 2, 'Leads cross-team projects across several teams.', { competency: 'collaboration' }),
  ];
  const levels = placeLevels({ statements: rows }, { scaleCues });
  const map = (ref: string, to: string) => mapLevel(ref, rows, levels, { to }).targets[0];
  it('is below / above when the source sits outside every target range, match inside', () => {
    expect(map('small:S1', 'big').relation).toBe('below');
    expect(map('big:B2', 'small').relation).toBe('above');
    expect(map('small:S2', 'mid')).toMatchObject({ relation: 'match', best: { level: 'M1' } });
    expect(map('big:B1', 'mid').best.level).toBe('M2');
  });
  it('relationTo compares the source position with the target ranges', () => {
    const t = levels.filter((p) => p.company === 'mid');
    expect(relationTo({ position: 0.5 }, t)).toBe('below');
    expect(relationTo({ position: 7.5 }, t)).toBe('above');
    expect(relationTo({ position: t[0].position }, t)).toBe('match');
  });
});

describe('supportPairs', () => {
  const { statements } = seedAnalysis();
  const words = ['threat', 'model', 'review', 'incident', 'response', 'mentor', 'team', 'design', 'secure', 'code', 'audit'];
  const rows = fc.array(
    fc.record({ id: fc.stringMatching(/^[a-c]{1,3}$/), competency: fc.constantFrom('a', 'b', 'c'), words: fc.array(fc.constantFrom(...words), { maxLength: 6 }) }),
    { maxLength: 12 },
  );
  const classified = (rs: { id: string; competency: string; words: string[] }[], side: string) =>
    rs.map((r, i) => ({ ...statements[0], id: `${side}${r.id}${i}`, text: r.words.join(' '), competency: r.competency }) as ClassifiedStatement);

  it('picks the same pairs as comparing every pair, ties to the smallest ids', () => {
    fc.assert(fc.property(rows, rows, fc.integer({ min: 0, max: 4 }), (a, b, limit) => {
      const [x, y] = [classified(a, 's'), classified(b, 't')];
      expect(supportPairs(x, y, limit)).toEqual(plainSupportPairs(x, y, limit));
    }));
  });
  it('gives the seeds the pairs of the plain definition', () => {
    const teleport3 = statements.filter((s) => s.company === 'teleport' && s.level === '3');
    const octopus4 = statements.filter((s) => s.company === 'octopus' && s.level === 'L4');
    expect(supportPairs(teleport3, octopus4, 5)).toEqual(plainSupportPairs(teleport3, octopus4, 5));
  });
});

describe('mapLevel against the exhaustive answer', () => {
  // Every ladder, every candidate level scored and sorted, every statement pair compared: what mapLevel must return,
  // however it finds it (word index, shared per-ladder facts, pairs of all targets at once).
  const exhaustive = (source: LevelPlacement, rows: ClassifiedStatement[], levels: LevelPlacement[]) => {
    const profiles = levelProfiles(rows);
    const ladders = new Map<string, LevelPlacement[]>();
    for (const l of levels) ladders.set(ladderKey(l), [...(ladders.get(ladderKey(l)) ?? []), l]);
    const of = (key: string) => rows.filter((s) => levelKey(s) === key);
    return [...ladders.values()]
      .filter((ladder) => ladderKey(ladder[0]) !== ladderKey(source))
      .map((ladder) => {
        const candidates = ladder
          .map((t) => candidateScore(source, t, profileCosine(profiles.get(source.key), profiles.get(t.key))))
          .sort((x, y) => Math.abs(x.distance) - Math.abs(y.distance) || (x.key < y.key ? -1 : 1));
        const relation = relationTo(source, ladder);
        const edge = relation === 'below' ? ladder[0] : relation === 'above' ? ladder[ladder.length - 1] : undefined;
        const best = edge ? candidates.find((c) => c.key === edge.key)! : titleTieBreak(source, candidates, ladder);
        return { company: ladder[0].company, relation, best, score: best.score, candidates, support: plainSupportPairs(of(source.key), of(best.key), 5) };
      });
  };
  // Few sentences and few words: levels of different companies with the same text sit at the same place (distance
  // ties, broken by key), and many statement pairs share the same overlap (ties broken by ids).
  const sentences = [
    'Works on small tasks with guidance.',
    'Delivers projects on their own.',
    'Leads projects across several teams.',
    'Sets technical direction for the company.',
    'Mentors engineers and reviews designs.',
    'Owns threat models and incident response.',
  ];
  const words = ['threat', 'model', 'review', 'design', 'team', 'project', 'lead', 'mentor', 'secure', 'code'];
  const text = fc.oneof(fc.constantFrom(...sentences), fc.array(fc.constantFrom(...words), { maxLength: 5 }).map((w) => w.join(' ')));
  // Some levels carry a seniority word in their title, so that near ties on the scale go to the title rule.
  const level = fc.record({
    title: fc.constantFrom(undefined, 'Junior', 'Senior', 'Staff'),
    statements: fc.array(fc.record({ text, competency: fc.constantFrom('delivery', 'mentoring', 'risk') }), { minLength: 1, maxLength: 5 }),
  });
  const corpus = fc.array(fc.array(level, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 4 }).map((companies) =>
    companies.flatMap((ladder, c) =>
      ladder.flatMap(({ title, statements }, l) =>
        statements.map((s) => row(`co${c}`, `L${l + 1}`, l + 1, s.text, { competency: s.competency, ...(title ? { levelTitle: `${title} Engineer L${l + 1}` } : {}) })),
      ),
    ),
  );

  it('finds the same best levels, candidates and support pairs as comparing everything', () => {
    fc.assert(
      fc.property(corpus, (rows) => {
        const levels = placeLevels({ statements: rows }, { scaleCues });
        for (const source of levels) {
          const got = mapLevel(source.key, rows, levels).targets.map(({ company, relation, best, score, candidates, support }) => ({ company, relation, best, score, candidates, support }));
          expect(got).toEqual(exhaustive(source, rows, levels));
        }
      }),
      { numRuns: 60 },
    );
  });
});
