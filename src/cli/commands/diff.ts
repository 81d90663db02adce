import { diffLadder, diffLevels, LevelRefError, type LevelDiff } from '../../analyses/index.ts';
import { type Command, type Io, parseArgs, UsageError } from '../command.ts';
import { DATA_OPTIONS, loadAtlas, n1 } from '../load-atlas.ts';
import { reportInputProblems } from '../report-diagnostics.ts';
import { writeJson } from '../json-value.ts';

function printDiff(d: LevelDiff, io: Io, all: boolean, gap: boolean): void {
  io.out(`${gap ? '\n' : ''}${d.from.label} (${n1(d.from.position)}) → ${d.to.label} (${n1(d.to.position)})`);
  for (const e of d.entries) {
    if (e.change === 'kept' && !all) continue;
    io.out(`\n${e.change.toUpperCase()}${e.inherited ? ' (inherited)' : ''} ${e.competency}  share ${Math.round(e.from.share * 100)}% (${e.from.count}/${e.from.of}) → ${Math.round(e.to.share * 100)}% (${e.to.count}/${e.to.of})`);
    for (const s of e.from.statements.slice(0, 2)) io.out(`  − ${s.text}`);
    for (const s of e.to.statements.slice(0, 2)) io.out(`  + ${s.text}`);
  }
  if (!gap) io.out('\nshare = statements of the level about the competency / its classified statements. added: 0% → more; dropped: more → 0%;\nstrengthened / weakened: both have it and the share moves by ≥ 5 points and ≥ a quarter; kept: about the same.');
  const kept = d.entries.filter((e) => e.change === 'kept').length;
  if (kept && !all) io.out(`\n(${kept} competencies kept about the same; --all shows them)`);
}

export const command: Command = {
  name: 'diff',
  summary: 'what changes between two levels (same or different companies): added, dropped, strengthened',
  usage: 'ladders diff <company>:<level> <company>:<level> | ladders diff <company> (each level to the next) [--json] [--all] [--data DIR]',
  async run(args, io) {
    const parsed = parseArgs(args, ['json', 'all'], [...DATA_OPTIONS]);
    const pos = parsed.positional;
    const wholeLadder = pos.length === 1 && !pos[0].includes(':');
    if (pos.length !== 2 && !wholeLadder) throw new UsageError('give two levels, e.g. octopus:L2 octopus:L3, or one company');
    const input = await loadAtlas({ ...parsed, positional: [] });
    const { statements, analysis } = input;
    let diffs: LevelDiff[];
    try {
      if (wholeLadder) {
        const company = analysis.levels.find((p) => p.company.toLowerCase() === pos[0].toLowerCase() || p.companyName.toLowerCase() === pos[0].toLowerCase())?.company;
        if (!company) throw new UsageError(`no company "${pos[0]}"`);
        diffs = diffLadder(company, statements, analysis.levels, { capNotes: analysis.capNotes, levels: input.set.levels });
      } else diffs = [diffLevels(pos[0], pos[1], statements, analysis.levels, { capNotes: analysis.capNotes, levels: input.set.levels })];
    } catch (e) {
      if (e instanceof LevelRefError) throw new UsageError(`${e.message}${e.candidates.length ? ` (try: ${e.candidates.join(', ')})` : ''}`);
      throw e;
    }
    if (parsed.flags.json) writeJson(io, wholeLadder ? diffs : diffs[0]);
    else diffs.forEach((d, i) => printDiff(d, io, !!parsed.flags.all, i > 0));
    return reportInputProblems(input.set.diagnostics, io);
  },
};
