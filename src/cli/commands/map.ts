import fs from 'node:fs';
import { explainPlacement, LevelRefError, mapLevel, mapText, type MapResult } from '../../analyses/index.ts';
import { type Command, type Io, parseArgs, UsageError } from '../command.ts';
import { DATA_OPTIONS, LEAN, loadAtlas, n1 } from '../load-atlas.ts';
import { reportInputProblems } from '../report-diagnostics.ts';
import { writeJson } from '../json-value.ts';

function printMap(r: MapResult, io: Io, labelOf: (key: string) => string, textOf: (id: string) => string | undefined): void {
  io.out(`${r.source.label}: scale ${n1(r.source.position)} (range ${n1(r.source.low)}–${n1(r.source.high)})`);
  if (r.source.rawPosition !== null && r.source.rawPosition !== undefined) io.out(`  raw reading ${n1(r.source.rawPosition)} → placed at ${n1(r.source.position)}, because:`);
  for (const reason of explainPlacement(r.source, labelOf)) io.out(`    ${Math.round(reason.share * 100).toString().padStart(3)}%  ${reason.text}`);
  if (r.source.evidence.length) io.out('  phrases that placed it:');
  for (const e of r.source.evidence.slice(0, 6)) io.out(`    ${n1(e.value)} ×${e.weight.toFixed(2)}  "${e.match}"${textOf(e.statementId) ? `  — ${textOf(e.statementId)!.slice(0, 80)}` : ''}`);
  if (r.source.basis === 'none') io.out('  no phrase in it says anything about level: the placement is a guess at the middle of the scale.');
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
    const input = await loadAtlas({ flags, positional: [] }, LEAN);
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
    if (flags.json) writeJson(io, result);
    else {
      const labels = new Map(analysis.levels.map((l) => [l.key, l.label]));
      const texts = new Map([...statements, ...('statements' in result ? (result as { statements: typeof statements }).statements : [])].map((s) => [s.id, s.text]));
      printMap(result, io, (k) => labels.get(k) ?? k, (id) => texts.get(id));
    }
    return reportInputProblems(input.set.diagnostics, io);
  },
};
