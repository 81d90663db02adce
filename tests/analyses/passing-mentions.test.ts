import { describe, expect, it } from 'vitest';
import { passingTouches } from '../../src/analyses/index.ts';
import { escapeRegExp } from '../../src/text/index.ts';
import { atlasOf } from '../helpers.ts';
import { row } from './seed-analysis.ts';

// Issue 15: "never mentioned" must mean never mentioned. The bundled ladders, as shipped.
const { analysis, statements, taxonomy } = atlasOf('data');
const byId = new Map(statements.map((s) => [s.id, s]));
const ladder = (company: string, track?: string) => analysis.coverage.companies.find((c) => c.company === company && (!track || c.track === track))!;

describe('mentioned only in passing, on the bundled ladders', () => {
  it('Teleport mentions hiring: levels 1–3 interview (statements about incident response and growth), so hiring is in passing, not missing', () => {
    const t = ladder('teleport');
    expect(t.missing).not.toContain('hiring');
    const hiring = t.inPassing.find((m) => m.competency === 'hiring')!;
    expect(hiring.cues).toContain('interview');
    const texts = hiring.statementIds.map((id) => byId.get(id)!);
    expect(texts.map((s) => s.level).sort()).toEqual(['1', '2', '3']);
    for (const s of texts) {
      expect(s.text).toMatch(/interview/i);
      expect(s.competency).not.toBe('hiring');
    }
  });

  it('Octopus Security Engineer mentions innovation: the L4 summary says "technical direction, and innovation"', () => {
    const o = ladder('octopus', 'Security Engineer');
    expect(o.missing).not.toContain('innovation');
    const innovation = o.inPassing.find((m) => m.competency === 'innovation')!;
    const l4 = innovation.statementIds.map((id) => byId.get(id)!).filter((s) => s.level === 'L4');
    expect(l4.some((s) => /technical direction, and innovation/.test(s.text))).toBe(true);
  });

  it('never says a ladder never mentions a competency whose cue phrase, as written in the taxonomy, occurs in its text', () => {
    // An independent check: plain whole-word search of every cue as written, no stemming.
    let checked = 0;
    for (const c of analysis.coverage.companies) {
      const own = statements.filter((s) => s.company === c.company && s.track === c.track && !s.flags.includes('placeholder'));
      for (const id of c.missing) {
        const cues = Object.keys(taxonomy.competencies.find((x) => x.id === id)!.cues);
        for (const cue of cues) {
          const re = new RegExp(`(^|[^\\p{L}])${escapeRegExp(cue)}($|[^\\p{L}])`, 'iu');
          const hit = own.find((s) => re.test(s.text));
          expect(hit, `${c.company} ${c.track} "never mentions" ${id}, yet ${hit?.id} says "${cue}"`).toBeUndefined();
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('rubric gaps say "only in passing" with the statements for Teleport hiring, and "never mentioned" only where nothing touches it', () => {
    const teleport = analysis.gaps.filter((g) => g.company === 'teleport' && g.competency === 'hiring');
    expect(teleport.map((g) => g.type)).toEqual(['competency-in-passing']);
    expect(teleport[0].suggestion).toMatch(/^Teleport mentions hiring only in passing \(levels 1, 2, 3: “interview”\)/);
    expect(teleport[0].statementIds).toHaveLength(3);
    for (const g of analysis.gaps.filter((x) => x.type === 'competency-never-covered')) {
      expect(ladder(g.company, g.track).missing).toContain(g.competency);
      expect(g.suggestion).toMatch(/^Nothing in .* mentions/);
    }
    // No finding says "says anything about" any more (the old, false wording).
    expect(analysis.gaps.some((g) => /says anything about/.test(g.suggestion))).toBe(false);
  });

  it('divergence separates "only in passing" (with statements) from "never mentioned", per ladder', () => {
    const hiring = analysis.divergence.find((r) => r.competency === 'hiring')!;
    const teleport = hiring.silent.find((x) => x.company === 'teleport')!;
    expect(teleport.inPassing).toHaveLength(3);
    expect(hiring.neverMentioned).not.toContain('teleport');
    // Octopus's management track never mentions hiring, but its other tracks do: the company is not "never".
    expect(hiring.silent.find((x) => x.company === 'octopus' && x.track === 'Management')?.inPassing).toEqual([]);
    expect(hiring.neverMentioned).not.toContain('octopus');
  });

  it('coverage cells carry the level\'s in-passing statements', () => {
    const cells = analysis.coverage.cells.filter((c) => c.company === 'teleport' && c.competency === 'hiring');
    expect(cells.filter((c) => c.passingIds.length).map((c) => c.level)).toEqual(['1', '2', '3']);
    expect(cells.every((c) => c.mentions === 0)).toBe(true);
  });
});

describe('passingTouches', () => {
  it('counts a secondary reading and cue words, never the competency a statement is about, nor placeholders', () => {
    const about = { ...row('a', '1', 1, 'Interviews candidates weekly.'), competency: 'hiring', competencies: [{ id: 'hiring', score: 1 }] };
    const secondary = { ...row('a', '1', 1, 'Ships features.'), competency: 'delivery', competencies: [{ id: 'delivery', score: 0.9 }, { id: 'mentoring', score: 0.1 }], secondary: ['mentoring'] };
    const cue = { ...row('a', '1', 1, 'Leads incident response and interviewing.'), competency: 'incident', competencies: [{ id: 'incident', score: 0.99 }, { id: 'hiring', score: 0.01 }] };
    const placeholder = { ...row('a', '1', 1, 'interview TBD'), kind: 'placeholder' as const };
    const touches = passingTouches([about, secondary, cue, placeholder], { taxonomy });
    expect(touches.map((t) => [t.statementId, t.competency, t.secondary])).toEqual([
      [secondary.id, 'mentoring', true],
      [cue.id, 'hiring', false],
    ]);
    expect(touches[1].cues).toEqual(['interview']); // the cue as the taxonomy writes it; "interviewing" matches by stem
  });
  it('without a taxonomy, only secondary readings count', () => {
    const cue = { ...row('a', '1', 1, 'Leads incident response and interviewing.'), competency: 'incident', competencies: [{ id: 'incident', score: 1 }] };
    expect(passingTouches([cue])).toEqual([]);
  });
});

describe("mentions in passing from the classifier's kept cue matches", () => {
  it("are the same as scanning each text against the taxonomy's cues again", () => {
    // copies of the rows carry no kept matches, so each text is scanned again
    const copies = statements.map((s) => ({ ...s }));
    const kept = passingTouches(statements, { taxonomy });
    expect(kept.some((t) => t.cues.length > 0)).toBe(true);
    expect(passingTouches(copies, { taxonomy })).toEqual(kept);
  });

  it('are not taken from matches kept under another taxonomy object', () => {
    const other = { competencies: taxonomy.competencies.map((c) => ({ ...c, cues: c.id === 'hiring' ? {} : c.cues })) };
    const touches = passingTouches(statements, { taxonomy: other });
    expect(touches.some((t) => t.competency === 'hiring' && t.cues.length > 0)).toBe(false);
    expect(passingTouches(statements, { taxonomy }).some((t) => t.competency === 'hiring' && t.cues.length > 0)).toBe(true);
  });
});
