import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorsOf, isExternal, linksOf, slug } from './markdown-links.ts';

/** The README and every page in docs/: the documentation a reader follows from the README. */
const PAGES = ['README.md', ...fs.readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Problems with one page's relative links: a target that does not exist, an anchor no heading of the target has. */
interface Files {
  exists(file: string): boolean;
  /** A file's text, or null when it is not a file. */
  read(file: string): string | null;
}

function brokenLinks(page: string, { exists, read }: Files): string[] {
  const problems: string[] = [];
  for (const { line, target } of linksOf(read(page) ?? '')) {
    if (isExternal(target)) continue;
    const [file, anchor] = target.split('#', 2) as [string, string | undefined];
    const resolved = file ? path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURI(file))) : page;
    if (!exists(resolved)) {
      problems.push(`${page}:${line}: ${target}: no such file`);
      continue;
    }
    if (anchor === undefined) continue;
    const text = resolved.endsWith('.md') ? read(resolved) : null;
    if (text === null) problems.push(`${page}:${line}: ${target}: an anchor into a file that has no headings`);
    else if (!anchorsOf(text).has(decodeURIComponent(anchor))) problems.push(`${page}:${line}: ${target}: no heading with that anchor`);
  }
  return problems;
}

/** The repository's files (a link to a folder is fine: GitHub lists it). */
const REPO: Files = {
  exists: (file) => fs.existsSync(file),
  read: (file) => (fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : null),
};

describe('the README and docs/', () => {
  it('link only to files that exist and to headings that are there', () => {
    expect(PAGES).toContain('docs/cli.md');
    expect(PAGES.flatMap((p) => brokenLinks(p, REPO))).toEqual([]);
  });

  it('link every page of docs/ from the README', () => {
    const linked = new Set(linksOf(fs.readFileSync('README.md', 'utf8')).map((l) => l.target.split('#')[0]));
    expect(PAGES.filter((p) => p !== 'README.md' && !linked.has(p))).toEqual([]);
  });
});

describe('the link check', () => {
  const pages: Record<string, string> = {
    'README.md': [
      '# Title',
      'See [how](docs/how.md#the-atlas-entry-point), [gone](docs/gone.md), [bad anchor](docs/how.md#nowhere),',
      '[here](#title), ![shot](docs/shot.png) and [a site](https://example.com/x.md#y).',
      '```',
      '[in code](docs/not-checked.md)',
      '```',
      'Inline `[code](docs/also-not.md)` is not a link.',
    ].join('\n'),
    'docs/how.md': '# How\n\n## The `atlas()` entry point\n\n```sh\n# not a heading\n```\n',
    'docs/shot.png': 'png',
  };
  const files: Files = { exists: (file) => file in pages, read: (file) => pages[file] ?? null };

  it('names each broken link with its page and line, and passes the rest', () => {
    expect(brokenLinks('README.md', files)).toEqual([
      'README.md:2: docs/gone.md: no such file',
      'README.md:2: docs/how.md#nowhere: no heading with that anchor',
    ]);
  });

  it('makes anchors as GitHub does: code marks and punctuation dropped, spaces as hyphens, repeats numbered', () => {
    expect(slug('`data/taxonomy.json`')).toBe('datataxonomyjson');
    expect(slug('Data files and `--data`')).toBe('data-files-and---data');
    expect(slug('5. How well it works — measured')).toBe('5-how-well-it-works--measured');
    expect([...anchorsOf('# A\n## Notes\n### Notes\n```\n# Notes\n```\n')]).toEqual(['a', 'notes', 'notes-1']);
  });
});
