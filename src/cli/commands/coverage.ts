import { toCsv } from '../../format/index.ts';
import type { CoverageCell } from '../../analyses/index.ts';
import { type Command, parseArgs, UsageError } from '../command.ts';
import { writeJson } from '../json-value.ts';
import { DATA_OPTIONS, LEAN, loadAtlas } from '../load-atlas.ts';
import { reportInputProblems } from '../report-diagnostics.ts';

const COLUMNS: [string, (c: CoverageCell) => unknown][] = [
  ['company', (c) => c.company],
  ['track', (c) => c.track],
  ['level', (c) => c.level],
  ['competency', (c) => c.competency],
  ['count', (c) => c.count],
  ['mentions', (c) => c.mentions],
  ['inherited', (c) => c.inherited],
  ['inheritedFrom', (c) => c.inheritedFrom.join(' ')],
  ['weight', (c) => c.weight],
  ['share', (c) => c.share],
  ['statementIds', (c) => c.statementIds.join(' ')],
  ['passingIds', (c) => c.passingIds.join(' ')],
];

export const command: Command = {
  name: 'coverage',
  summary: 'competency × company × level counts and shares; each company’s coverage of the taxonomy',
  usage: 'ladders coverage [--json | --csv] [--data DIR]',
  async run(args, io) {
    const parsed = parseArgs(args, ['json', 'csv'], [...DATA_OPTIONS]);
    if (parsed.flags.json && parsed.flags.csv) throw new UsageError('choose one of --json and --csv');
    const { set, analysis } = await loadAtlas(parsed, LEAN);
    const cov = analysis.coverage;
    if (parsed.flags.json) writeJson(io, cov);
    else if (parsed.flags.csv) io.out(toCsv(cov.cells, COLUMNS));
    else {
      const levels = analysis.levels;
      const w = Math.max(14, ...cov.competencies.map((c) => c.length));
      io.out(`${'statements (primary)'.padEnd(w)}  ${levels.map((p) => p.label.padStart(Math.max(4, p.label.length))).join(' ')}`);
      for (const c of cov.competencies) {
        const row = levels.map((p) => {
          const cell = cov.cells.find((x) => x.levelKey === p.key && x.competency === c)!;
          return String(cell.count || (cell.mentions ? `(${cell.mentions})` : cell.passingIds.length ? '~' : '·')).padStart(Math.max(4, p.label.length));
        });
        io.out(`${c.padEnd(w)}  ${row.join(' ')}`);
      }
      io.out('\n(n) = mentioned only as a secondary competency; ~ = named only in passing (its cue words in a statement about something else); · = not mentioned\n');
      for (const c of cov.companies) {
        io.out(`${c.company} (${c.track}): covers ${c.covered.length}/${cov.competencies.length} (${Math.round(c.share * 100)}%)` +
          `${c.inPassing.length ? `; only in passing: ${c.inPassing.map((m) => m.competency).join(', ')}` : ''}${c.missing.length ? `; never mentioned: ${c.missing.join(', ')}` : ''}${c.carriedOver.length ? `; carried over by a cap note: ${c.carriedOver.join(', ')}` : ''}`);
      }
    }
    return reportInputProblems(set.diagnostics, io);
  },
};
