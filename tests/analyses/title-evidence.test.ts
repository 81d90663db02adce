import { describe, expect, it } from 'vitest';
import { titleEvidence } from '../../src/analyses/statement-evidence.ts';
import { row, scaleCues } from './seed-analysis.ts';
import { placeLevels } from '../../src/analyses/index.ts';

const mean = (title: string) => {
  const ev = titleEvidence(title, 'k', scaleCues);
  return ev.reduce((t, e) => t + e.value * e.weight, 0) / ev.reduce((t, e) => t + e.weight, 0);
};

describe('title evidence with roman numerals', () => {
  it('places a numbered title without a seniority word by its numeral, whatever the role word', () => {
    expect(mean('SRE I')).toBeLessThan(mean('SRE II'));
    expect(mean('Software Engineer II')).toBe(mean('Machine Learning Engineer II'));
    expect(mean('Engineer III')).toBeLessThan(mean('Senior Engineer'));
  });
  it('steps a seniority word up by its numeral instead of averaging with it', () => {
    expect(mean('Senior Software Engineer I')).toBe(mean('Senior Software Engineer'));
    expect(mean('Senior Software Engineer II')).toBeGreaterThan(mean('Senior Software Engineer I'));
    expect(mean('Senior Software Engineer II')).toBeLessThan(mean('Staff Software Engineer'));
  });
  it('keeps a ladder numbered within titles in order from its titles alone', () => {
    const titles = ['Engineer I', 'Engineer II', 'Engineer III', 'Senior Engineer I', 'Senior Engineer II', 'Staff Engineer'];
    const rows = titles.map((t, i) => row('acme', `${i + 1}`, i + 1, 'Is nice.', { levelTitle: t }));
    const ps = placeLevels({ statements: rows }, { scaleCues });
    for (let i = 1; i < ps.length; i++) expect(ps[i].rawPosition!, titles[i]).toBeGreaterThan(ps[i - 1].rawPosition!);
  });
});

describe('title words beyond the IC basics', () => {
  it('orders Senior Principal above Principal, and Member of Technical Staff well below Staff', () => {
    expect(mean('Senior Principal Engineer')).toBeGreaterThan(mean('Principal Engineer'));
    expect(mean('Member of Technical Staff')).toBeLessThan(mean('Senior Member of Technical Staff'));
    expect(mean('Senior Member of Technical Staff')).toBeLessThan(mean('Staff Engineer'));
  });
  it('orders a management track: manager < senior manager < director < VP', () => {
    const m = ['Engineering Manager', 'Senior Engineering Manager', 'Director of Engineering', 'VP of Engineering'].map(mean);
    for (let i = 1; i < m.length; i++) expect(m[i]).toBeGreaterThan(m[i - 1]);
  });
});
