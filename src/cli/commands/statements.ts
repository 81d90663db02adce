import fs from 'node:fs';
import type { Atlas, DataBundle } from '../../atlas/index.ts';
import type { InputFile } from '../../ingest/index.ts';
import { csvPieces, sourceLabel } from '../../format/index.ts';
import { cues, STATEMENT_COLUMNS } from '../../format/statement-columns.ts';
import { type Command, parseArgs, UsageError } from '../command.ts';
import { classifiedInBatches } from '../classified-batches.ts';
import { writeJsonRows } from '../json-rows.ts';
import { parallelLimits, startStatementsWorker, type StatementsWorker } from '../parallel-statements.ts';
import { DATA_OPTIONS, loadAtlas } from '../load-atlas.ts';
import { oneLine, reportDiagnostics } from '../report-diagnostics.ts';

export const command: Command = {
  name: 'statements',
  summary: 'print every statement (text, or --json / --csv / --arrow FILE|-)',
  usage: 'ladders statements [--json | --csv | --arrow FILE|-] [--data DIR] [--taxonomy FILE] [--priors FILE] [--overrides FILE] [--model FILE|none] [--company NAME FILE…]',
  async run(args, io) {
    const parsed = parseArgs(args, ['json', 'csv'], [...DATA_OPTIONS, 'company', 'track', 'arrow']);
    const { json, csv, arrow } = parsed.flags;
    if ([json, csv, arrow].filter(Boolean).length > 1) throw new UsageError('choose one of --json, --csv and --arrow');
    if (arrow === '-' && !io.outBytes) throw new UsageError('--arrow - needs a binary standard output; give a file name');
    // A large table (--json) is classified and written on two threads, the worker started before the ladders are read.
    let worker: StatementsWorker | undefined;
    const limits = json && io.outBytes ? parallelLimits() : undefined;
    const onFiles = limits ? (files: InputFile[], data: DataBundle) => {
      if (files.reduce((n, f) => n + (f.size ?? f.content.length), 0) >= limits.bytes) worker = startStatementsWorker(data);
    } : undefined;
    let input: Atlas;
    try {
      input = await loadAtlas(parsed, { looseFiles: true, onFiles });
      for (const w of input.warnings) io.err(w);
      if (worker && input.set.statements.length < limits!.statements) await worker.stop(), (worker = undefined);
    } catch (error) {
      await worker?.stop();
      throw error;
    }
    // Printed once, in order: classified a batch at a time as they are written (the Arrow table is built whole).
    const rows = () => classifiedInBatches(input);
    if (worker) await worker.write(input, io.outBytes!, io.err);
    else if (json) writeJsonRows(io, rows());
    else if (csv) for (const piece of csvPieces(rows(), STATEMENT_COLUMNS)) io.out(piece);
    else if (typeof arrow === 'string') {
      const [{ statementTable }, { toArrowIPC }] = await Promise.all([import('../../format/statement-table.ts'), import('arquero')]);
      const bytes = toArrowIPC(statementTable(input.statements));
      if (arrow === '-') io.outBytes!(bytes);
      else fs.writeFileSync(arrow, bytes);
    } else {
      for (const s of rows()) {
        const flags = s.flags.length ? ` [${s.flags.join(', ')}]` : '';
        const comp = s.competency ? `\t→ ${s.competency}${s.why?.override ? ' (override)' : ''} ${s.confidence?.toFixed(2)}${cues(s) ? ` (${cues(s)})` : ''}` : '';
        io.out(`${oneLine(sourceLabel(s.source))}\t${s.company} ${s.level}\t${s.section || '—'}\t${s.kind}${flags}\t${s.text}${comp}`);
      }
    }
    return reportDiagnostics(input.set.diagnostics, io);
  },
};
