import { calibrate, type ClassifierModel } from './classifier-model.ts';
import { classifyText } from './classify-statement.ts';
import { fitCalibration } from './calibration.ts';
import { type TrainingConfig, trainModel } from './train-model.ts';
import type { SectionPriors, Taxonomy } from './types.ts';
import type { Classification } from '../types.ts';

/** A labelled statement with the ladders it belongs to. */
export interface LabelledExample {
  id: string;
  text: string;
  /** Acceptable competency ids, preferred first. */
  acceptable: string[];
  /** Every ladder whose text holds this statement (normalised): holding any of them out takes it out of training. */
  ladders: string[];
  /** Its section in each ladder where an ingested statement was found. */
  sections: Record<string, string>;
  /** Section used when training on it. */
  section?: string;
  /** Whether it is scored when one of its ladders is held out (the blind corpus), or only trained on. */
  scored: boolean;
  /** Name of the labelled set it comes from. */
  set: string;
  /** Written for training from the taxonomy alone (never scored; weighs `syntheticWeight` in the loss). */
  synthetic?: boolean;
}

/** A group of ladders held out together. */
export interface Fold {
  name: string;
  ladders: string[];
}

/** One scored statement of a held-out fold: today's classification (cue lexicon and priors) and the trained model's. */
export interface HoldoutPrediction {
  fold: string;
  example: LabelledExample;
  /** Whether the statement was found in the fold's ingested ladders (else classified from its text alone). */
  found: boolean;
  before: Classification;
  after: Classification;
  /** The model's confidence calibrated on the other folds' predictions only. */
  confidence: number;
}

export interface HoldoutOptions {
  taxonomy: Taxonomy;
  priors?: SectionPriors;
  config: TrainingConfig;
  /** Called after each fold is trained and scored (progress). */
  onFold?: (fold: Fold, trained: number, scored: number) => void;
}

const accepted = (c: Classification, e: LabelledExample) => c.competency !== null && e.acceptable.includes(c.competency);

/**
 * Held-out evaluation: for each fold, train on every labelled statement that none of the fold's ladders
 * holds, and classify the fold's scored statements (with their section in that ladder when found).
 * Confidence is then calibrated per fold on the other folds' held-out predictions (never its own).
 */
export function holdOut(examples: LabelledExample[], folds: Fold[], { taxonomy, priors, config, onFold }: HoldoutOptions): HoldoutPrediction[] {
  const raw: Omit<HoldoutPrediction, 'confidence'>[] = [];
  for (const fold of folds) {
    const out = new Set(fold.ladders);
    const training = trainingSetFor(examples, fold);
    const model: ClassifierModel = trainModel(weighted(training, config), { taxonomy, priors, config });
    const scored = examples.filter((e) => e.scored && e.ladders.some((l) => out.has(l)));
    for (const example of scored) {
      const at = fold.ladders.find((l) => example.sections[l] !== undefined);
      const section = at === undefined ? undefined : example.sections[at] || undefined;
      raw.push({
        fold: fold.name,
        example,
        found: at !== undefined,
        before: classifyText(example.text, { taxonomy, priors, section }),
        after: classifyText(example.text, { taxonomy, priors, section, model }),
      });
    }
    onFold?.(fold, training.length, scored.length);
  }
  const probability = (c: Classification) => c.competencies[0]?.score ?? 0;
  const byFold = new Map(folds.map((f) => [f.name, fitCalibration(raw.filter((o) => o.fold !== f.name).map((o) => ({ p: probability(o.after), correct: accepted(o.after, o.example) })))]));
  return raw.map((r) => ({ ...r, confidence: r.after.competency === null ? 0 : calibrate(probability(r.after), byFold.get(r.fold)!) }));
}

/** Labelled statements as training examples: blind-corpus statements weigh 1, synthetic ones `config.syntheticWeight`, the others `config.otherSetsWeight`. */
export function weighted(examples: LabelledExample[], config: TrainingConfig): (LabelledExample & { weight: number })[] {
  return examples.map((e) => ({ ...e, weight: e.synthetic ? config.syntheticWeight : e.scored ? 1 : config.otherSetsWeight }));
}

/** The statements a fold may train on: those that none of its ladders holds (by normalised text). */
export function trainingSetFor(examples: LabelledExample[], fold: Fold): LabelledExample[] {
  const out = new Set(fold.ladders);
  return examples.filter((e) => !e.ladders.some((l) => out.has(l)));
}

/** Out-of-fold points for fitting the shipped model's calibration. */
export function calibrationPoints(predictions: HoldoutPrediction[]): { p: number; correct: boolean }[] {
  return predictions.map((r) => ({ p: r.after.competencies[0]?.score ?? 0, correct: accepted(r.after, r.example) }));
}

/** Whether a classification's primary is one of the statement's acceptable labels. */
export function isAccepted(c: Classification, e: LabelledExample): boolean {
  return accepted(c, e);
}
