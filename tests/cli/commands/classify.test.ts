import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ladders classify', () => {
  it('--text prints the primary, the scores and the why', async () => {
    const r = await run('classify', '--text', 'Mentors interns and reviews RFDs for security concerns', '--section', 'Communication/Writing');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^primary: mentoring {2}confidence 0\.\d\d/);
    expect(r.out).toContain('"interns" → mentoring (+3)');
    expect(r.out).toContain('"rfd" → risk (+2)');
    expect(r.out).toContain('section prior (Communication/Writing): communication 100%');
  });

  it('--text --json gives the classification as data', async () => {
    const r = await run('classify', '--text', 'Interviews candidates', '--json');
    const parsed = JSON.parse(r.out);
    expect(parsed).toMatchObject({ text: 'Interviews candidates', competency: 'hiring', competencies: [{ id: 'hiring' }] });
    expect(parsed.competencies[0].score).toBeGreaterThan(0.9);
    expect(parsed.why.cues.map((h: { cue: string }) => h.cue).sort()).toEqual(['candidates', 'interview']);
    // the trained model's reasons: the lexicon's part and the words, each with its weight
    expect(parsed.why.features).toContainEqual(expect.objectContaining({ competency: 'hiring', feature: 'cues' }));
    expect(parsed.why.features.some((f: { feature: string }) => f.feature.startsWith('w:') || f.feature.startsWith('v:'))).toBe(true);
  });

  it('--model none classifies with the cue lexicon and section priors alone', async () => {
    const r = await run('classify', '--text', 'Interviews candidates', '--json', '--model', 'none');
    const parsed = JSON.parse(r.out);
    expect(parsed.competencies).toEqual([{ id: 'hiring', score: 1 }]);
    expect(parsed.why.features).toBeUndefined();
  });

  it('without --text classifies every statement of the data, --json carrying the new fields', async () => {
    const r = await run('classify', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out);
    const chain = rows.find((s: { text: string }) => s.text.startsWith('Able to chain attacks'));
    expect(chain).toMatchObject({ company: 'teleport', kind: 'expectation', competency: 'threat' });
    expect(rows.find((s: { kind: string }) => s.kind === 'attribute').competency).toBeUndefined();
  });

  it('--json of every statement is written as it is classified (many writes, never one string), the rows statements --json prints', async () => {
    const writes: string[] = [];
    const code = await main(['classify', '--json'], { out: (t) => writes.push(t), err: () => {} });
    expect(code).toBe(0);
    const statements: string[] = [];
    await main(['statements', '--json'], { out: (t) => statements.push(t), err: () => {} });
    expect(writes.length).toBeGreaterThan(3);
    expect(writes.join('')).toBe(statements.join(''));
    expect(JSON.parse(writes.join('')).length).toBeGreaterThanOrEqual(235);
  });

  it('a swapped-in taxonomy file drives the placement; a broken one fails naming the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladders-taxonomy-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ groups: [{ id: 'g', label: 'G' }], competencies: [{ id: 'talk', label: 'Talk', group: 'g', definition: 'd', description: 'd', cues: { interview: 2 } }] }));
    const ok = await run('classify', '--text', 'Interviews candidates', '--taxonomy', good, '--json');
    expect(JSON.parse(ok.out).competency).toBe('talk');
    expect(ok.err).toContain('prior weight(s) name competencies not in');

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ groups: [{ id: 'g', label: 'G' }], competencies: [{ id: 'talk', label: 'Talk', group: 'gg', definition: 'd', description: 'd', cues: { interview: 2 } }] }));
    const bad = await run('classify', '--text', 'x', '--taxonomy', broken);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`${broken}: competencies[0] ("talk"): "group" "gg" is not one of the groups (g)`);
  });

  it('rejects --text without a value', async () => {
    expect((await run('classify', '--text')).code).toBe(2);
  });
});
