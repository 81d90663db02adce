import type { LadderSet } from '../types.ts';
import { type ParsedArgs, UsageError } from './command.ts';
import { loadDataDir, loadLooseFiles } from './load-data-dir.ts';

/** The ladders a command works on: `--data DIR`, or loose files with `--company`, or the bundled data. */
export function loadInput(parsed: ParsedArgs, allowFiles = false): LadderSet {
  const { flags, positional } = parsed;
  if (allowFiles && positional.length) {
    if (typeof flags.company !== 'string') throw new UsageError('name the company of loose files with --company NAME');
    return loadLooseFiles(positional, flags.company, typeof flags.track === 'string' ? flags.track : undefined);
  }
  return loadDataDir(typeof flags.data === 'string' ? flags.data : undefined);
}
