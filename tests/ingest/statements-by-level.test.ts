import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/index.ts';
import { StatementsByLevel } from '../../src/ingest/statements-by-level.ts';

describe('StatementsByLevel', () => {
  it('keeps one list per file, company, track and level, whatever order the ladders are asked for in', () => {
    const by = new StatementsByLevel();
    const put = (file: string, company: string, track: string, level: string, id: string) => {
      const lists = by.ladder(file, company, track);
      const list = lists.get(level) ?? [];
      lists.set(level, list);
      list.push({ id } as never);
    };
    put('a.md', 'acme', 'Eng', 'L1', '1');
    put('a.md', 'acme', 'Ops', 'L1', '2');
    put('b.md', 'acme', 'Eng', 'L1', '3');
    put('a.md', 'acme', 'Eng', 'L1', '4');
    put('a.md', 'acme', 'Eng', 'L2', '5');
    const ids = (file: string, company: string, track: string, level: string) => by.get(file, company, track, level)?.map((s) => s.id);
    expect(ids('a.md', 'acme', 'Eng', 'L1')).toEqual(['1', '4']);
    expect(ids('a.md', 'acme', 'Ops', 'L1')).toEqual(['2']);
    expect(ids('b.md', 'acme', 'Eng', 'L1')).toEqual(['3']);
    expect(ids('a.md', 'acme', 'Eng', 'L2')).toEqual(['5']);
    expect(ids('a.md', 'acme', 'Eng', 'L3')).toBeUndefined();
    expect(ids('a.md', 'other', 'Eng', 'L1')).toBeUndefined();
  });

  it('places the statements of many levels of a long-format file, each with its level\'s order and title', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `Band x${i},I do thing ${i}.`).join('\n');
    const set = ingestFiles([{ path: 'ladders/acme/levels.csv', content: `level,statement\n${rows}\n` }]);
    expect(set.statements).toHaveLength(40);
    for (const s of set.statements) {
      const level = set.levels.find((l) => l.level === s.level)!;
      expect([s.levelOrder, s.levelTitle]).toEqual([level.levelOrder, level.levelTitle]);
    }
    expect(new Set(set.statements.map((s) => s.levelOrder)).size).toBe(40);
  });
});
