import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedFiles, writeFiles } from '../../../src/cli/bench/corpus.ts';
import { peerPython, peerStages, runPeer } from '../../../src/cli/bench/peer.ts';
import { BUNDLED_DATA, readLadderFiles } from '../../../src/cli/load-data-dir.ts';

const work = () => fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-peer-'));

/** A stand-in interpreter: `-c …` exits with `probe`; a script run prints `stdout`, writes 2048 kB as its peak RSS, exits with `status`. */
function fakePython(dir: string, name: string, { probe = 0, stdout = '', status = 0 } = {}): string {
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    `#!/bin/sh\nif [ "$1" = "-c" ]; then exit ${probe}; fi\nprintf '%s' '${stdout}'\n[ -n "$ATLAS_BENCH_RSS" ] && printf 2048 > "$ATLAS_BENCH_RSS"\nexit ${status}\n`,
  );
  fs.chmodSync(file, 0o755);
  return file;
}

describe('the bench peer', () => {
  it('picks the first interpreter that imports its libraries, and none when none does', () => {
    const dir = work();
    const without = fakePython(dir, 'without', { probe: 1 });
    const with1 = fakePython(dir, 'with1');
    const with2 = fakePython(dir, 'with2');
    expect(peerPython([path.join(dir, 'missing'), without, with1, with2])).toBe(with1);
    expect(peerPython([path.join(dir, 'missing'), without])).toBeUndefined();
  });

  it('reads the stages it prints in seconds as milliseconds, and gives none when it fails', () => {
    const dir = work();
    const ok = fakePython(dir, 'ok', { stdout: '{"statements": 229, "levels": 10, "seconds": {"read": 0.5, "map": 0.25}}' });
    expect(peerStages(ok, dir)).toEqual({ statements: 229, levels: 10, ms: { read: 500, map: 250 } });
    expect(peerStages(fakePython(dir, 'bad', { stdout: '{}', status: 3 }), dir)).toBeUndefined();
  });

  it('times a whole run with its output in a file and the peak RSS it writes', () => {
    const dir = work();
    const run = runPeer(fakePython(dir, 'ok', { stdout: '[1,2,3]' }), 'statements', dir, dir);
    expect(run).toMatchObject({ exit: 0, bytes: 7, rssMB: 2 });
    expect(run.ms).toBeGreaterThan(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['ok', 'peer-rss']);
  });

  // Only where a python3 with pandas and scikit-learn is installed (not in CI): the real peer on the seeds.
  const python = peerPython();
  it.runIf(python)('reads the seeds as statements of their ten levels', () => {
    const dir = work();
    writeFiles(dir, seedFiles(readLadderFiles(BUNDLED_DATA)));
    const stages = peerStages(python!, dir)!;
    expect(stages.levels).toBe(10);
    expect(stages.statements).toBeGreaterThan(200);
    expect(Object.keys(stages.ms)).toEqual(['read', 'classify', 'coverage', 'place', 'map']);
  });
});
