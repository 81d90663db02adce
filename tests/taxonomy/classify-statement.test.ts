import { describe, expect, it } from 'vitest';
import { classifyText } from '../../src/taxonomy/index.ts';
import { priors, taxonomy } from './helpers.ts';

const primary = (text: string, section?: string) => classifyText(text, { taxonomy, priors, section }).competency;

describe('classifyText: one clear example per competency (no section given)', () => {
  const examples: [string, string][] = [
    ['scope', 'Owns goals that span several teams across the company.'],
    ['autonomy', 'Works independently and handles ambiguity without close supervision.'],
    ['strategy', 'Sets the multi-year roadmap and long-term vision for the platform.'],
    ['expertise', 'Is a recognised subject matter expert in cryptography and network fundamentals.'],
    ['threat', 'Builds proof-of-concept exploits for new attack vectors.'],
    ['delivery', 'Estimates work, decomposes it into milestones and ships on time.'],
    ['incident', 'Joins the on-call rotation and leads incident response and postmortems.'],
    ['risk', 'Runs risk assessments and writes the security policies teams follow.'],
    ['mentoring', 'Mentors junior engineers and onboards new hires.'],
    ['hiring', 'Interviews candidates and sits on the hiring committee.'],
    ['communication', 'Writes blog posts and gives talks at conferences.'],
    ['collaboration', 'Builds consensus with cross-functional stakeholders and resolves disagreements.'],
    ['leadership', 'Leads by example and creates an inclusive culture.'],
    ['business', 'Ties security investments to business goals and customer value.'],
    ['innovation', 'Drives experimentation and breakthrough ideas, and files patents.'],
    ['growth', 'Seeks feedback, practises self-study and is self-aware about strengths and gaps.'],
  ];
  it.each(examples)('%s ← %s', (id, text) => {
    expect(primary(text)).toBe(id);
  });

  it('covers every competency of the taxonomy', () => {
    expect(new Set(examples.map(([id]) => id))).toEqual(new Set(taxonomy.competencies.map((c) => c.id)));
  });
});

describe('classifyText: section priors inform but never override clear text', () => {
  it('mentoring in a communication cell stays mentoring', () => {
    expect(primary('Helps new team members during their first weeks or mentors interns.', 'Communication/Writing')).toBe('mentoring');
  });

  it('policy work in a communication cell is risk', () => {
    expect(primary('Improves company wide security policies.', 'Communication/Writing')).toBe('risk');
  });

  it('incident work under domain expertise is incident', () => {
    expect(primary('I provide expert-level guidance and support during security incident investigations and post-mortems.', 'Domain expertise')).toBe('incident');
  });

  it('career growth of others under Security Execution is mentoring', () => {
    expect(primary('I help guide the career growth of others across the company, by actively mentoring.', 'Craft › Security Execution')).toBe('mentoring');
  });

  it('decides when the text itself is silent', () => {
    const text = 'It is what it is.';
    expect(classifyText(text, { taxonomy }).competency).toBeNull();
    expect(primary(text, 'Talent › Hiring')).toBe('hiring');
    expect(primary(text, 'Threat Fluency')).toBe('threat');
  });

  it('tips a close call', () => {
    const text = 'Writes the design.';
    expect(primary(text, 'Communication/Writing')).toBe('communication');
    expect(primary(text, 'Execution')).toBe('delivery');
  });
});

describe('classifyText: when no cue phrase matches', () => {
  it('falls back to words shared with the competency descriptions, marked as such', () => {
    const c = classifyText('Asks for a hand when stuck.', { taxonomy });
    expect(c.why.cues.length).toBeGreaterThan(0);
    expect(c.why.cues.every((h) => h.cue.startsWith('description~'))).toBe(true);
    expect(c.competency).toBe('growth');
    expect(c.confidence).toBeLessThan(0.3);
  });

  it('does not use descriptions when a cue matched', () => {
    const c = classifyText('Mentors interns when stuck.', { taxonomy });
    expect(c.why.cues.some((h) => h.cue.startsWith('description~'))).toBe(false);
  });
});

describe('classifyText: output shape', () => {
  const c = classifyText('Mentors interns and writes documentation.', { taxonomy, priors, section: 'Communication/Writing' });

  it('gives scores summing to 1, highest first, without zeros', () => {
    expect(c.competencies.reduce((a, s) => a + s.score, 0)).toBeCloseTo(1, 3);
    expect(c.competencies.map((s) => s.score)).toEqual([...c.competencies.map((s) => s.score)].sort((a, b) => b - a));
    expect(c.competencies.every((s) => s.score > 0)).toBe(true);
    expect(c.competencies[0].id).toBe(c.competency);
  });

  it('explains itself: cues as written in the taxonomy, with weights, and the prior used', () => {
    expect(c.why.cues).toContainEqual({ competency: 'mentoring', cue: 'interns', weight: 3 });
    expect(c.why.cues).toContainEqual({ competency: 'communication', cue: 'documentation', weight: 3 });
    expect(c.why.prior).toEqual({ section: 'Communication/Writing', competencies: [{ id: 'communication', score: 1 }] });
    expect(c.why.override).toBeUndefined();
  });

  it('counts a longer phrase instead of the words inside it', () => {
    const r = classifyText('Participates in the incident response rotation.', { taxonomy });
    expect(r.why.cues.map((h) => h.cue)).toEqual(['incident response']);
  });

  it('has a confidence in 0..1 that grows with evidence', () => {
    const thin = classifyText('Has a domain.', { taxonomy }).confidence;
    const strong = classifyText('Is a subject matter expert with deep understanding and breadth of expertise.', { taxonomy }).confidence;
    expect(thin).toBeGreaterThan(0);
    expect(strong).toBeGreaterThan(thin);
    expect(strong).toBeLessThanOrEqual(1);
  });

  it('is deterministic', () => {
    const again = classifyText('Mentors interns and writes documentation.', { taxonomy, priors, section: 'Communication/Writing' });
    expect(again).toEqual(c);
  });
});
