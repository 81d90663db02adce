import { diffLevels, LevelRefError, type LevelDiff } from '../../analyses/index.ts';
import { type Command, parseArgs, UsageError } from '../command.ts';
import { ANALYSIS_VALUED_FLAGS, loadAnalysis, n1, reportInputProblems } from '../analysis-input.ts';

export const command: Command = {
  name: 'diff',
  summary: 'what changes between two levels (same or different companies): added, dropped, strengthened',
  usage: 'ladders diff <company>:<level> <company>:<level> [--json] [--all] [--data DIR]',
  async run(args, io) {
    const parsed = parseArgs(args, ['json', 'all'], [...ANALYSIS_VALUED_FLAGS]);
    if (parsed.positional.length !== 2) throw new UsageError('give two levels, e.g. octopus:L2 octopus:L3');
    const input = loadAnalysis({ ...parsed, positional: [] });
    let d: LevelDiff;
    try {
      d = diffLevels(parsed.positional[0], parsed.positional[1], input.statements, input.analysis.levels, { capNotes: input.analysis.capNotes });
    } catch (e) {
      if (e instanceof LevelRefError) throw new UsageError(`${e.message}${e.candidates.length ? ` (try: ${e.candidates.join(', ')})` : ''}`);
      throw e;
    }
    if (parsed.flags.json) io.out(`${JSON.stringify(d, null, 2)}\n`);
    else {
      io.out(`${d.from.label} (${n1(d.from.position)}) → ${d.to.label} (${n1(d.to.position)})`);
      for (const e of d.entries) {
        if (e.change === 'kept' && !parsed.flags.all) continue;
        io.out(`\n${e.change.toUpperCase()} ${e.competency}  share ${Math.round(e.from.share * 100)}% → ${Math.round(e.to.share * 100)}%`);
        for (const s of e.from.statements.slice(0, 2)) io.out(`  − ${s.text}`);
        for (const s of e.to.statements.slice(0, 2)) io.out(`  + ${s.text}`);
      }
      const kept = d.entries.filter((e) => e.change === 'kept').length;
      if (kept && !parsed.flags.all) io.out(`\n(${kept} competencies kept about the same; --all shows them)`);
    }
    return reportInputProblems(input.set, io);
  },
};
