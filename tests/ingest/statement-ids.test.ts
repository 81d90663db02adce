import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/index.ts';
import { StatementIds } from '../../src/ingest/statement-ids.ts';

/** The rule as stated: the nth statement with an id already given gets `.n` added; counted by the whole id. */
function reference(statements: { prefix: string; line: number; part?: string }[]): string[] {
  const seen = new Map<string, number>();
  return statements.map(({ prefix, line, part }) => {
    const id = `${prefix}.${line}${part ? `.${part}` : ''}`;
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return n ? `${id}.${n + 1}` : id;
  });
}

describe('StatementIds', () => {
  it('gives the ids of the whole-id count, whatever the prefixes, lines and parts (dotted company names included)', () => {
    const statement = fc.record({ prefix: fc.constantFrom('acme.page', 'acme.page.2', 'acme.page.2.1', 'a.b', 'a', 'b.c'), line: fc.integer({ min: 1, max: 4 }), part: fc.constantFrom(undefined, '', '1', '2', '1.2', '2.1', '12.3', '999.999', '1000.1', '0.1', '1.01', '1.2.3', '01', '999999', '1000000', '10', '1.', '.1', '1..2', '1a', ' 1', '1.2 ', '１', 'a.b', '3.0', '100.999') });
    fc.assert(fc.property(fc.array(statement, { maxLength: 40 }), fc.boolean(), (statements, dotted) => {
      const list = dotted ? statements : statements.filter((s) => s.prefix === 'acme.page' || s.prefix === 'b.c');
      const ids = new StatementIds(list.map((s) => s.prefix));
      const counters = new Map<string, (line: number, part?: string) => string>();
      const got = list.map((s) => {
        if (!counters.has(s.prefix)) counters.set(s.prefix, ids.of(s.prefix));
        return counters.get(s.prefix)!(s.line, s.part);
      });
      expect(got).toEqual(reference(list));
    }), { numRuns: 2000 });
  });

  it('gives the same ids for long runs in line order, then lines again from the start (a second file of one stem)', () => {
    const list = [1, 2].flatMap(() => Array.from({ length: 300 }, (_, i) => [
      { prefix: 'acme.grid', line: i + 1, part: '1.1' }, { prefix: 'acme.grid', line: i + 1, part: '2.1' }, { prefix: 'acme.grid', line: i + 1, part: '2.2' },
      { prefix: 'acme.grid', line: i + 1, part: '3' }, { prefix: 'acme.grid', line: i + 1 },
    ]).flat());
    const of = new StatementIds(['acme.grid']).of('acme.grid');
    expect(list.map((s) => of(s.line, s.part))).toEqual(reference(list));
  });

  it('numbers the statements of two files of one stem apart', () => {
    const set = ingestFiles([
      { path: 'ladders/acme/l3.md', content: '# L3: Engineer\n## Craft\n- I build.\n' },
      { path: 'ladders/acme/l3.txt', content: '# L3: Engineer\n## Craft\n- I build.\n' },
    ]);
    expect(set.statements.map((s) => s.id)).toEqual(['acme.l3.3', 'acme.l3.3.2']);
  });
});
