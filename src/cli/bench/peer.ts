/**
 * The pandas + scikit-learn peer (peer.py beside this file) as `npm run bench -- --peer` runs it: the same
 * corpus folders, the same output-to-a-file timing and peak RSS as the CLI's whole-process runs, and its stage times
 * in one process. Only a yardstick: nothing in the product or the tests needs Python.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type ProcessRun, timedRun } from './whole-process.ts';

const SCRIPT = fileURLToPath(new URL('./peer.py', import.meta.url));

/** How to get a Python that runs the peer, for the line printed when none does. */
export const PEER_NEEDS = 'a python3 with pandas and scikit-learn (Debian: apt-get install python3-pandas python3-sklearn; or --python PATH)';

/** The first of `candidates` that imports pandas and scikit-learn, or undefined. */
export function peerPython(candidates: readonly string[] = ['python3', '/usr/bin/python3']): string | undefined {
  return candidates.find((python) => spawnSync(python, ['-c', 'import pandas, sklearn, scipy'], { stdio: 'ignore' }).status === 0);
}

/** `peer.py statements|levels DIR` with its stdout to a file: wall time, peak RSS (written by the peer at exit), output size. */
export function runPeer(python: string, mode: 'statements' | 'levels', dir: string, work: string): ProcessRun {
  return timedRun(python, [SCRIPT, mode, dir], { work, name: 'peer' });
}

/** The peer's stages in one process (`peer.py stages DIR`): milliseconds by stage, and what it read. */
export interface PeerStages {
  statements: number;
  levels: number;
  ms: Record<string, number>;
}

export function peerStages(python: string, dir: string): PeerStages | undefined {
  const r = spawnSync(python, [SCRIPT, 'stages', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 20 });
  if (r.status !== 0) return undefined;
  const { statements, levels, seconds } = JSON.parse(r.stdout) as { statements: number; levels: number; seconds: Record<string, number> };
  return { statements, levels, ms: Object.fromEntries(Object.entries(seconds).map(([stage, s]) => [stage, s * 1000])) };
}
