import { describe, expect, it } from 'vitest';
import { parsePriors, sectionPrior, TaxonomyError } from '../../src/taxonomy/index.ts';
import { priors, taxonomy } from './helpers.ts';

const top = (section: string) => sectionPrior(section, priors)?.competencies[0]?.id ?? null;

describe('sectionPrior', () => {
  it('maps the native sections of all three companies', () => {
    expect(top('Talent › Hiring')).toBe('hiring');
    expect(top('Talent › Talent Development')).toBe('mentoring');
    expect(top('Talent › Personal Growth')).toBe('growth');
    expect(top('Direction › Innovation')).toBe('innovation');
    expect(top('Culture › Organizational Health')).toBe('leadership');
    expect(top('Teaching and Mentoring')).toBe('mentoring');
    expect(top('Domain expertise')).toBe('expertise');
    expect(top('Communication/Writing')).toBe('communication');
    expect(top('Threat Fluency')).toBe('threat');
    expect(top('Knowledge')).toBe('expertise');
  });

  it('works on other companies\' section names by their words', () => {
    expect(top('Recruiting & Interviewing')).toBe('hiring');
    expect(top('Mentorship')).toBe('mentoring');
    expect(top('Incident Response')).toBe('incident');
    expect(top('Security Governance & Risk')).toBe('risk');
  });

  it('prefers the longer phrase: "Impact Levers" is not "Impact", "Talent Development" is not "Talent"', () => {
    expect(sectionPrior('Impact Levers', priors)?.rules.map((r) => r.label)).toEqual(['impact levers']);
    expect(sectionPrior('Talent › Talent Development', priors)?.rules.map((r) => r.label)).toEqual(['mentoring and teaching']);
  });

  it('falls back to the parent section when the specific part is unknown', () => {
    expect(sectionPrior('Craft › Something New', priors)?.rules.map((r) => r.label)).toEqual(['craft']);
  });

  it('averages the rules a section matches and normalises to 1', () => {
    const p = sectionPrior('Customer/Business Success', priors)!;
    expect(p.competencies.reduce((a, c) => a + c.score, 0)).toBeCloseTo(1);
    expect(p.competencies[0].id).toBe('business');
  });

  it('returns null for empty or unmatched sections', () => {
    expect(sectionPrior('', priors)).toBeNull();
    expect(sectionPrior('Zebra', priors)).toBeNull();
  });
});

describe('parsePriors', () => {
  it('drops weights for ids the taxonomy lacks, with a warning', () => {
    const p = parsePriors({ rules: [{ label: 'x', match: ['x'], weights: { nosuch: 1, risk: 1 } }] }, taxonomy);
    expect(p.rules[0].weights).toEqual({ risk: 1 });
    expect(p.warnings[0]).toContain('"nosuch" is not a competency');
  });

  it('names structural problems', () => {
    expect(() => parsePriors({ rules: [{ label: 'x', match: [], weights: { risk: 'high' } }] })).toThrowError(TaxonomyError);
    expect(() => parsePriors({ rules: [{ label: 'x', match: [], weights: { risk: 1 } }] })).toThrowError(/rules\[0\] \("x"\): "match" must be a non-empty array/);
    expect(() => parsePriors('{"strength": -1, "rules": []}')).toThrowError(/"strength" must be a non-negative number/);
  });
});
