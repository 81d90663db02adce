import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

/** A small data folder with two companies of our own making. */
function otherData(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladders-analyses-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  write('ladders/acme/e3.md', '# E3: Junior Software Engineer\n\n- Fixes small, well-defined bugs with close supervision.\n- Learns the code review practices with assistance.\n');
  write('ladders/acme/e5.md', '# E5: Staff Engineer\n\n- Leads cross-team projects across several teams.\n- Sets the roadmap for the next year.\n');
  write('ladders/globex/g2.md', '# G2: Engineer\n\n- Works independently on medium projects within their own team.\n');
  return dir;
}

describe('analysis commands', () => {
  it('levels --json gives company, level, title, position, low, high and evidence per level', async () => {
    const { code, out } = await run('levels', '--json');
    expect(code).toBe(0);
    const levels = JSON.parse(out);
    // Bundled: Dropbox IC2–IC6, Octopus 9 pages on three tracks (L3 engineer twice, as variants), Teleport 1–6.
    expect(levels).toHaveLength(20);
    for (const l of levels) expect(l).toMatchObject({ company: expect.any(String), level: expect.any(String), title: expect.any(String), position: expect.any(Number), low: expect.any(Number), high: expect.any(Number), evidence: expect.any(Array) });
  }, 30_000);

  it('map teleport:1 --to dropbox --json says below', async () => {
    const { code, out } = await run('map', 'teleport:1', '--to', 'dropbox', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.targets).toHaveLength(1);
    // With Dropbox IC2–IC6 bundled (not only IC6), the nearest Dropbox level is IC2, and Teleport 1 is still below it.
    expect(r.targets[0]).toMatchObject({ company: 'dropbox', relation: 'below', best: { level: 'IC2' } });
  }, 30_000);

  it('map prints plain words by default and maps pasted text', async () => {
    // octopus:L4 names two tracks (Security Engineer, Security Analyst): the error says which references pick one,
    // and company:track:level (track by slug or a unique prefix) or the full key does.
    const ambiguous = await run('map', 'octopus:L4');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toMatch(/matches 2 levels.*try: octopus:security-analyst:L4, octopus:security-engineer:L4/);
    const human = await run('map', 'octopus|Security Engineer|L4');
    expect(human.out).toMatch(/→ Teleport/);
    const byTrack = await run('map', 'octopus:engineer:L4', '--json');
    expect(JSON.parse(byTrack.out).source.key).toBe('octopus|Security Engineer|L4');
    const analyst = await run('map', 'octopus:analyst:L3', '--json');
    expect(JSON.parse(analyst.out).source.key).toBe('octopus|Security Analyst|L3');
    const vague = await run('map', 'octopus:security:L3');
    expect(vague.err).toMatch(/"security" matches several tracks of octopus.*its tracks are management, security-analyst, security-engineer/);
    const text = await run('map', '--text', 'Owns company-wide multi-year security strategy.', '--json');
    expect(JSON.parse(text.out).source.position).toBeGreaterThan(5);
  }, 30_000);

  it('coverage --csv has one row per level × competency', async () => {
    const { code, out } = await run('coverage', '--csv');
    expect(code).toBe(0);
    const lines = out.trim().split(/\r?\n/);
    expect(lines[0]).toBe('company,track,level,competency,count,mentions,inherited,inheritedFrom,weight,share,statementIds,passingIds');
    expect(lines).toHaveLength(1 + 20 * 16);
  }, 30_000);

  it('gaps [company] --json and diverge --json and diff', async () => {
    const g = JSON.parse((await run('gaps', 'octopus', '--json')).out);
    expect(g.every((f: { company: string }) => f.company === 'octopus')).toBe(true);
    const d = JSON.parse((await run('diverge', '--json')).out);
    expect(d).toHaveLength(16);
    const diff = await run('diff', 'octopus|Security Engineer|L2', 'octopus|Security Analyst|L3', '--json');
    expect(JSON.parse(diff.out).from.label).toBe('octopus:security-engineer:L2');
    expect(JSON.parse((await run('diff', 'octopus:engineer:L2', 'octopus:analyst:L3', '--json')).out).to.label).toBe('octopus:security-analyst:L3');
    const ladder = JSON.parse((await run('diff', 'teleport', '--json')).out);
    expect(ladder.map((d: { to: { label: string } }) => d.to.label)).toEqual(['teleport:2', 'teleport:3', 'teleport:4', 'teleport:5', 'teleport:6']);
  }, 60_000);

  it('works on another --data folder', async () => {
    const dir = otherData();
    const levels = JSON.parse((await run('levels', '--json', '--data', dir)).out);
    expect(levels.map((l: { key: string }) => l.key.split('|')[0])).toEqual(['acme', 'acme', 'globex']);
    const map = JSON.parse((await run('map', 'acme:E3', '--data', dir, '--json')).out);
    expect(map.targets[0]).toMatchObject({ company: 'globex', relation: 'below' });
    const gaps = JSON.parse((await run('gaps', '--json', '--data', dir)).out);
    expect(gaps.some((f: { type: string; level: string }) => f.type === 'missing-level' && f.level === 'E4')).toBe(true);
  }, 30_000);

  it('exits 2 on usage errors', async () => {
    expect((await run('map')).code).toBe(2);
    expect((await run('map', 'teleport:9')).code).toBe(2);
    expect((await run('diff', 'octopus:L2')).code).toBe(2);
    expect((await run('gaps', 'nobody')).code).toBe(2);
  }, 30_000);
});
