import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CLASSIFIED_KINDS, classifyAll, parseClassifierModel, parseOverrides, parsePriors, parseTaxonomy, TaxonomyError, unmatchedOverrides } from '../../src/taxonomy/index.ts';
import type { ClassifiedStatement } from '../../src/types.ts';
import { rowWords, rowWordsOnce, words } from '../../src/text/index.ts';
import { bundled } from '../helpers.ts';
import { keptRowCues } from '../../src/taxonomy/row-cues.ts';
import { dataPath, priors, shippedOverrides, taxonomy } from './helpers.ts';

const set = bundled();
const rows = classifyAll(set.statements, { taxonomy, priors, overrides: shippedOverrides });
const ids = new Set(taxonomy.competencies.map((c) => c.id));

describe('classifyAll on the seed ladders', () => {
  it('keeps every statement, in order, with its fields', () => {
    expect(rows.map((r) => r.id)).toEqual(set.statements.map((s) => s.id));
    rows.forEach((r, i) => expect(r).toMatchObject(set.statements[i]));
  });

  it('keeps each classified row\'s cue matches for the analyses, unless told the rows are only printed', () => {
    const printed = classifyAll(set.statements, { taxonomy, priors, overrides: shippedOverrides, keepWords: false });
    expect(printed).toEqual(rows);
    const classified = rows.filter((r) => CLASSIFIED_KINDS.includes(r.kind));
    expect(classified.length).toBeGreaterThan(100);
    for (const r of classified) expect(keptRowCues(r, taxonomy)).toBeDefined();
    for (const r of printed) expect(keptRowCues(r, taxonomy)).toBeUndefined();
  });

  it("keeps only the cue matches when told keepWords: 'cues' (a reader of the words splits the text again)", () => {
    const lean = classifyAll(set.statements, { taxonomy, priors, overrides: shippedOverrides, keepWords: 'cues' });
    expect(lean).toEqual(rows);
    const classified = (list: ClassifiedStatement[]) => list.filter((r) => CLASSIFIED_KINDS.includes(r.kind));
    expect(classified(lean).length).toBeGreaterThan(190);
    for (const r of classified(lean)) {
      expect(keptRowCues(r, taxonomy)).toEqual(keptRowCues(rows[lean.indexOf(r)], taxonomy));
      // not kept: split again at each call, the same words
      expect(rowWordsOnce(r)).not.toBe(rowWordsOnce(r));
      expect(rowWordsOnce(r)).toEqual(words(r.text));
    }
    for (const r of classified(rows)) expect(rowWordsOnce(r)).toBe(rowWords(r).words);
  });

  it('shares one frozen score object per competency and score among the rows, lexicon and model alike', () => {
    const model = parseClassifierModel(readFileSync(dataPath('classifier-model.json'), 'utf8'));
    for (const table of [rows, classifyAll(set.statements, { taxonomy, priors, model })]) {
      const entries = table.flatMap((r) => r.competencies ?? []);
      expect(entries.length).toBeGreaterThan(400);
      const first = new Map<string, object>();
      for (const e of entries) {
        expect(Object.isFrozen(e)).toBe(true);
        expect(Object.keys(e)).toEqual(['id', 'score']);
        expect(Math.round(e.score * 10000) / 10000).toBe(e.score);
        const key = `${e.id}|${e.score}`;
        if (first.has(key)) expect(e).toBe(first.get(key));
        else first.set(key, e);
      }
      expect(first.size).toBeLessThan(entries.length);
    }
  });

  it('classifies the same without the reasons (reasons: false), with and without the model: no why, overrides included', () => {
    const model = parseClassifierModel(readFileSync(dataPath('classifier-model.json'), 'utf8'));
    const withoutWhy = ({ why: _, ...rest }: ClassifiedStatement) => rest;
    // an override of a classified row and of a note (an override classifies any row)
    const expectation = set.statements.find((r) => r.kind === 'expectation')!;
    const note = set.statements.find((r) => r.kind === 'note')!;
    const overrides = parseOverrides(`id,competency,comment\n${expectation.id},risk,a reviewer's\n${note.id},communication,\n`, taxonomy);
    for (const options of [{ taxonomy, priors, overrides }, { taxonomy, priors, model, overrides }]) {
      const full = classifyAll(set.statements, options);
      const bare = classifyAll(set.statements, { ...options, reasons: false });
      const classified = full.filter((r) => CLASSIFIED_KINDS.includes(r.kind));
      expect(classified.length).toBeGreaterThan(190);
      expect(full.filter((r) => r.why?.override).length).toBe(2);
      if (options.model) expect(classified.filter((r) => r.why?.features?.length).length).toBeGreaterThan(190);
      // every field the same but why, which the rows without reasons carry as undefined (one row shape either way)
      expect(bare.map((r) => Object.keys(r))).toEqual(full.map((r) => Object.keys(r)));
      for (const r of bare) expect(r.why).toBeUndefined();
      const explained = (r: { why?: unknown }) => r.why !== undefined;
      expect(bare.filter((_, i) => explained(full[i])).map(withoutWhy)).toStrictEqual(full.filter(explained).map(withoutWhy));
      expect(bare.filter((_, i) => !explained(full[i]))).toStrictEqual(full.filter((r) => !explained(r)));
      expect(bare.find((r) => r.id === note.id)!.competency).toBe('communication');
      // the words and cue matches are kept all the same, for the analyses
      for (const r of bare.filter((x) => CLASSIFIED_KINDS.includes(x.kind))) expect(keptRowCues(r, taxonomy)).toBeDefined();
    }
  });

  it('gives every expectation, example and summary a competency of the taxonomy with scores summing to 1', () => {
    const classifiable = rows.filter((r) => CLASSIFIED_KINDS.includes(r.kind));
    expect(classifiable.length).toBeGreaterThan(190);
    for (const r of classifiable) {
      expect(ids.has(r.competency!), `${r.id}: ${r.text}`).toBe(true);
      expect(r.competencies!.reduce((a, s) => a + s.score, 0)).toBeCloseTo(1, 2);
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.why!.cues.length + (r.why!.prior ? 1 : 0)).toBeGreaterThan(0);
    }
  });

  it('leaves attributes, notes and placeholders unclassified', () => {
    const others = rows.filter((r) => !CLASSIFIED_KINDS.includes(r.kind));
    expect(new Set(others.map((r) => r.kind))).toEqual(new Set(['attribute', 'note', 'placeholder']));
    for (const r of others) {
      expect(r.competency).toBeUndefined();
      expect(r.competencies).toBeUndefined();
      expect(r.why).toBeUndefined();
    }
  });

  it('uses every competency somewhere in the seeds', () => {
    expect(new Set(rows.map((r) => r.competency).filter(Boolean))).toEqual(ids);
  });

  it('reads the Teleport Communication/Writing cell sentence by sentence, not by its column', () => {
    const cell = rows.filter((r) => r.company === 'teleport' && r.section === 'Communication/Writing');
    const find = (words: string) => cell.find((r) => r.text.includes(words))!.competency;
    expect(find('mentors interns')).toBe('mentoring');
    expect(find('security policies')).toBe('risk');
    expect(find('postmortems')).toBe('incident');
    expect(find('blog posts')).toBe('communication');
  });
});

describe('overrides', () => {
  const target = set.statements.find((s) => s.kind === 'expectation' && s.text.includes('mentors interns'))!;
  const overrides = parseOverrides(`id,competency,comment\n${target.id},communication,"team decided: writing cell"\n`, taxonomy);
  const out = classifyAll(set.statements, { taxonomy, priors, overrides });
  const row = out.find((r) => r.id === target.id)!;

  it('win over the classifier and are marked, keeping the cues that were overruled', () => {
    expect(row.competency).toBe('communication');
    expect(row.competencies).toEqual([{ id: 'communication', score: 1 }]);
    expect(row.why!.override).toEqual({ competency: 'communication', comment: 'team decided: writing cell' });
    expect(row.why!.cues.some((h) => h.competency === 'mentoring')).toBe(true);
  });

  it('touch nothing else', () => {
    const plain = classifyAll(set.statements, { taxonomy, priors });
    out.forEach((r, i) => {
      if (r.id !== target.id) expect(r).toEqual(plain[i]);
    });
  });

  it('report ids that match no statement', () => {
    const stray = parseOverrides('id,competency,comment\nnope-1,risk,\n', taxonomy);
    expect(unmatchedOverrides(set.statements, stray)).toEqual(stray);
  });

  it('reject unknown competencies and missing columns with the row named', () => {
    expect(() => parseOverrides('id,competency,comment\nx,riskk,typo\n', taxonomy)).toThrowError(/row 2 \(x\): "riskk" is not a competency/);
    expect(() => parseOverrides('statement,label\nx,risk\n')).toThrowError(TaxonomyError);
    expect(parseOverrides('id,competency,comment\n')).toEqual([]);
  });
});

describe('a swapped-in taxonomy with different ids', () => {
  const other = parseTaxonomy({
    name: 'two-way split',
    version: 'x',
    groups: [{ id: 'all', label: 'All' }],
    competencies: [
      { id: 'people-skills', label: 'People', group: 'all', definition: 'Working with people.', description: 'Mentoring, hiring, talking.', cues: { mentor: 3, interview: 3, 'blog posts': 3 } },
      { id: 'hacking', label: 'Hacking', group: 'all', definition: 'Breaking things.', description: 'Attacks.', cues: { attack: 3, exploit: 3 } },
    ],
  });
  const otherPriors = parsePriors(JSON.stringify({ strength: 1.5, rules: [{ label: 'threat', match: ['threat'], weights: { hacking: 1, threat: 1 } }] }), other);

  it('drives every placement, with the shipped crosswalk\'s unknown ids ignored', () => {
    const shipped = parsePriors(JSON.stringify({ rules: [{ label: 'h', match: ['hiring'], weights: { hiring: 1 } }] }), other);
    expect(shipped.rules).toEqual([]);
    const out = classifyAll(set.statements, { taxonomy: other, priors: otherPriors });
    const used = new Set(out.map((r) => r.competency).filter((c) => c));
    expect(used).toEqual(new Set(['people-skills', 'hacking']));
    expect(out.find((r) => r.text.includes('chain attacks'))!.competency).toBe('hacking');
    expect(out.find((r) => r.text.includes('mentors interns'))!.competency).toBe('people-skills');
    expect(otherPriors.warnings[0]).toContain('"threat" is not a competency');
  });

  it('leaves statements with no cue and no prior without a primary', () => {
    const out = classifyAll(set.statements, { taxonomy: other });
    const silent = out.find((r) => r.text.startsWith('I map business goals'))!;
    expect(silent.competency).toBeNull();
    expect(silent.competencies).toEqual([]);
    expect(silent.confidence).toBe(0);
  });
});
