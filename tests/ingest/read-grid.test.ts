import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/index.ts';
import { pipeCells } from '../../src/ingest/read-grid.ts';

const grid = (content: string, name = 'grid.csv') => ingestFiles([{ path: `ladders/acme/${name}`, content }]);

describe('readGrid', () => {
  it('reads a CSV grid with quoted cells spanning lines, keeping each row\'s first line', () => {
    const set = grid('Level,Impact,Scope\nL1,"Ships small fixes.  Asks for help.",Own tasks\nL2,"Leads a project,\nend to end.",Team\n');
    expect(set.diagnostics).toEqual([]);
    expect(set.statements.map((s) => [s.level, s.section, s.text, s.source.line])).toEqual([
      ['L1', 'Impact', 'Ships small fixes.', 2], ['L1', 'Impact', 'Asks for help.', 2], ['L1', 'Scope', 'Own tasks', 2],
      ['L2', 'Impact', 'Leads a project, end to end.', 3], ['L2', 'Scope', 'Team', 3],
    ]);
    expect(set.files[0].lines.map((l) => l.status)).toEqual(['structure', 'statement', 'statement', 'statement', 'blank']);
  });

  it('reads a grid with levels as columns', () => {
    const set = grid('Skill\tLevel 1\tLevel 2\tLevel 3\nCommunication\tWrites notes.\tWrites docs.\tGives talks.\nScope\tTasks\tProjects\t\n', 'g.tsv');
    expect(set.levels.map((l) => [l.level, l.levelTitle, l.levelOrder])).toEqual([['1', 'Level 1', 1], ['2', 'Level 2', 2], ['3', 'Level 3', 3]]);
    expect(set.statements.map((s) => `${s.level}|${s.section}|${s.kind}|${s.text}`)).toEqual([
      '1|Communication|expectation|Writes notes.', '2|Communication|expectation|Writes docs.', '3|Communication|expectation|Gives talks.',
      '1|Scope|expectation|Tasks', '2|Scope|expectation|Projects', '3|Scope|placeholder|',
    ]);
  });

  it('reports ragged rows with their line and cell counts, and still loads them', () => {
    const set = grid('Level\tA\tB\tC\n1\tx.\ty.\tz.\textra.\n2\tp.\n', 'r.tsv');
    expect(set.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [2, '5 cells, header has 4; extra cells kept under "column N" sections'],
      [3, '2 cells, header has 4; missing cells counted as empty'],
    ]);
    expect(set.statements.find((s) => s.text === 'extra.')?.section).toBe('column 5');
    expect(set.statements.filter((s) => s.level === '2' && s.flags.includes('empty-cell'))).toHaveLength(2);
  });

  it('refuses a grid whose axes hold no levels, naming the header line', () => {
    const set = grid('Name,Colour,Shape\nApple,Red,Round\nPear,Green,Odd\n');
    expect(set.statements).toEqual([]);
    expect(set.diagnostics).toHaveLength(1);
    expect(set.diagnostics[0]).toMatchObject({ severity: 'error', file: 'ladders/acme/grid.csv', line: 1 });
    expect(set.diagnostics[0].message).toMatch(/cannot tell which axis holds the levels/);
  });

  it('reads the simple long format, defaulting kind to expectation', () => {
    const set = ingestFiles([{ path: 'my-ladder.csv', content: 'company,level,level_title,section,kind,statement\nAcme,L1,Junior,Craft,,I learn fast.\nAcme,L2,Engineer,Craft,example,I shipped X.\nAcme,L2,Engineer,Craft,bogus,=HYPERLINK("x")\n' }], { company: 'acme' });
    expect(set.files[0].shape).toBe('long-csv');
    expect(set.statements.map((s) => [s.company, s.level, s.levelTitle, s.kind, s.text])).toEqual([
      ['acme', 'L1', 'Junior', 'expectation', 'I learn fast.'],
      ['acme', 'L2', 'Engineer', 'example', 'I shipped X.'],
      ['acme', 'L2', 'Engineer', 'expectation', '=HYPERLINK("x")'],
    ]);
    expect(set.diagnostics).toMatchObject([{ line: 4, message: expect.stringMatching(/unknown kind "bogus"/) }]);
  });
});

describe('readGrid on Markdown pipe tables', () => {
  it('reads a level × skill table written as a Markdown pipe table', () => {
    const set = ingestFiles([{ path: 'ladders/acme/matrix.md', content: '# Engineering matrix\n\n| Level | Technical | Scope |\n|---|:---|---|\n| IC1 | Writes tested code. Asks "why". | Own tasks |\n| IC2 | Designs small systems. | Team \\| squad |\n' }]);
    expect(set.diagnostics).toEqual([]);
    expect(set.files[0].shape).toBe('grid');
    expect(set.levels.map((l) => [l.level, l.track])).toEqual([['IC1', 'Engineering matrix'], ['IC2', 'Engineering matrix']]);
    expect(set.statements.map((s) => `${s.level}|${s.section}|${s.text}`)).toEqual([
      'IC1|Technical|Writes tested code.', 'IC1|Technical|Asks "why".', 'IC1|Scope|Own tasks', 'IC2|Technical|Designs small systems.', 'IC2|Scope|Team | squad',
    ]);
    expect(set.files[0].lines.map((l) => l.status)).toEqual(['structure', 'blank', 'structure', 'structure', 'statement', 'statement', 'blank']);
  });
});

describe('the long format with only the required columns', () => {
  it('reads a two-column level,statement CSV', () => {
    const set = ingestFiles([{ path: 'ladders/acme/min.csv', content: 'level,statement\nL1,"Learns fast, asks often."\nL2,Leads small projects.\n' }]);
    expect(set.diagnostics).toEqual([]);
    expect(set.files[0].shape).toBe('long-csv');
    expect(set.statements.map((s) => [s.level, s.text])).toEqual([['L1', 'Learns fast, asks often.'], ['L2', 'Leads small projects.']]);
  });
});

describe('level titles in grids', () => {
  it('takes a Title column as the level title, and keeps long level cells whole as labels', () => {
    const set = grid('Level\tTitle\tScope\nIC5 Senior Staff Software Engineer\t\tOrg\nIC4\tStaff Engineer\tSeveral teams\nIC6\tPrincipal Engineer\tCompany\n', 't.tsv');
    expect(set.levels.map((l) => [l.level, l.levelTitle, l.levelOrder])).toEqual([
      ['IC4', 'Staff Engineer', 4], ['IC5', 'Senior Staff Software Engineer', 5], ['IC6', 'Principal Engineer', 6],
    ]);
    expect(set.statements.map((s) => s.section)).toEqual(['Scope', 'Scope', 'Scope']);
  });

  it('takes a Title row as the level titles when levels are columns', () => {
    const set = grid('Skill,L1,L2\nTitle,Associate,Engineer\nCraft,Learns.,Builds.\n');
    expect(set.levels.map((l) => [l.level, l.levelTitle])).toEqual([['L1', 'Associate'], ['L2', 'Engineer']]);
    expect(set.statements.map((s) => s.text)).toEqual(['Learns.', 'Builds.']);
  });
});

describe('cells repeated down a grid', () => {
  it('reads a repeated cell as it reads it the first time, each statement with flags of its own', () => {
    const cells = ['asks for help.', 'Ships fixes.  See [the wiki](https://x.test/w)', 'TBD', 'Ãœber owner…', ''];
    const rows = Array.from({ length: 6 }, (_, i) => `L${i + 1},${cells[i % cells.length]},${cells[(i + 2) % cells.length]}`);
    const set = grid(`Level,Craft,Scope\n${rows.join('\n')}\n`);
    // Each cell read alone, in a grid of its own, gives the statements it gives inside the repeating grid.
    const alone = (cell: string) => grid(`Level,Craft,Scope\nL1,${cell},x\n`).statements.filter((s) => s.section === 'Craft').map((s) => [s.kind, s.text, s.flags]);
    for (const [i] of rows.entries()) {
      const mine = set.statements.filter((s) => s.level === `L${i + 1}` && s.section === 'Craft').map((s) => [s.kind, s.text, s.flags]);
      expect(mine).toEqual(alone(cells[i % cells.length]));
    }
    const truncated = set.statements.filter((s) => s.text === 'asks for help.');
    expect(truncated.length).toBeGreaterThan(1);
    expect(truncated[0].flags).toEqual(['truncated']);
    truncated[0].flags.push('placeholder');
    expect(truncated[1].flags).toEqual(['truncated']);
    expect(set.statements.filter((s) => s.flags.includes('mojibake-repaired')).map((s) => s.text)).toContain('Über owner…');
  });
});

describe('line accounts of grids and the long format', () => {
  const accounts = (path: string, content: string) => ingestFiles([{ path: `ladders/acme/${path}`, content }]).files[0].lines.map((l) => [l.line, l.status, l.reason ?? '']);

  it('accounts for every line of a grid: title, text before, header, rows over two lines, empty and unlabelled rows', () => {
    expect(accounts('g.csv', '## Security\n\nLevel,Craft,Scope\nL1,"Ships fixes,\nasks.",Team\n,,\n,orphan,cell\nL2,x,y\n')).toEqual([
      [1, 'structure', 'title'], [2, 'blank', ''], [3, 'structure', 'grid header'], [4, 'statement', ''], [5, 'statement', ''],
      [6, 'skipped', 'not understood'], [7, 'skipped', 'row without a label'], [8, 'statement', ''], [9, 'blank', ''],
    ]);
  });

  it('leaves the lines of a grid it does not load, and the empty rows of the long format, as not read', () => {
    expect(accounts('n.csv', 'Name,Colour,Shape\nApple,Red,Round\n,,\n')).toEqual([
      [1, 'structure', 'grid header'], [2, 'skipped', 'grid not loaded: levels not found'], [3, 'skipped', 'not read'], [4, 'blank', ''],
    ]);
    expect(accounts('l.csv', 'level,statement\nL1,I ship.\n,\nL2,\n,x\n')).toEqual([
      [1, 'structure', 'header'], [2, 'statement', ''], [3, 'skipped', 'not read'], [4, 'statement', ''], [5, 'skipped', 'row without a level'], [6, 'blank', ''],
    ]);
  });
});

describe('grid cells of many opening markers', () => {
  it('reads such a cell as the text it is', () => {
    const cell = '**a '.repeat(2000).trim();
    const brackets = '[a '.repeat(2000).trim();
    const set = grid(`Level\tCraft\tScope\n1\t${cell}\t${brackets}\n2\tx\ty\n`, 'grid.tsv');
    const texts = set.statements.map((s) => s.text);
    expect(texts).toContain(cell);
    expect(texts).toContain(brackets);
  });
});

describe('pipeCells', () => {
  it('counts a pipe row\'s cells as trimming it, dropping one pipe at each end and splitting at pipes does', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('|', '||', 'x', ' ', '\t', '\u00a0', 'a b', ''), { maxLength: 10 }), (parts) => {
      const line = parts.join('');
      expect(pipeCells(line), JSON.stringify(line)).toBe(line.trim().replace(/^\||\|$/g, '').split('|').length);
    }), { numRuns: 3000 });
  });
});
