import fs from 'node:fs';
import path from 'node:path';
import { parseTrainingConfig, type TrainingConfig } from '../taxonomy/train-model.ts';
import type { ParsedArgs } from './command.ts';
import { dataDir } from './load-atlas.ts';
import { BUNDLED_DATA } from './load-data-dir.ts';

/** The training settings file's name in a data folder. */
export const TRAINING_CONFIG = 'classifier-training.json';

/** The training settings of a command line: `--config FILE`, else the data folder's `classifier-training.json`, else the bundled one. */
export function readTrainingConfig(parsed: ParsedArgs): TrainingConfig {
  const explicit = typeof parsed.flags.config === 'string' ? parsed.flags.config : undefined;
  if (explicit && !fs.existsSync(explicit)) throw new Error(`${explicit}: file not found`);
  const file = explicit ?? [dataDir(parsed), BUNDLED_DATA].map((d) => d && path.join(d, TRAINING_CONFIG)).find((p) => p && fs.existsSync(p));
  if (!file) throw new Error(`no ${TRAINING_CONFIG} found (give one with --config FILE)`);
  return parseTrainingConfig(fs.readFileSync(file, 'utf8'), { source: file });
}
