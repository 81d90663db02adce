import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/index.ts';

const good = { path: 'ladders/acme/l2.md', content: '# L2: Engineer\n\n## Craft\n- I build.\n' };

function withBad(path: string, content: string | Uint8Array) {
  const set = ingestFiles([{ path, content }, good]);
  expect(set.statements.filter((s) => s.source.file === good.path).map((s) => s.text), 'the good file still loads').toEqual(['I build.']);
  return set.diagnostics.filter((d) => d.file === path);
}

describe('bad input', () => {
  it('an empty file', () => {
    expect(withBad('ladders/acme/empty.md', '')).toMatchObject([{ severity: 'error', line: 1, message: 'file is empty' }]);
    expect(withBad('ladders/acme/blank.md', '  \n\t\n')).toMatchObject([{ message: 'file is empty' }]);
  });

  it('a binary file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    const [d] = withBad('ladders/acme/logo.png', png);
    expect(d).toMatchObject({ severity: 'error', line: 3 });
    expect(d.message).toMatch(/binary content/);
  });

  it('a file that is not UTF-8 is read as Windows-1252 with a warning naming the line', () => {
    const bytes = new TextEncoder().encode('# L3: Senior\n\n## Craft\n- I lead caf_ meetings.\n');
    bytes[bytes.indexOf(0x5f)] = 0xe9;
    const set = ingestFiles([{ path: 'ladders/acme/latin1.md', content: bytes }]);
    expect(set.diagnostics).toMatchObject([{ severity: 'warning', file: 'ladders/acme/latin1.md', line: 4 }]);
    expect(set.diagnostics[0].message).toMatch(/not valid UTF-8/);
    expect(set.statements.map((s) => s.text)).toEqual(['I lead café meetings.']);
  });

  it('a ragged grid', () => {
    const ds = withBad('ladders/acme/grid.tsv', 'Level\tA\tB\n1\tx\n2\ty\tz\tw\n');
    expect(ds.map((d) => d.line)).toEqual([2, 3]);
  });

  it('a Markdown file with no level title', () => {
    const [d] = withBad('ladders/acme/about.md', '# About our ladder\n\nSome words.\n');
    expect(d.message).toMatch(/no level in the title "About our ladder"/);
  });

  it('a 20 MB file', () => {
    const big = `# L9: Huge\n\n## X\n${'- I repeat myself.\n'.repeat(1_150_000)}`;
    const [d] = withBad('ladders/acme/huge.md', big);
    expect(d.severity).toBe('error');
    expect(d.message).toMatch(/^file is 20\.\d MB, over the 5\.0 MB limit/);
  });

  it('a file in an unknown shape', () => {
    const [d] = withBad('ladders/acme/poem.txt', 'roses are red\nviolets are blue\n');
    expect(d).toMatchObject({ severity: 'error', line: 1 });
    expect(d.message).toMatch(/shape not recognised/);
  });

  it('a file outside any company folder without a company', () => {
    const set = ingestFiles([{ path: 'loose.md', content: good.content }]);
    expect(set.statements).toEqual([]);
    expect(set.diagnostics[0].message).toMatch(/no company/);
  });

  it('a broken metadata file is reported and the company still loads', () => {
    const set = ingestFiles([{ path: 'ladders/acme/ladder.json', content: '{"name": ' }, good]);
    expect(set.diagnostics).toMatchObject([{ file: 'ladders/acme/ladder.json', severity: 'error' }]);
    expect(set.statements).toHaveLength(1);
  });

  it('licence, notice and read-me files beside the ladders are not read as ladders', () => {
    const set = ingestFiles(['LICENSE', 'LICENSE-octopus', 'NOTICE.txt', 'README.md', 'readme_fr.md'].map((name) => ({ path: `ladders/acme/${name}`, content: 'Apache License\nVersion 2.0\n' })).concat([good]));
    expect(set.diagnostics).toEqual([]);
    expect(set.files.map((f) => f.file)).toEqual([good.path]);
    const licensed = ingestFiles([{ path: 'ladders/acme/licensed-engineer.md', content: 'no title here\n' }]);
    expect(licensed.diagnostics).toHaveLength(1);
  });
});
