import { escapeControls } from '../text/index.ts';
import type { Diagnostic } from '../types.ts';
import type { Io } from './command.ts';

/** A value on a line of its own making: a file name holding a newline cannot start a forged diagnostic. */
export const oneLine = (text: string) => escapeControls(text, { oneLine: true });

/** Prints diagnostics to stderr as `file:line: severity: message`, one line each; returns 1 when there were any problems. */
export function reportDiagnostics(diagnostics: Diagnostic[], io: Io): number {
  for (const d of diagnostics) io.err(`${oneLine(d.file)}${d.at ? `:${oneLine(d.at)}` : d.line ? `:${d.line}` : ''}: ${d.severity}: ${oneLine(d.message)}`);
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
