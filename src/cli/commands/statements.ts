import { toCsv } from '../../format/index.ts';
import { classifyAll } from '../../taxonomy/index.ts';
import type { ClassifiedStatement } from '../../types.ts';
import { type Command, parseArgs, UsageError } from '../command.ts';
import { loadInput } from '../load-input.ts';
import { loadTaxonomyFiles, taxonomyPathsFromFlags } from '../load-taxonomy-files.ts';
import { reportDiagnostics } from '../report-diagnostics.ts';

const cues = (s: ClassifiedStatement) => (s.why?.cues ?? []).map((c) => `${c.competency}:${c.cue}`).join('; ');

export const STATEMENT_COLUMNS: [string, (s: ClassifiedStatement) => unknown][] = [
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
  ['competency', (s) => s.competency ?? ''],
  ['confidence', (s) => (s.confidence === undefined ? '' : s.confidence.toFixed(2))],
  ['cues', cues],
  ['prior', (s) => s.why?.prior?.competencies.map((c) => c.id).join(' ') ?? ''],
  ['override', (s) => s.why?.override?.comment ?? ''],
  ['file', (s) => s.source.file],
  ['line', (s) => s.source.line],
];

export const command: Command = {
  name: 'statements',
  summary: 'print every statement (text, or --json / --csv)',
  usage: 'ladders statements [--json | --csv] [--data DIR] [--taxonomy FILE] [--priors FILE] [--overrides FILE] [--company NAME FILE…]',
  async run(args, io) {
    const parsed = parseArgs(args, ['json', 'csv'], ['data', 'company', 'track', 'taxonomy', 'priors', 'overrides']);
    if (parsed.flags.json && parsed.flags.csv) throw new UsageError('choose one of --json and --csv');
    const set = loadInput(parsed, true);
    const { taxonomy, priors, overrides, warnings } = loadTaxonomyFiles(taxonomyPathsFromFlags(parsed.flags));
    for (const w of warnings) io.err(w);
    const rows = classifyAll(set.statements, { taxonomy, priors, overrides });
    if (parsed.flags.json) io.out(`${JSON.stringify(rows, null, 2)}\n`);
    else if (parsed.flags.csv) io.out(toCsv(rows, STATEMENT_COLUMNS));
    else {
      for (const s of rows) {
        const flags = s.flags.length ? ` [${s.flags.join(', ')}]` : '';
        const comp = s.competency ? `\t→ ${s.competency}${s.why?.override ? ' (override)' : ''} ${s.confidence?.toFixed(2)}${cues(s) ? ` (${cues(s)})` : ''}` : '';
        io.out(`${s.source.file}:${s.source.line}\t${s.company} ${s.level}\t${s.section || '—'}\t${s.kind}${flags}\t${s.text}${comp}`);
      }
    }
    return reportDiagnostics(set.diagnostics, io);
  },
};
