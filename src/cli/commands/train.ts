import fs from 'node:fs';
import path from 'node:path';
import { calibrationPoints, holdOut, weighted } from '../../taxonomy/holdout.ts';
import { fitCalibration } from '../../taxonomy/calibration.ts';
import { serialiseClassifierModel } from '../../taxonomy/classifier-model.ts';
import { holdoutSummary } from '../../taxonomy/holdout-summary.ts';
import { trainModel } from '../../taxonomy/train-model.ts';
import { type Command, parseArgs } from '../command.ts';
import { DEFAULT_CORPUS, readLabelledCorpus } from '../labelled-corpus.ts';
import { loadAtlas } from '../load-atlas.ts';
import { BUNDLED_DATA } from '../load-data-dir.ts';
import { readTrainingConfig } from '../training-config.ts';

export const command: Command = {
  name: 'train',
  summary: 'train the classifier model on every labelled statement (data/classifier-model.json)',
  usage: 'ladders train [--corpus DIR] [--config FILE] [--out FILE] [--report FILE] [--data DIR] [--taxonomy FILE] [--priors FILE]',
  async run(args, io) {
    const parsed = parseArgs(args, [], ['corpus', 'config', 'out', 'report', 'taxonomy', 'priors', 'data']);
    const { flags } = parsed;
    const corpusDir = typeof flags.corpus === 'string' ? flags.corpus : DEFAULT_CORPUS;
    const out = typeof flags.out === 'string' ? flags.out : path.join(BUNDLED_DATA, 'classifier-model.json');
    const config = readTrainingConfig(parsed);
    const { taxonomy, priors } = await loadAtlas(parsed, { ladders: false });
    const corpus = readLabelledCorpus(corpusDir, { synthetic: config.syntheticWeight > 0 });
    io.err(`${corpus.examples.length} labelled statements (${corpus.corpusRows} in the blind corpus, ${corpus.found} of them found in their ladders; ${corpus.synthetic} synthetic, training only)`);
    const folds = corpus.ladders.map((l) => ({ name: l, ladders: [l] }));
    const predictions = holdOut(corpus.examples, folds, {
      taxonomy,
      priors,
      config,
      onFold: (f, trained, scored) => io.err(`held out ${f.name}: trained on ${trained}, scored ${scored}`),
    });
    const calibration = fitCalibration(calibrationPoints(predictions));
    const model = { ...trainModel(weighted(corpus.examples, config), { taxonomy, priors, config }), calibration };
    const text = serialiseClassifierModel(model, {
      description:
        'Trained by `npm run train` (src/cli/commands/train.ts) from every labelled statement listed in tests/fixtures/blind-corpus/ladders.json, with data/classifier-training.json. Logit of competency k = bias[k] + the weights of the statement\'s features for k + lexicon × its summed cue weights for k + prior × its section-prior share of k; probabilities by softmax; confidence = σ(slope × logit(p) + intercept) of the primary\'s probability, fitted on leave-one-ladder-out predictions. Regenerate, do not edit.',
      trainedOn: corpus.examples.length,
    });
    fs.writeFileSync(out, text);
    io.err(`wrote ${out}: ${model.weights.size} features, ${text.length} bytes; calibration slope ${calibration.slope}, intercept ${calibration.intercept}`);
    // The held-out figures of this model's recipe (the same as `ladders eval`), for the methodology notebook.
    const report = typeof flags.report === 'string' ? flags.report : path.join(corpusDir, 'held-out.json');
    const summary = holdoutSummary(predictions, folds, taxonomy.competencies.map((c) => c.id));
    fs.writeFileSync(report, `${JSON.stringify({ description: 'Leave-one-ladder-out figures written by `npm run train` (the same as `ladders eval`): before = cue lexicon + section priors, after = the trained model; regenerate, do not edit.', by: 'ladder', trainedOn: corpus.examples.length, synthetic: corpus.synthetic, ...summary }, null, 1)}\n`);
    io.err(`wrote ${report}: held out ${(summary.after.top1 * 100).toFixed(1)}% (before ${(summary.before.top1 * 100).toFixed(1)}%)`);
    return 0;
  },
};
