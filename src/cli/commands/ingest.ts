import { lineAccounting } from '../../ingest/index.ts';
import type { LadderSet } from '../../types.ts';
import { type Command, parseArgs } from '../command.ts';
import { loadAtlas } from '../load-atlas.ts';
import { oneLine, reportDiagnostics } from '../report-diagnostics.ts';
import { writeJson } from '../json-value.ts';

const fmt = (o: Record<string, number | undefined>) => Object.entries(o).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';

/** The per-file ingestion report: shape, levels, statements by kind, flags, and the line accounting. */
export function ingestReport(set: LadderSet) {
  return set.files.map((f) => ({ ...f, lines: undefined, accounting: lineAccounting(f), skipped: f.lines.filter((l) => l.status === 'skipped') }));
}

export const command: Command = {
  name: 'ingest',
  summary: 'read ladder files and report shapes, levels, kinds, flags and line accounting',
  usage: 'ladders ingest [--report] [--json] [--data DIR] [--ingest-rules FILE] | ladders ingest FILE… --company NAME [--track NAME] [--report]',
  async run(args, io) {
    const parsed = parseArgs(args, ['report', 'json'], ['data', 'ingest-rules', 'company', 'track']);
    const { set } = await loadAtlas(parsed, { looseFiles: true });
    const report = ingestReport(set);
    if (parsed.flags.json) {
      writeJson(io, { files: report, levels: set.levels, diagnostics: set.diagnostics, skipped: set.skipped ?? [] });
    } else {
      for (const f of report) {
        const a = f.accounting;
        io.out(oneLine(f.file));
        io.out(`  shape       ${f.shape}`);
        io.out(`  levels      ${f.levels.join(', ') || 'none'}`);
        io.out(`  statements  ${f.statements} (${fmt(f.byKind)})`);
        io.out(`  flags       ${fmt(f.flags)}`);
        io.out(`  lines       ${a.lines} lines: ${a.nonBlank} non-blank = ${a.statement} statement + ${a.structure} structure + ${a.skipped} skipped; ${(a.accounted * 100).toFixed(1)}% accounted for`);
        if (parsed.flags.report) for (const s of f.skipped) io.out(`    line ${s.line}${s.at ? ` (${oneLine(s.at)})` : ''} skipped: ${oneLine(s.reason ?? '')}`);
      }
      const tracks = new Map<string, string[]>();
      for (const l of set.levels) {
        const key = `${l.company} / ${l.track}`;
        const list = tracks.get(key) ?? [];
        if (!list.includes(l.level)) list.push(l.level);
        tracks.set(key, list);
      }
      if (tracks.size) io.out('');
      for (const [key, levels] of tracks) io.out(`track  ${oneLine(key)}: ${oneLine(levels.join(', '))}`);
      const skipped = set.skipped ?? [];
      if (skipped.length) io.out('');
      for (const s of skipped) io.out(`skipped  ${oneLine(s.file)}: ${s.reason}`);
      const total = set.statements.length;
      io.out(`\n${set.files.length} files, ${set.levels.length} levels, ${total} statements, ${set.diagnostics.length} diagnostics${skipped.length ? `, ${skipped.length} skipped` : ''}`);
    }
    return reportDiagnostics(set.diagnostics, io);
  },
};
