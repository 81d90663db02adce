import { toCsv } from '../../format/index.ts';
import type { Statement } from '../../types.ts';
import { type Command, parseArgs, UsageError } from '../command.ts';
import { loadInput } from '../load-input.ts';
import { reportDiagnostics } from '../report-diagnostics.ts';

export const STATEMENT_COLUMNS: [string, (s: Statement) => unknown][] = [
  ['id', (s) => s.id],
  ['company', (s) => s.company],
  ['track', (s) => s.track],
  ['level', (s) => s.level],
  ['levelTitle', (s) => s.levelTitle],
  ['levelOrder', (s) => s.levelOrder],
  ['variant', (s) => s.variant ?? ''],
  ['section', (s) => s.section],
  ['kind', (s) => s.kind],
  ['text', (s) => s.text],
  ['flags', (s) => s.flags.join(' ')],
  ['file', (s) => s.source.file],
  ['line', (s) => s.source.line],
];

export const command: Command = {
  name: 'statements',
  summary: 'print every statement (text, or --json / --csv)',
  usage: 'ladders statements [--json | --csv] [--data DIR] [--company NAME FILE…]',
  async run(args, io) {
    const parsed = parseArgs(args, ['json', 'csv'], ['data', 'company', 'track']);
    if (parsed.flags.json && parsed.flags.csv) throw new UsageError('choose one of --json and --csv');
    const set = loadInput(parsed, true);
    if (parsed.flags.json) io.out(`${JSON.stringify(set.statements, null, 2)}\n`);
    else if (parsed.flags.csv) io.out(toCsv(set.statements, STATEMENT_COLUMNS));
    else {
      for (const s of set.statements) {
        io.out(`${s.source.file}:${s.source.line}\t${s.company} ${s.level}\t${s.section || '—'}\t${s.kind}${s.flags.length ? ` [${s.flags.join(', ')}]` : ''}\t${s.text}`);
      }
    }
    return reportDiagnostics(set.diagnostics, io);
  },
};
