import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { ingestFiles } from '../../src/ingest/index.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const HOSTILE = 'Fixes \u001b]0;PWNED\u0007findings \u001b[31mred\u001b[0m, \u001b]52;c;ZXZpbA==\u0007 clip, \u009b2J and \u202e reversed.';
/** Raw control characters a terminal would act on (tab, LF and CR LF are fine). */
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;
const FORGED = 'l3.md:1: error: forged';

/** A data folder whose ladder holds escape sequences and whose second file's name holds a newline and a fake diagnostic. */
function hostileFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladders-tty-'));
  const acme = path.join(dir, 'ladders', 'acme');
  fs.mkdirSync(acme, { recursive: true });
  const plain = Array.from({ length: 30 }, (_, i) => `- Fixes the findings assigned to them, number ${i + 1}.`).join('\n');
  fs.writeFileSync(path.join(acme, 'l3.md'), `# L3: Security Engineer\n\n## Craft\n${plain}\n- ${HOSTILE}\n`);
  fs.writeFileSync(path.join(acme, `x.md\n${FORGED}`), 'roses are red\n');
  return dir;
}

describe('terminal-safe output', () => {
  it('escapes ESC sequences (colour, OSC title, OSC 52 clipboard), C1 controls and bidi overrides in text output', async () => {
    const dir = hostileFolder();
    const { out, err } = await run('statements', '--data', dir);
    expect(out).not.toMatch(RAW);
    expect(err).not.toMatch(RAW);
    expect(out).toContain('Fixes \\u001b]0;PWNED\\u0007findings \\u001b[31mred\\u001b[0m, \\u001b]52;c;ZXZpbA==\\u0007 clip, \\u009b2J and \\u202e reversed.');
  });

  it('keeps JSON valid, its text unchanged once parsed, and CSV lines ending in CR LF', async () => {
    const dir = hostileFolder();
    const json = await run('statements', '--json', '--data', dir);
    expect(json.out).not.toMatch(RAW);
    expect((JSON.parse(json.out) as { text: string }[]).some((s) => s.text === HOSTILE)).toBe(true);
    const csv = await run('statements', '--csv', '--data', dir);
    expect(csv.out).not.toMatch(RAW);
    expect(csv.out.split('\r\n').length).toBeGreaterThan(30);
  });

  it('a file name holding a newline cannot forge a diagnostic line', async () => {
    const dir = hostileFolder();
    for (const args of [['ingest', '--report'], ['statements']]) {
      const { out, err } = await run(...args, '--data', dir);
      const lines = `${out}\n${err}`.split('\n');
      expect(lines.some((l) => l.startsWith(FORGED)), args.join(' ')).toBe(false);
      expect(err).toContain(`ladders/acme/x.md\\n${FORGED}:1: error: shape not recognised`);
    }
  });

  it('says where level labels that do not sort by number were placed (not "kept in the order read")', () => {
    const set = ingestFiles([{ path: 'ladders/acme/grid.csv', content: 'Level,Craft,Scope\nSenior,I lead.,Team\nJunior,I learn.,Tasks\nL2,I build.,Service\n' }]);
    const warning = set.diagnostics.find((d) => /do not sort by number/.test(d.message))!;
    expect(warning.message).toContain('(Senior, Junior, L2); placed lowest first as L2, Senior, Junior (numbered labels by their number, the others in the order their files were read)');
    expect(set.levels.map((l) => l.level)).toEqual(['L2', 'Senior', 'Junior']);
  });

  it('sorts the same under LANG=sv_SE and cs_CZ as in this process (the real binary)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladders-locale-'));
    // Swedish sorts ä after z and Czech ch after h (and ä before z): companies, tracks and labels a locale would reorder.
    const grids = [['zeta', 'Hardening', 'H 1,Ch 1,Ä 1'], ['zeta', 'Chapter', 'L1,L2'], ['ärende', 'Ops', 'Z1,Ä2']] as const;
    for (const [company, track, labels] of grids) {
      fs.mkdirSync(path.join(dir, 'ladders', company, track), { recursive: true });
      const rows = labels.split(',').map((l) => `${l},Works on ${l} things.,Owns ${l} scope.`);
      fs.writeFileSync(path.join(dir, 'ladders', company, track, 'grid.csv'), `Level,Craft,Scope\n${rows.join('\n')}\n`);
    }
    const outputs = [(await run('ingest', '--json', '--data', dir)).out.trimEnd(), ...['sv_SE.UTF-8', 'cs_CZ.UTF-8'].map((lang) => {
      const r = spawnSync('node', ['src/cli/bin.mjs', 'ingest', '--json', '--data', dir], { encoding: 'utf8', env: { ...process.env, LANG: lang, LC_ALL: lang } });
      return r.stdout.trimEnd();
    })];
    const levels = (JSON.parse(outputs[0]) as { levels: { company: string; companyName: string; track: string; level: string }[] }).levels;
    expect(levels.at(-1)?.companyName).toBe('Ärende');
    expect(levels.map((l) => `${l.company}/${l.track}/${l.level}`)).toEqual([
      'zeta/Chapter/L1', 'zeta/Chapter/L2', 'zeta/Hardening/Ch 1', 'zeta/Hardening/H 1', 'zeta/Hardening/Ä 1', 'ärende/Ops/Z1', 'ärende/Ops/Ä2',
    ]);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  }, 60_000);
});
