import fs from 'node:fs';
import { sourceLabel, toCsv } from '../../format/index.ts';
import type { ClassifiedStatement } from '../../types.ts';
import { type Command, parseArgs, UsageError } from '../command.ts';
import { writeJsonRows } from '../json-rows.ts';
import { DATA_OPTIONS, loadAtlas } from '../load-atlas.ts';
import { oneLine, reportDiagnostics } from '../report-diagnostics.ts';

const cueList = (s: ClassifiedStatement) => (s.why?.cues ?? []).map((c) => `${c.competency}:${c.cue}`);
const cues = (s: ClassifiedStatement) => cueList(s).join('; ');

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
  ['at', (s) => s.source.at ?? ''],
];

/** The same columns for Arrow, with native types: lists as lists, full-precision numbers, null where absent. */
const ARROW_VALUES: Record<string, (s: ClassifiedStatement) => unknown> = {
  variant: (s) => s.variant ?? null,
  flags: (s) => s.flags,
  competency: (s) => s.competency ?? null,
  confidence: (s) => s.confidence ?? null,
  cues: cueList,
  prior: (s) => s.why?.prior?.competencies.map((c) => c.id) ?? [],
  override: (s) => s.why?.override?.comment ?? null,
  at: (s) => s.source.at ?? null,
};
export const ARROW_COLUMNS = STATEMENT_COLUMNS.map(([name, get]) => [name, ARROW_VALUES[name] ?? get] as const);

export const command: Command = {
  name: 'statements',
  summary: 'print every statement (text, or --json / --csv / --arrow FILE|-)',
  usage: 'ladders statements [--json | --csv | --arrow FILE|-] [--data DIR] [--taxonomy FILE] [--priors FILE] [--overrides FILE] [--model FILE|none] [--company NAME FILE…]',
  async run(args, io) {
    const parsed = parseArgs(args, ['json', 'csv'], [...DATA_OPTIONS, 'company', 'track', 'arrow']);
    const { json, csv, arrow } = parsed.flags;
    if ([json, csv, arrow].filter(Boolean).length > 1) throw new UsageError('choose one of --json, --csv and --arrow');
    if (arrow === '-' && !io.outBytes) throw new UsageError('--arrow - needs a binary standard output; give a file name');
    const input = await loadAtlas(parsed, { looseFiles: true });
    const rows = input.statements;
    for (const w of input.warnings) io.err(w);
    if (json) writeJsonRows(io, rows);
    else if (csv) io.out(toCsv(rows, STATEMENT_COLUMNS));
    else if (typeof arrow === 'string') {
      const { toArrow } = await import('../../format/arrow.ts');
      const bytes = toArrow(rows, ARROW_COLUMNS);
      if (arrow === '-') io.outBytes!(bytes);
      else fs.writeFileSync(arrow, bytes);
    } else {
      for (const s of rows) {
        const flags = s.flags.length ? ` [${s.flags.join(', ')}]` : '';
        const comp = s.competency ? `\t→ ${s.competency}${s.why?.override ? ' (override)' : ''} ${s.confidence?.toFixed(2)}${cues(s) ? ` (${cues(s)})` : ''}` : '';
        io.out(`${oneLine(sourceLabel(s.source))}\t${s.company} ${s.level}\t${s.section || '—'}\t${s.kind}${flags}\t${s.text}${comp}`);
      }
    }
    return reportDiagnostics(input.set.diagnostics, io);
  },
};
