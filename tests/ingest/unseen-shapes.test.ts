import { describe, expect, it } from 'vitest';
import { atlasOf } from '../helpers.ts';

const set = atlasOf('tests/fixtures/unseen').set;
const levels = (c: string) => set.levels.filter((l) => l.company === c).map((l) => `${l.level}:${l.levelTitle}:${l.levelOrder}`);
const texts = (c: string, level: string) => set.statements.filter((s) => s.company === c && s.level === level).map((s) => `${s.kind}|${s.section}|${s.text}`);

describe('ladders in shapes the seeds do not have', () => {
  it('load with no errors and every line accounted for', () => {
    expect(set.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
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
