import fs from 'node:fs';
import { LevelRefError, mapLevel, mapText, type MapResult } from '../../analyses/index.ts';
import { type Command, type Io, parseArgs, UsageError } from '../command.ts';
import { DATA_OPTIONS, loadAtlas, n1 } from '../load-atlas.ts';
import { reportInputProblems } from '../report-diagnostics.ts';

function printMap(r: MapResult, io: Io): void {
  io.out(`${r.source.label}: scale ${n1(r.source.position)} (range ${n1(r.source.low)}–${n1(r.source.high)})`);
  for (const t of r.targets) {
    const tag = t.relation === 'match' ? `≈ ${t.best.level}` : `${t.relation.toUpperCase()} every level (nearest ${t.best.level})`;
    io.out(`\n→ ${t.companyName} (${t.track}): ${tag}   score ${t.score.toFixed(2)}`);
    io.out(`  ${t.explanation}`);
    io.out(`  candidates: ${t.candidates.map((c) => `${c.level} ${c.score.toFixed(2)}`).join(' · ')}`);
    for (const p of t.support.slice(0, 3)) {
      io.out(`  [${p.competency}] "${p.source.text}"`);
      io.out(`  ${' '.repeat(p.competency.length + 2)} ↔ "${p.target.text}"`);
    }
  }
}

export const command: Command = {
  name: 'map',
  summary: 'map a level (or pasted text) to the best level of every other company',
  usage: 'ladders map <company>:<level> [--to COMPANY] [--json] | ladders map --text "…" | --file FILE [--to COMPANY] [--json] [--data DIR]',
  async run(args, io) {
    const parsed = parseArgs(args, ['json'], [...DATA_OPTIONS, 'to', 'text', 'file']);
    const { flags, positional } = parsed;
    const text = typeof flags.text === 'string' ? flags.text : typeof flags.file === 'string' ? fs.readFileSync(flags.file, 'utf8') : null;
    if (text === null && positional.length !== 1) throw new UsageError('give one <company>:<level>, or --text / --file');
    if (text !== null && positional.length) throw new UsageError('give either <company>:<level> or --text / --file, not both');
    const to = typeof flags.to === 'string' ? flags.to : undefined;
    const input = loadAtlas({ flags, positional: [] });
    const { statements, analysis } = input;
    if (to && !analysis.levels.some((p) => p.company.toLowerCase() === to.toLowerCase() || p.companyName.toLowerCase() === to.toLowerCase())) {
      throw new UsageError(`--to: no company "${to}" (have ${[...new Set(analysis.levels.map((p) => p.company))].join(', ')})`);
    }
    let result: MapResult;
    try {
      result = text !== null
        ? mapText(text, statements, analysis.levels, { scaleCues: input.scaleCues, classify: input.classify, to })
        : mapLevel(positional[0], statements, analysis.levels, { to });
    } catch (e) {
      if (e instanceof LevelRefError) throw new UsageError(`${e.message}${e.candidates.length ? ` (try: ${e.candidates.join(', ')})` : ''}`);
      throw e;
    }
    if (flags.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
    else printMap(result, io);
    return reportInputProblems(input.set.diagnostics, io);
  },
};
