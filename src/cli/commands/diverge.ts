import { multiTrackCompanies } from '../../analyses/index.ts';
import { slug } from '../../text/index.ts';
import { type Command, parseArgs } from '../command.ts';
import { writeJson } from '../json-value.ts';
import { DATA_OPTIONS, LEAN, loadAtlas, n1 } from '../load-atlas.ts';
import { reportInputProblems } from '../report-diagnostics.ts';

export const command: Command = {
  name: 'diverge',
  summary: 'rank the competencies where the ladders disagree most (onset, strength, absence)',
  usage: 'ladders diverge [--json] [--top N] [--data DIR]',
  async run(args, io) {
    const parsed = parseArgs(args, ['json'], [...DATA_OPTIONS, 'top']);
    const { set, analysis } = await loadAtlas(parsed, LEAN);
    const rows = analysis.divergence;
    const multi = multiTrackCompanies(analysis.levels);
    if (parsed.flags.json) writeJson(io, rows);
    else {
      const top = typeof parsed.flags.top === 'string' ? Number(parsed.flags.top) : rows.length;
      io.out('Divergence (0–1) = mean of: onset spread, strength gap between aligned levels (within one scale step), share of ladders where no statement is about it.\n');
      for (const r of rows.slice(0, top)) {
        io.out(`${r.competency.padEnd(14)} ${r.divergence.toFixed(2)}  (onset ${r.parts.onsetSpread.toFixed(2)} · strength ${r.parts.strengthGap.toFixed(2)} · absence ${r.parts.absence.toFixed(2)})`);
        const who = (o: { company: string; track: string }) => (multi.has(o.company) ? `${o.company}:${slug(o.track)}` : o.company);
        io.out(`  first expected: ${r.onset.map((o) => `${who(o)} ${o.level ?? 'never'}${o.position === null ? '' : ` @${n1(o.position)}`}`).join(' · ')}`);
        const never = r.silent.filter((x) => !x.inPassing.length);
        const passing = r.silent.filter((x) => x.inPassing.length);
        if (never.length) io.out(`  never mentioned by: ${never.map(who).join(', ')}`);
        if (passing.length) io.out(`  only in passing by: ${passing.map((x) => `${who(x)} (${x.inPassing.join(' ')})`).join(', ')}`);
      }
    }
    return reportInputProblems(set.diagnostics, io);
  },
};
