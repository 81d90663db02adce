import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measureLabels } from '../../atlas/index.ts';
import type { Evaluation } from '../../taxonomy/evaluate.ts';
import { parseLabelledSet } from '../../taxonomy/labelled-set.ts';
import { type Command, parseArgs } from '../command.ts';
import { DATA_OPTIONS, loadAtlas } from '../load-atlas.ts';

/** The project's labelled development set. */
export const DEFAULT_LABELS = fileURLToPath(new URL('../../../tests/fixtures/labelled-statements.csv', import.meta.url));

const f2 = (x: number | null) => (x === null ? '  —  ' : x.toFixed(2).padStart(5));

function report(e: Evaluation, found: number): string[] {
  const lines = [
    `labelled statements: ${e.n} (${found} found in the data, ${e.n - found} classified from the labelled text)`,
    `top-1 agreement: ${e.agreed}/${e.n} = ${(e.top1 * 100).toFixed(1)}%  (primary is one of the acceptable labels; exactly the preferred label: ${e.exact})`,
    '',
    `${'competency'.padEnd(14)} precision  recall  accepted  predicted  preferred`,
  ];
  for (const c of e.perCompetency) {
    lines.push(`${c.id.padEnd(14)} ${f2(c.precision)}     ${f2(c.recall)}   ${f2(c.accepted)}     ${String(c.predicted).padStart(5)}      ${String(c.preferred).padStart(5)}`);
  }
  lines.push('', 'precision: of statements given this primary, share where it is acceptable; recall: of statements whose preferred label is this, share given exactly it; accepted: … share given any acceptable label.');
  return lines;
}

export const command: Command = {
  name: 'eval',
  summary: 'measure the classifier against the labelled development set',
  usage: 'ladders eval [--labels FILE] [--misses] [--json] [--data DIR] [--taxonomy FILE] [--priors FILE]',
  async run(args, io) {
    const parsed = parseArgs(args, ['json', 'misses'], ['labels', ...DATA_OPTIONS]);
    const { flags } = parsed;
    const labelsPath = typeof flags.labels === 'string' ? flags.labels : DEFAULT_LABELS;
    const rows = parseLabelledSet(fs.readFileSync(labelsPath, 'utf8'), { source: labelsPath });
    const { evaluation: e, found, results } = measureLabels(await loadAtlas(parsed), rows);
    const misses = results.filter((r) => r.predicted === null || !r.row.acceptable.includes(r.predicted));
    if (flags.json) {
      const missRows = misses.map((r) => ({ file: r.row.file, line: r.row.line, text: r.row.text, acceptable: r.row.acceptable, predicted: r.predicted, id: r.statement?.id ?? null }));
      io.out(`${JSON.stringify({ labels: labelsPath, found, ...e, misses: missRows }, null, 2)}\n`);
      return 0;
    }
    io.out(report(e, found).join('\n'));
    if (flags.misses) {
      for (const r of misses) {
        io.out(`\n✗ ${r.row.file}:${r.row.line} — want ${r.row.acceptable.join('|')}, got ${r.predicted ?? 'nothing'}\n  ${r.row.text}\n  cues: ${(r.why?.cues ?? []).map((h) => `"${h.cue}"→${h.competency}`).join(', ') || '—'}`);
      }
    }
    return 0;
  },
};
