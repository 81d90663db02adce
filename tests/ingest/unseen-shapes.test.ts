import { describe, expect, it } from 'vitest';
import { atlasOf } from '../helpers.ts';

const set = atlasOf('tests/fixtures/unseen').set;
const levels = (c: string) => set.levels.filter((l) => l.company === c).map((l) => `${l.level}:${l.levelTitle}:${l.levelOrder}`);
const texts = (c: string, level: string) => set.statements.filter((s) => s.company === c && s.level === level).map((s) => `${s.kind}|${s.section}|${s.text}`);

describe('ladders in shapes the seeds do not have', () => {
  it('load with no errors and every line accounted for', () => {
    expect(set.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(set.diagnostics.map((d) => d.file)).toEqual(['ladders/fabrikam/matrix.csv']);
    for (const f of set.files) expect(f.lines.filter((l) => l.status === 'skipped' && !l.reason), f.file).toEqual([]);
  });

  it('one file with all levels, front matter, mixed bullets and "extends" notes', () => {
    expect(set.files.find((f) => f.company === 'northwind')?.shape).toBe('markdown-multi-level');
    expect(levels('northwind')).toEqual(['1:Associate Engineer:1', '2:Engineer:2', '3:Senior Engineer:3']);
    expect(set.levels.find((l) => l.company === 'northwind')?.track).toBe('Platform Engineering');
    expect(texts('northwind', '2')).toEqual([
      'note||Everything in Level 1, plus:',
      'expectation|Technical|You own features end to end within your team.',
      'expectation|Technical|You participate in the on-call rotation.',
      'expectation|Collaboration|You review teammates\' code with care.',
    ]);
  });

  it('a CSV grid with levels as columns', () => {
    expect(levels('fabrikam')).toEqual(['Engineer I:Engineer I:1', 'Engineer II:Engineer II:2', 'Senior Engineer:Senior Engineer:3', 'Staff Engineer:Staff Engineer:4']);
    expect(texts('fabrikam', 'Engineer I')).toEqual([
      'expectation|Craft|Completes well-scoped tasks with support.', 'expectation|Craft|Writes unit tests.',
      'expectation|Influence|Works within the team.', 'placeholder|Mentorship|',
    ]);
    expect(set.diagnostics.some((d) => d.file.includes('fabrikam') && /do not sort by number/.test(d.message))).toBe(true);
  });

  it('second-person prose pages wrapped in front matter and template tags', () => {
    expect(levels('contoso')).toEqual(['2:Security Engineer:2', '3:Senior Security Engineer:3']);
    expect(texts('contoso', '3')).toEqual([
      'expectation|Impact|You lead security projects for your team from design to rollout.',
      'expectation|Impact|You judge which risks matter most and explain them to product managers.',
      'expectation|Impact|You rarely need direction.',
      'expectation|Growth|You seek feedback on your writing and act on it.',
    ]);
    const page = set.files.find((f) => f.file.endsWith('level-3.md'))!;
    expect(page.lines.filter((l) => l.reason === 'template tag')).toHaveLength(2);
  });

  it('the simple long format', () => {
    expect(levels('globex')).toEqual(['P1:Software Engineer:1', 'P2:Senior Software Engineer:2', 'P3:Staff Software Engineer:3']);
    expect(texts('globex', 'P1')).toEqual(['expectation|Execution|Delivers tasks with guidance.', 'example|Execution|Fixed a flaky test suite.']);
  });
});

describe('levels named by title, shared sections and inheritance', () => {
  const file = (c: string) => set.files.find((f) => f.company === c)!;
  const reasons = (c: string) => new Set(file(c).lines.filter((l) => l.status === 'skipped').map((l) => l.reason));

  it('a prose ladder with ### title headings takes its order from the front-matter levels: list', () => {
    expect(file('lantern').shape).toBe('markdown-multi-level');
    expect(levels('lantern')).toEqual([
      'Associate security engineer:Associate security engineer:1', 'Security engineer:Security engineer:2',
      'Senior security engineer:Senior security engineer:3', 'Staff security engineer:Staff security engineer:4',
    ]);
    expect(set.levels.find((l) => l.company === 'lantern')?.track).toBe('Security Engineering');
    expect(texts('lantern', 'Security engineer')).toEqual([
      'note||Everything in Associate security engineer, plus:',
      'expectation||Owns the threat model of one service, from the design review to the launch.',
      'expectation||Explains the risk of a finding to the engineers who will fix it, and agrees a date with them.',
    ]);
    // Sections before and after the levels are no level's: skipped, each with the section named.
    expect(reasons('lantern')).toEqual(new Set(['under "Required skills", not a level', 'under "How to read this ladder", not a level', 'under "Pay and benefits", not a level']));
    expect(set.statements.some((s) => s.company === 'lantern' && /Salary|laptops/.test(s.text))).toBe(false);
  });

  it('a job-family page: title levels ordered by seniority words, job grade and hiring process kept out', () => {
    expect(levels('brightlake')).toEqual(['Intermediate:Intermediate Security Engineer:3', 'Senior:Senior Security Engineer:4', 'Staff:Staff Security Engineer:6']);
    expect(set.levels.find((l) => l.company === 'brightlake')?.track).toBe('Security Engineer');
    expect(texts('brightlake', 'Senior')).toEqual([
      'note||The Senior Security Engineer role extends the Intermediate Security Engineer role.',
      'expectation|Responsibilities|Leads the security review of projects that span several teams.',
      'expectation|Responsibilities|Mentors intermediate engineers through their first incident responses.',
      'expectation|Responsibilities|Chooses which findings the company fixes first, and explains why.',
    ]);
    expect(reasons('brightlake')).toEqual(new Set([
      'text outside any level section', 'under "Responsibilities for Security Engineer roles", not a level', 'under "Requirements", not a level',
      'about the role, not an expectation: "Job grade"', 'under "Application Security", not a level', 'under "Detection and Response", not a level',
      'under "Performance indicators", not a level', 'under "Hiring process", not a level',
    ]));
    expect(set.statements.some((s) => s.company === 'brightlake' && /grade \d|recruiter|detections/.test(s.text))).toBe(false);
  });

  it('records "extends" and "Everything in …, plus:" as a relation between levels, each statement kept once', () => {
    const inherits = (c: string) => set.levels.filter((l) => l.company === c).map((l) => `${l.level}<${l.inherits?.level ?? ''}`);
    expect(inherits('brightlake')).toEqual(['Intermediate<', 'Senior<Intermediate', 'Staff<Senior']);
    expect(inherits('lantern')).toEqual(['Associate security engineer<', 'Security engineer<Associate security engineer', 'Senior security engineer<Security engineer', 'Staff security engineer<Senior security engineer']);
    expect(inherits('northwind')).toEqual(['1<', '2<1', '3<2']);
    const staff = set.levels.find((l) => l.company === 'brightlake' && l.level === 'Staff')!;
    expect(set.statements.find((s) => s.id === staff.inherits?.statement)?.text).toBe('The Staff Security Engineer role extends the Senior Security Engineer role.');
    expect(set.statements.filter((s) => s.company === 'brightlake' && s.text.startsWith('Leads the security review'))).toHaveLength(1);
  });

  it('a Setext page (Title over ===, sections over ---)', () => {
    expect(levels('quarry')).toEqual(['L2:Platform Engineer:2']);
    expect(texts('quarry', 'L2').map((t) => t.split('|').slice(0, 2).join('|'))).toEqual(['summary|', 'expectation|Delivery', 'expectation|Delivery', 'expectation|Collaboration']);
  });
});
