import { type Command, parseArgs } from '../command.ts';
import { DATA_OPTIONS, loadAtlas, n1 } from '../load-atlas.ts';
import { reportInputProblems } from '../report-diagnostics.ts';

export const command: Command = {
  name: 'diverge',
  summary: 'rank the competencies where the ladders disagree most (onset, strength, absence)',
  usage: 'ladders diverge [--json] [--top N] [--data DIR]',
  async run(args, io) {
    const parsed = parseArgs(args, ['json'], [...DATA_OPTIONS, 'top']);
    const { set, analysis } = await loadAtlas(parsed);
    const rows = analysis.divergence;
    if (parsed.flags.json) io.out(`${JSON.stringify(rows, null, 2)}\n`);
    else {
      const top = typeof parsed.flags.top === 'string' ? Number(parsed.flags.top) : rows.length;
      io.out('Divergence (0–1) = mean of: onset spread, strength gap between aligned levels (within one scale step), share of ladders never mentioning it.\n');
      for (const r of rows.slice(0, top)) {
        io.out(`${r.competency.padEnd(14)} ${r.divergence.toFixed(2)}  (onset ${r.parts.onsetSpread.toFixed(2)} · strength ${r.parts.strengthGap.toFixed(2)} · absence ${r.parts.absence.toFixed(2)})`);
        io.out(`  first expected: ${r.onset.map((o) => `${o.company} ${o.level ?? 'never'}${o.position === null ? '' : ` @${n1(o.position)}`}`).join(' · ')}`);
        if (r.neverMentioned.length) io.out(`  never mentioned by: ${r.neverMentioned.join(', ')}`);
      }
    }
    return reportInputProblems(set.diagnostics, io);
  },
};
