import { toCsv } from '../../format/index.ts';
import { explainPlacement, type LevelPlacement } from '../../analyses/index.ts';
import { type Command, parseArgs, UsageError } from '../command.ts';
import { writeJsonRows } from '../json-rows.ts';
import { DATA_OPTIONS, loadAtlas, n1 } from '../load-atlas.ts';
import { reportInputProblems } from '../report-diagnostics.ts';

const COLUMNS: [string, (p: LevelPlacement) => unknown][] = [
  ['key', (p) => p.key],
  ['company', (p) => p.company],
  ['track', (p) => p.track],
  ['level', (p) => p.level],
  ['title', (p) => p.levelTitle],
  ['position', (p) => p.position],
  ['low', (p) => p.low],
  ['high', (p) => p.high],
  ['basis', (p) => p.basis],
  ['evidenceWeight', (p) => p.evidenceWeight],
  ['evidenceStatements', (p) => [...new Set(p.evidence.map((e) => e.statementId))].join(' ')],
];

/** Draw a level's range on a 1–7 ruler, 8 characters a step. */
function ruler(p: LevelPlacement): string {
  const at = (x: number) => Math.round((x - 1) * 8);
  const cells: string[] = Array.from({ length: 49 }, (_, i) => (i % 8 === 0 ? '┊' : ' '));
  for (let i = at(p.low); i <= at(p.high); i++) cells[i] = '─';
  cells[at(p.position)] = '●';
  return cells.join('');
}

export const command: Command = {
  name: 'levels',
  summary: 'place every level on the common 1–7 scale (position, range, evidence)',
  usage: 'ladders levels [--json | --csv] [--evidence] [--data DIR] [--taxonomy FILE] [--scale-cues FILE]',
  async run(args, io) {
    const parsed = parseArgs(args, ['json', 'csv', 'evidence'], [...DATA_OPTIONS]);
    if (parsed.flags.json && parsed.flags.csv) throw new UsageError('choose one of --json and --csv');
    const { set, analysis, scaleCues } = await loadAtlas(parsed);
    const levels = analysis.levels;
    if (parsed.flags.json) writeJsonRows(io, levels, (p) => ({ ...p, title: p.levelTitle }));
    else if (parsed.flags.csv) io.out(toCsv(levels, COLUMNS));
    else {
      const byId = new Map(set.statements.map((s) => [s.id, s]));
      const labels = new Map(levels.map((l) => [l.key, l.label]));
      const labelOf = (k: string) => labels.get(k) ?? k;
      const w = Math.max(...levels.map((p) => p.label.length));
      io.out(`${''.padEnd(w)}  pos  range      1       2       3       4       5       6       7`);
      for (const p of levels) {
        io.out(`${p.label.padEnd(w)}  ${n1(p.position)}  ${n1(p.low)}–${n1(p.high)}  ${ruler(p)}  ${p.levelTitle}${p.basis === 'evidence' ? '' : ` (${p.basis})`}`);
        if (parsed.flags.evidence) {
          if (p.rawPosition !== null) io.out(`    raw reading ${n1(p.rawPosition)} → placed at ${n1(p.position)}, because:`);
          for (const r of explainPlacement(p, labelOf)) io.out(`      ${Math.round(r.share * 100).toString().padStart(3)}%  ${r.text}`);
          io.out('    strongest phrases:');
          for (const e of p.evidence.slice(0, 8)) io.out(`    ${n1(e.value)} ×${e.weight.toFixed(2)}  ${e.cue}: "${e.match}"  — ${byId.get(e.statementId)?.text.slice(0, 90) ?? e.statementId}`);
        }
      }
      io.out(`\nScale: ${scaleCues.scale.map((s) => `${s.value} ${s.name}`).join(' · ')}`);
      if (!parsed.flags.evidence) io.out('Add --evidence to see the cues behind each placement.');
    }
    return reportInputProblems(set.diagnostics, io);
  },
};
