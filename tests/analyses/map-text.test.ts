import { describe, expect, it } from 'vitest';
import { mapText, textToStatements } from '../../src/analyses/index.ts';
import { classifyAll } from '../../src/taxonomy/index.ts';
import { scaleCues, seedAnalysis, taxonomy } from './seed-analysis.ts';

describe('mapText', () => {
  const { statements, analysis } = seedAnalysis();
  const classify = (rows: Parameters<typeof classifyAll>[0]) => classifyAll(rows, { taxonomy });

  it('splits pasted text into one row per bullet or sentence', () => {
    const rows = textToStatements('- Leads projects. Mentors juniors.\n\n* Writes docs');
    expect(rows.map((r) => r.text)).toEqual(['Leads projects.', 'Mentors juniors.', 'Writes docs']);
  });
  it('places a junior job description low and says it is below the Dropbox IC6-only ladder', () => {
    const r = mapText('Works on small projects with assistance from the team.\nAsks for help when stuck and learns our code review process.', statements, analysis.levels, { scaleCues, classify });
    expect(r.placement.position).toBeLessThan(3);
    expect(r.targets.find((t) => t.company === 'dropbox')!.relation).toBe('below');
    expect(r.statements.every((s) => s.competency !== undefined)).toBe(true);
  });
  it('places a principal-level description high and maps it to the top of Teleport', () => {
    const r = mapText('Owns company-wide, multi-year security strategy.\nRecognised across the industry; publishes research papers and speaks at major conferences.', statements, analysis.levels, { scaleCues, classify });
    expect(r.placement.position).toBeGreaterThan(5.5);
    expect(['5', '6']).toContain(r.targets.find((t) => t.company === 'teleport')!.best.level);
    expect(r.targets.find((t) => t.company === 'octopus')!.relation).toBe('above');
  });
  it('keeps text without any cue honest: the whole scale as its range', () => {
    const r = mapText('Is friendly.', statements, analysis.levels, { scaleCues });
    expect(r.placement).toMatchObject({ basis: 'none', low: 1, high: 7 });
  });
});

describe('textToStatements titles', () => {
  it('takes a short first line as the title and reads its seniority words', () => {
    const rows = textToStatements('Staff Security Engineer\nPartners with teams on security reviews.');
    expect(rows.map((r) => [r.levelTitle, r.text])).toEqual([['Staff Security Engineer', 'Partners with teams on security reviews.']]);
    const single = textToStatements('Writes code.');
    expect(single[0].levelTitle).toBe('pasted text');
  });
});
