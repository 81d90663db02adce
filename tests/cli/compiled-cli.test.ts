import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module (it runs before any TypeScript can), no declarations
import { compiledCli, runCompiled } from '../../src/cli/compiled-cli.mjs';

/** A package of the CLI's shape in a temporary folder: src/cli/main.ts importing a helper and a data file. */
const made: string[] = [];
afterAll(() => {
  for (const root of made) fs.rmSync(root, { recursive: true, force: true });
});
function tinyPackage(answer: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-compiled-'));
  made.push(root);
  fs.mkdirSync(path.join(root, 'src', 'cli'), { recursive: true });
  fs.mkdirSync(path.join(root, 'data'));
  fs.writeFileSync(path.join(root, 'data', 'rules.json'), '{"unit": "levels"}');
  fs.writeFileSync(path.join(root, 'src', 'answer.ts'), `export const answer: string = ${JSON.stringify(answer)};\n`);
  fs.writeFileSync(path.join(root, 'src', 'cli', 'main.ts'), "import { answer } from '../answer.ts';\nimport rules from '../../data/rules.json';\nexport const main = async (): Promise<string> => `${answer} ${rules.unit}`;\n");
  return root;
}
const cached = (root: string) => fs.readdirSync(path.join(root, 'node_modules', '.cache', 'ladder-atlas'));

describe('the compiled CLI', () => {
  it('is built once, reused while the sources are unchanged, and rebuilt (the old build removed) when one changes', async () => {
    const root = tinyPackage('four');
    const first: string = await compiledCli(root);
    expect(await (await import(first)).main()).toBe('four levels');
    expect(await compiledCli(root)).toBe(first);
    expect(cached(root)).toEqual([path.basename(new URL(first).pathname)]);
    runCompiled(first, 'answer').save(); // a code cache of the first build, removed with it

    fs.writeFileSync(path.join(root, 'src', 'answer.ts'), 'export const answer: string = "five";\n');
    fs.utimesSync(path.join(root, 'src', 'answer.ts'), new Date(), new Date(Date.now() + 5000));
    const second: string = await compiledCli(root);
    expect(second).not.toBe(first);
    expect(await (await import(second)).main()).toBe('five levels');
    expect(cached(root)).toEqual([path.basename(new URL(second).pathname)]);

    fs.writeFileSync(path.join(root, 'data', 'rules.json'), '{"unit": "steps"}');
    fs.utimesSync(path.join(root, 'data', 'rules.json'), new Date(), new Date(Date.now() + 10000));
    expect(await (await import(await compiledCli(root))).main()).toBe('five steps');
  }, 30_000);

  it('is not used when LADDER_ATLAS_COMPILE=0, or when the sources cannot be compiled', async () => {
    const root = tinyPackage('x');
    process.env.LADDER_ATLAS_COMPILE = '0';
    try {
      expect(await compiledCli(root)).toBeUndefined();
    } finally {
      delete process.env.LADDER_ATLAS_COMPILE;
    }
    fs.writeFileSync(path.join(root, 'src', 'answer.ts'), 'export const answer = (;\n');
    expect(await compiledCli(root)).toBeUndefined();
  }, 30_000);

  it('runs with the code cache of what the same command compiled before, and compiles again when V8 refuses it', async () => {
    const root = tinyPackage('six');
    const url: string = await compiledCli(root);
    const cacheFile = new URL(url).pathname.replace(/\.cjs$/, '.answer.v8cache');
    // Each start in a process of its own (V8 keeps what one process compiled, cache or none).
    const start = (command: string) => {
      const script = `import { runCompiled } from ${JSON.stringify(new URL('../../src/cli/compiled-cli.mjs', import.meta.url).href)};
const cli = runCompiled(${JSON.stringify(url)}, ${JSON.stringify(command)});
console.log(cli.cached, await cli.exports.main());
cli.save();`;
      return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim();
    };
    expect(start('answer')).toBe('false six levels');
    expect(fs.statSync(cacheFile).size).toBeGreaterThan(0);
    expect(start('answer')).toBe('true six levels');
    // Damaged (or written by another Node): refused, the file compiled from its source, and the cache written anew.
    fs.writeFileSync(cacheFile, Buffer.alloc(64, 7));
    expect(start('answer')).toBe('false six levels');
    expect(start('answer')).toBe('true six levels');
    // A command name that is no plain word keeps no cache (it would name a file).
    expect(start('../x')).toBe('false six levels');
    expect(cached(root).filter((f) => f.endsWith('.v8cache'))).toEqual([path.basename(cacheFile)]);
  }, 30_000);

  it('writes the cache again after a long run that compiled more than it held, and only then', async () => {
    const root = tinyPackage('seven');
    // `more` runs code `main` never does: a start that calls it compiles more than one that does not.
    const body = Array.from({ length: 40 }, (_, i) => `const f${i} = (x: number): number => (x * ${i + 3}) % 97 + [x, ${i}].reduce((a, b) => a + b, 0);`).join('\n');
    fs.writeFileSync(
      path.join(root, 'src', 'cli', 'main.ts'),
      `export const main = async (): Promise<string> => 'seven';\nexport const more = (): number => {\n${body}\nreturn ${Array.from({ length: 40 }, (_, i) => `f${i}(${i})`).join(' + ')};\n};\n`,
    );
    const url: string = await compiledCli(root);
    const cacheFile = new URL(url).pathname.replace(/\.cjs$/, '.answer.v8cache');
    const start = (call: string, refreshAfter: number) => {
      const script = `import { runCompiled } from ${JSON.stringify(new URL('../../src/cli/compiled-cli.mjs', import.meta.url).href)};
const cli = runCompiled(${JSON.stringify(url)}, 'answer');
${call};
cli.save({ refreshAfter: ${refreshAfter} });`;
      execFileSync(process.execPath, ['--input-type=module', '-e', script]);
      return fs.readFileSync(cacheFile);
    };
    const first = start('await cli.exports.main()', 0);
    // A short run (under refreshAfter) keeps the cache it was given, whatever it compiled.
    expect(start('cli.exports.more()', 60_000).equals(first)).toBe(true);
    // A long one that compiled more writes it again, larger; one that compiled nothing new leaves that.
    const second = start('cli.exports.more()', 0);
    expect(second.length).toBeGreaterThan(first.length * 1.05);
    expect(start('await cli.exports.main()', 0).equals(second)).toBe(true);
  }, 30_000);

  it('gives the same output as the sources run through tsx', () => {
    const run = (compile: string) => execFileSync('node', ['src/cli/bin.mjs', 'levels', '--csv'], { encoding: 'utf8', env: { ...process.env, LADDER_ATLAS_COMPILE: compile } });
    const compiled = run('1');
    expect(compiled).toMatch(/^key,company,track,level/);
    expect(compiled).toBe(run('0'));
    expect(fs.readdirSync('node_modules/.cache/ladder-atlas').some((f) => /^cli-[0-9a-f]{16}\.cjs$/.test(f))).toBe(true);
  }, 60_000);

  it('keeps the packages imported only when needed out of the file every command reads, and loads them when needed', () => {
    const cache = 'node_modules/.cache/ladder-atlas';
    const cli = fs.readdirSync(cache).find((f) => /^cli-[0-9a-f]{16}\.cjs$/.test(f))!;
    expect(fs.statSync(path.join(cache, cli)).size).toBeLessThan(1.5e6);
    // The workbook reader (about 1 MB) is a file of its own; a workbook among the ladder files loads it.
    expect(fs.existsSync(path.join(cache, cli.replace(/\.cjs$/, '.lazy-e965-xlsx.cjs')))).toBe(true);
    const run = spawnSync('node', ['src/cli/bin.mjs', 'ingest', '--company', 'Sheet Co', 'tests/fixtures/office/kestrel-security-grid.xlsx'], { encoding: 'utf8', env: { ...process.env, LADDER_ATLAS_COMPILE: '1' } });
    expect(run.stdout).toMatch(/statements\s+19 /);
    expect(run.stderr).toMatch(/^kestrel-security-grid\.xlsx:Notes!1: warning: /);
    expect(fs.existsSync(path.join(cache, cli.replace(/\.cjs$/, '.ingest.v8cache')))).toBe(true);
  }, 60_000);
});
