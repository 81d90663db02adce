import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromArrow } from 'arquero';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import type { ClassifiedStatement } from '../../../src/types.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const bytes: Uint8Array[] = [];
  /** Standard output as text, lines and bytes in the order written (JSON goes out as bytes). */
  let stdout = '';
  const code = await main(argv, { out: (t) => ((out += `${t}\n`), (stdout += `${t}\n`)), err: (t) => (err += `${t}\n`), outBytes: (b) => void (bytes.push(b), (stdout += Buffer.from(b).toString('utf8'))) });
  return { code, out, err, bytes, stdout };
}

/** What a statement row should read back as from the Arrow table. */
const expected = (s: ClassifiedStatement) => ({
  id: s.id, company: s.company, track: s.track, level: s.level, levelTitle: s.levelTitle, levelOrder: s.levelOrder,
  variant: s.variant ?? null, section: s.section, kind: s.kind, text: s.text, flags: s.flags,
  competency: s.competency ?? null, confidence: s.confidence ?? null,
  cues: (s.why?.cues ?? []).map((c) => `${c.competency}:${c.cue}`),
  prior: s.why?.prior?.competencies.map((c) => c.id) ?? [], override: s.why?.override?.comment ?? null,
  file: s.source.file, line: s.source.line, at: s.source.at ?? null,
});

describe('ladders statements --arrow', () => {
  it('writes the statement table as Arrow IPC that reads back row for row, with typed columns', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ladders-arrow-')), 'statements.arrow');
    const written = await run('statements', '--arrow', file);
    expect(written.code).toBe(0);
    expect(written.out).toBe('');
    const rows: ClassifiedStatement[] = JSON.parse((await run('statements', '--json')).stdout);
    const table = fromArrow(fs.readFileSync(file));
    expect(table.columnNames()).toEqual(Object.keys(expected(rows[0])));
    const back = (table.objects() as Record<string, unknown>[]).map((r): Record<string, unknown> => ({ ...r, flags: [...(r.flags as string[])], cues: [...(r.cues as string[])], prior: [...(r.prior as string[])] }));
    expect(back).toEqual(rows.map(expected));
    expect(back.some((r) => r.confidence === null) && back.some((r) => typeof r.confidence === 'number')).toBe(true);
  }, 60_000);

  it('writes to standard output with -, and refuses a second output format', async () => {
    const piped = await run('statements', '--arrow', '-');
    expect(piped.code).toBe(0);
    expect(fromArrow(piped.bytes[0]).numRows()).toBe(JSON.parse((await run('statements', '--json')).stdout).length);
    const both = await run('statements', '--arrow', '-', '--csv');
    expect(both.code).toBe(2);
    expect(both.err).toContain('choose one of --json, --csv and --arrow');
    expect((await run('statements', '--arrow')).err).toContain('--arrow needs a value');
  }, 60_000);
});
