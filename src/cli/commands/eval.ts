import fs from 'node:fs';
import path from 'node:path';
import { measureLabels } from '../../atlas/index.ts';
import { calibrationError } from '../../taxonomy/calibration.ts';
import type { Evaluation } from '../../taxonomy/evaluate.ts';
import { type Fold, holdOut } from '../../taxonomy/holdout.ts';
import { holdoutSummary, type HoldoutSummary } from '../../taxonomy/holdout-summary.ts';
import { parseLabelledSet } from '../../taxonomy/labelled-set.ts';
import { type Command, parseArgs, UsageError } from '../command.ts';
import { DEFAULT_CORPUS, type LabelledCorpus, readLabelledCorpus } from '../labelled-corpus.ts';
import { DATA_OPTIONS, loadAtlas } from '../load-atlas.ts';
import { readTrainingConfig } from '../training-config.ts';
import { packagePath } from '../package-root.ts';

/** The project's labelled development set. */
export const DEFAULT_LABELS = packagePath('tests/fixtures/labelled-statements.csv');

const f2 = (x: number | null) => (x === null ? '  —  ' : x.toFixed(2).padStart(5));
const pct = (a: number, n: number) => (n ? `${((100 * a) / n).toFixed(1)}%` : '—');

function report(e: Evaluation, found: number): string[] {
  const lines = [
    `labelled statements: ${e.n} (${found} found in the data, ${e.n - found} classified from the labelled text)`,
    `top-1 agreement: ${e.agreed}/${e.n} = ${(e.top1 * 100).toFixed(1)}%  (primary is one of the acceptable labels; exactly the preferred label: ${e.exact})`,
    '',
  ];
  return [...lines, ...competencyTable(e)];
}

function competencyTable(e: Evaluation, before?: Evaluation): string[] {
  const lines = [`${'competency'.padEnd(14)} precision  recall  accepted  predicted  preferred${before ? '   before: precision  recall  accepted' : ''}`];
  e.perCompetency.forEach((c, i) => {
    const b = before?.perCompetency[i];
    lines.push(
      `${c.id.padEnd(14)} ${f2(c.precision)}     ${f2(c.recall)}   ${f2(c.accepted)}     ${String(c.predicted).padStart(5)}      ${String(c.preferred).padStart(5)}` +
        (b ? `             ${f2(b.precision)}     ${f2(b.recall)}   ${f2(b.accepted)}` : ''),
    );
  });
  lines.push('', 'precision: of statements given this primary, share where it is acceptable; recall: of statements whose preferred label is this, share given exactly it; accepted: … share given any acceptable label.');
  return lines;
}

/** Folds: one per corpus ladder, or one per company. */
export function foldsOf(corpus: LabelledCorpus, by: string): Fold[] {
  if (by === 'ladder') return corpus.ladders.map((l) => ({ name: l, ladders: [l] }));
  if (by === 'company') {
    const companies = [...new Set(corpus.ladders.map((l) => corpus.companyOf[l]))];
    return companies.map((c) => ({ name: c, ladders: corpus.ladders.filter((l) => corpus.companyOf[l] === c) }));
  }
  throw new UsageError(`--by must be "ladder" or "company" (got "${by}")`);
}

function holdoutReport(s: HoldoutSummary, by: string, corpus: LabelledCorpus, corpusDir: string): string[] {
  const lines = [
    `HELD-OUT agreement, leave one ${by} out: blind corpus of ${s.n} statements (${corpusDir})`,
    `  before (cue lexicon + section priors, as shipped before the model): ${s.before.agreed}/${s.n} = ${pct(s.before.agreed, s.n)}`,
    `  after  (trained model, never trained on the held-out ${by}):          ${s.after.agreed}/${s.n} = ${pct(s.after.agreed, s.n)}  (exactly the preferred label: ${s.after.exact})`,
    `  ${s.found} of ${s.n} statements found in their ingested ${by === 'ladder' ? 'ladder' : 'ladders'} (with their section); ${s.n - s.found} classified from the text alone${corpus.unread.length ? ` (${corpus.unread.length} source files unread: ${[...new Set(corpus.unread.map((f) => path.extname(f)))].join(', ')})` : ''}`,
    `  each statement counted once, in the fold of its first ladder; the inter-annotator ceiling is 96.5% (PROTOCOL.md)`,
    `  trained on every other labelled statement${corpus.synthetic ? `, with ${corpus.synthetic} synthetic statements (training only, never scored)` : ', without the synthetic statements'}`,
    '',
    `${by.padEnd(28)}    n  found   before    after`,
    ...s.perFold.map((f) => `${f.fold.padEnd(28)} ${String(f.n).padStart(4)}  ${String(f.found).padStart(5)}  ${pct(f.before, f.n).padStart(7)}  ${pct(f.after, f.n).padStart(7)}`),
    `${'every fold (shared text counts in each)'.padEnd(28)} ${String(s.allFolds.n).padStart(4)}         ${pct(s.allFolds.before, s.allFolds.n).padStart(7)}  ${pct(s.allFolds.after, s.allFolds.n).padStart(7)}`,
    '',
    'per competency, held out (after; before on the right):',
    ...competencyTable(s.after, s.before),
    '',
    'reliability of the calibrated confidence, held out (each ladder calibrated on the other ladders only):',
    'confidence      n   mean conf.  accepted',
    ...s.reliability.map((b) => `${b.from.toFixed(1)}–${b.to.toFixed(1)}  ${String(b.n).padStart(6)}   ${b.confidence === null ? '   —' : b.confidence.toFixed(2).padStart(6)}    ${b.accuracy === null ? '   —' : pct(b.accuracy * b.n, b.n).padStart(6)}`),
    `expected calibration error: after ${calibrationError(s.reliability).toFixed(3)}, before ${calibrationError(s.reliabilityBefore).toFixed(3)}`,
    '',
    `secondary competencies: ${s.secondary.statements} statements given ${s.secondary.given}; ${s.secondary.acceptable} of them acceptable labels (${pct(s.secondary.acceptable, s.secondary.given)})`,
    `most frequent held-out misses (preferred ← given): ${s.after.n ? s.confusions.map((c) => `${c.pair} ${c.n}`).join(', ') : '—'}`,
  ];
  return lines;
}

export const command: Command = {
  name: 'eval',
  summary: 'measure the classifier: held-out agreement on ladders it was not trained on, then the seed set',
  usage:
    'ladders eval [--by ladder|company] [--synthetic none] [--corpus DIR] [--config FILE] | ladders eval --seed [--labels FILE] [--misses]  (both: [--json] [--data DIR] [--taxonomy FILE] [--priors FILE] [--model FILE|none])',
  async run(args, io) {
    const parsed = parseArgs(args, ['json', 'misses', 'seed'], ['labels', 'corpus', 'config', 'by', 'synthetic', ...DATA_OPTIONS]);
    const { flags } = parsed;
    const seedOnly = flags.seed === true || typeof flags.labels === 'string';
    const out: { holdout?: unknown; seed?: unknown } = {};
    const text: string[] = [];

    if (!seedOnly) {
      const by = typeof flags.by === 'string' ? flags.by : 'ladder';
      if (by !== 'ladder' && by !== 'company') throw new UsageError(`--by must be "ladder" or "company" (got "${by}")`);
      const corpusDir = typeof flags.corpus === 'string' ? flags.corpus : DEFAULT_CORPUS;
      const config = readTrainingConfig(parsed);
      // The held-out models are trained here, from the taxonomy and priors alone: the shipped model plays no part.
      const { taxonomy, priors } = await loadAtlas(parsed, { ladders: false });
      const synthetic = flags.synthetic === undefined ? true : flags.synthetic === 'none' ? false : null;
      if (synthetic === null) throw new UsageError(`--synthetic takes only "none" (to train without the synthetic statements)`);
      const corpus = readLabelledCorpus(corpusDir, { synthetic: synthetic && config.syntheticWeight > 0 });
      const folds = foldsOf(corpus, by);
      const predictions = holdOut(corpus.examples, folds, { taxonomy, priors, config, onFold: (f) => io.err(`held out ${f.name}`) });
      const summary = holdoutSummary(predictions, folds, taxonomy.competencies.map((c) => c.id));
      out.holdout = { by, corpus: corpusDir, ...summary };
      text.push(...holdoutReport(summary, by, corpus, path.relative(process.cwd(), corpusDir) || corpusDir), '', '');
    }

    const labelsPath = typeof flags.labels === 'string' ? flags.labels : DEFAULT_LABELS;
    const rows = parseLabelledSet(fs.readFileSync(labelsPath, 'utf8'), { source: labelsPath });
    const a = await loadAtlas(parsed);
    const { evaluation: e, found, results } = measureLabels(a, rows);
    const misses = results.filter((r) => r.predicted === null || !r.row.acceptable.includes(r.predicted));
    out.seed = { labels: labelsPath, found, ...e, misses: misses.map((r) => ({ file: r.row.file, line: r.row.line, text: r.row.text, acceptable: r.row.acceptable, predicted: r.predicted, id: r.statement?.id ?? null })) };
    if (flags.json) {
      io.out(`${JSON.stringify(seedOnly ? out.seed : out, null, 2)}\n`);
      return 0;
    }
    if (!seedOnly) {
      text.push(`IN-SAMPLE: ${path.basename(labelsPath)} (the cue lexicon was written looking at these statements${a.model ? ' and the model is trained on them' : ''}; optimistic)`);
    }
    text.push(...report(e, found));
    if (flags.misses) {
      for (const r of misses) {
        text.push(`\n✗ ${r.row.file}:${r.row.line} — want ${r.row.acceptable.join('|')}, got ${r.predicted ?? 'nothing'}\n  ${r.row.text}\n  cues: ${(r.why?.cues ?? []).map((h) => `"${h.cue}"→${h.competency}`).join(', ') || '—'}`);
      }
    }
    io.out(text.join('\n'));
    return 0;
  },
};
