import type { Diagnostic } from '../types.ts';
import type { Io } from './command.ts';

/** Prints diagnostics to stderr as `file:line: severity: message`; returns 1 when there were any problems. */
export function reportDiagnostics(diagnostics: Diagnostic[], io: Io): number {
  for (const d of diagnostics) io.err(`${d.file}${d.line ? `:${d.line}` : ''}: ${d.severity}: ${d.message}`);
  return diagnostics.length ? 1 : 0;
}
