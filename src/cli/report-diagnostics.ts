import type { Diagnostic } from '../types.ts';
import type { Io } from './command.ts';

/** Prints diagnostics to stderr as `file:line: severity: message`; returns 1 when there were any problems. */
export function reportDiagnostics(diagnostics: Diagnostic[], io: Io): number {
  for (const d of diagnostics) io.err(`${d.file}${d.at ? `:${d.at}` : d.line ? `:${d.line}` : ''}: ${d.severity}: ${d.message}`);
  return diagnostics.length ? 1 : 0;
}

/** For analysis commands: ingest errors on stderr and exit code 1; warnings summed up in one line. */
export function reportInputProblems(diagnostics: Diagnostic[], io: Io): number {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  reportDiagnostics(errors, io);
  const warnings = diagnostics.length - errors.length;
  if (warnings) io.err(`(${warnings} ingest warning${warnings > 1 ? 's' : ''}; see \`ladders ingest\`)`);
  return errors.length ? 1 : 0;
}
