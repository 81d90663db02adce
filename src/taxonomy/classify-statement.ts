import { compileCues, type CueEntry } from './compile-cues.ts';
import { descriptionMatches } from './description-match.ts';
import { matchPhrases, type PhraseMatch } from './match-phrases.ts';
import { sectionPrior } from './section-prior.ts';
import { compareText, sortSmall, splitText, tokenise, type RowWords } from '../text/index.ts';
import { type ClassifierModel, calibrate, modelFits, modelLogits, softmax } from './classifier-model.ts';
import { type FeatureIndex, featureIndex, featureWeight, knownRanks } from './known-features.ts';
import type { Classification, CompetencyScore, CueHit, FeatureHit } from '../types.ts';
import type { ClassifyTextOptions, Taxonomy } from './types.ts';

/** Prefix of a `why.cues` entry that comes from the competency description, not a cue phrase. */
export const DESCRIPTION_CUE = 'description~';

const orders = new WeakMap<Taxonomy, Map<string, number>>();

/** Each competency id's position in the taxonomy (memoised per taxonomy object). */
function orderOf(taxonomy: Taxonomy): Map<string, number> {
  let order = orders.get(taxonomy);
  if (!order) orders.set(taxonomy, (order = new Map(taxonomy.competencies.map((c, i) => [c.id, i]))));
  return order;
}

const cueOrders = new WeakMap<Map<string, number>, (a: CueHit, b: CueHit) => number>();

/** Cues by weight, then competency in taxonomy order, then cue (one comparator per taxonomy order, not one per statement). */
function cueOrder(order: Map<string, number>): (a: CueHit, b: CueHit) => number {
  let compare = cueOrders.get(order);
  if (!compare) cueOrders.set(order, (compare = (a, b) => b.weight - a.weight || order.get(a.competency)! - order.get(b.competency)! || compareText(a.cue, b.cue)));
  return compare;
}

/** Evidence (sum of cue and prior weight) at which confidence reaches ~63% of the primary's share. */
const EVIDENCE_SCALE = 3;

/**
 * Classify one piece of text. With a trained model (`options.model`), see {@link ClassifierModel}: its
 * probabilities are the scores, the calibrated probability of the primary is the confidence, and
 * `why.features` names the features that decided it. Without one: sum the weights of the distinct cue phrases it contains per
 * competency (when none matches, the words it shares with competency descriptions stand in, marked
 * `description~stem` in `why.cues`), add the section prior (scaled by `priors.strength`), normalise to shares.
 * The primary is the highest score; ties go to the stronger text evidence, then to taxonomy order.
 */
export function classifyText(text: string, options: ClassifyTextOptions): Classification {
  // split and stem the text once: the cue lexicon reads the stems, the model the words and stems
  return classifyWords(text, splitText(text), options);
}

/** The taxonomy's cue phrases in a text's stems (`numbers`: their stem numbers, when known), in text order (each occurrence; {@link lexiconEvidence} counts each phrase once). */
export function cueMatches(stems: readonly string[], taxonomy: Taxonomy, numbers?: readonly number[]): PhraseMatch<CueEntry>[] {
  return matchPhrases(stems, compileCues(taxonomy), numbers);
}

/**
 * {@link classifyText} of a text already split ({@link RowWords}: its words and their stems), with its
 * {@link cueMatches} when the caller has them (a statement table's rows are split once for every reader).
 */
export function classifyWords(text: string, split: RowWords, options: ClassifyTextOptions, matches?: readonly PhraseMatch<CueEntry>[]): Classification {
  return classifyWordsWhy(text, split, options, matches, true) as Classification;
}

/** A classification, its `why` left out when `reasons` is false (see `ClassifyAllOptions.reasons`). */
export type MaybeExplained = Omit<Classification, 'why'> & { why?: Classification['why'] };

/** {@link classifyWords}, the reasons (`why`) gathered only when `reasons` is true: the scores are the same either way. */
export function classifyWordsWhy(text: string, split: RowWords, options: ClassifyTextOptions, matches: readonly PhraseMatch<CueEntry>[] | undefined, reasons: boolean): MaybeExplained {
  const { taxonomy, priors, section, model } = options;
  const order = orderOf(taxonomy);
  const raws = split.words;
  const stems = split.stems;
  const { cues, raw } = lexiconEvidence(text, taxonomy, stems, matches);
  const found = priors && section ? sectionPrior(section, priors) : null;
  const known = found ? found.competencies.filter((c) => order.has(c.id)) : [];
  const prior: Classification['why']['prior'] = found && section ? { section, competencies: known.map((c) => ({ id: c.id, score: round(c.score) })) } : undefined;
  if (cues.length > 1) sortSmall(cues, cueOrder(order));
  if (model && modelFits(model, taxonomy)) {
    return classifyWithModel(text, { section, model, order, cues, raw, known, split, prior: prior && known.length ? prior : undefined, reasons });
  }

  const total = new Map(raw);
  let evidence = [...raw.values()].reduce((a, b) => a + b, 0);
  if (priors && known.length) {
    for (const { id, score } of known) total.set(id, (total.get(id) ?? 0) + score * priors.strength);
    evidence += priors.strength;
  }

  const sum = [...total.values()].reduce((a, b) => a + b, 0);
  const competencies: CompetencyScore[] = [...total]
    .filter(([, s]) => s > 0)
    .map(([id, s]) => ({ id, score: s / sum }))
    .sort((a, b) => b.score - a.score || (raw.get(b.id) ?? 0) - (raw.get(a.id) ?? 0) || order.get(a.id)! - order.get(b.id)!)
    .map((c) => sharedScore(lexiconScores(taxonomy, c.id), Math.round(c.score * 10000), c.id));
  const top = competencies[0];
  const confidence = top ? round(top.score * (1 - Math.exp(-evidence / EVIDENCE_SCALE))) : 0;
  return { competency: top?.id ?? null, competencies, confidence, why: !reasons ? undefined : prior ? { cues, prior } : { cues } };
}

/**
 * The cue lexicon's evidence: the distinct cue phrases in the text with their weights, summed per
 * competency; when none matches, words shared with competency descriptions (`description~stem`).
 * `stems`: the text's stems when the caller has them ({@link tokenise} of the text); `matches`: their {@link cueMatches}.
 */
export function lexiconEvidence(
  text: string,
  taxonomy: Taxonomy,
  stems: readonly string[] = tokenise(text),
  matches: readonly PhraseMatch<CueEntry>[] = cueMatches(stems, taxonomy),
): { cues: CueHit[]; raw: Map<string, number> } {
  const raw = new Map<string, number>();
  const cues: CueHit[] = [];
  // one entry per competency and cue in the compiled lexicon (compile-cues.ts), so an entry seen is that cue seen
  // (a set only for a long text: a statement has a few matches, and a look back over them costs less than a set)
  const seen = matches.length > 16 ? new Set<CueEntry>() : undefined;
  for (let m = 0; m < matches.length; m++) {
    const value = matches[m].value;
    if (seen ? seen.has(value) : seenBefore(matches, m)) continue;
    seen?.add(value);
    cues.push({ competency: value.competency, cue: value.cue, weight: value.weight });
    raw.set(value.competency, (raw.get(value.competency) ?? 0) + value.weight);
  }
  if (cues.length === 0) {
    for (const m of descriptionMatches(text, taxonomy, stems)) {
      cues.push({ competency: m.competency, cue: `${DESCRIPTION_CUE}${m.stem}`, weight: m.weight });
      raw.set(m.competency, (raw.get(m.competency) ?? 0) + m.weight);
    }
  }
  return { cues, raw };
}

/** Whether the entry of match m is that of an earlier match. */
function seenBefore(matches: readonly PhraseMatch<CueEntry>[], m: number): boolean {
  for (let i = 0; i < m; i++) if (matches[i].value === matches[m].value) return true;
  return false;
}

const classOrders = new WeakMap<ClassifierModel, { order: Map<string, number>; place: number[] }>();

/** Each model class's position in the taxonomy (memoised per model and taxonomy order). */
function classOrder(model: ClassifierModel, order: Map<string, number>): number[] {
  let memo = classOrders.get(model);
  if (memo?.order !== order) classOrders.set(model, (memo = { order, place: model.classes.map((id) => order.get(id)!) }));
  return memo.place;
}

const NO_PRIOR: ReadonlyMap<string, number> = new Map();

/** Reasons listed per competency in `why.features`. */
const FEATURES_SHOWN = 6;

function classifyWithModel(
  text: string,
  ctx: {
    section?: string;
    model: ClassifierModel;
    order: Map<string, number>;
    cues: CueHit[];
    raw: Map<string, number>;
    known: CompetencyScore[];
    prior?: Classification['why']['prior'];
    split: RowWords;
    reasons: boolean;
  },
): MaybeExplained {
  const { model, order, cues, raw, known, prior } = ctx;
  const priorShare = known.length ? new Map(known.map((c) => [c.id, c.score])) : NO_PRIOR;
  const index = featureIndex(model);
  const ranks = knownRanks(model, text, ctx.section, { cues, split: ctx.split });
  const logits = modelLogits(model, ranks, index, raw, priorShare);
  if (cues.length === 0 && ranks.length === 0 && !prior) return { competency: null, competencies: [], confidence: 0, why: ctx.reasons ? { cues } : undefined };

  const p = softmax(logits);
  const place = classOrder(model, order);
  const K = p.length;
  // classes by probability, ties in taxonomy order (an insertion sort: a dozen or two classes)
  const ranked = new Array<number>(K);
  for (let k = 0; k < K; k++) {
    let i = k;
    while (i > 0 && (p[ranked[i - 1]] < p[k] || (p[ranked[i - 1]] === p[k] && place[ranked[i - 1]] > place[k]))) (ranked[i] = ranked[i - 1]), i--;
    ranked[i] = k;
  }
  const top = ranked[0];
  const competencies: CompetencyScore[] = [];
  const shared = modelScores(model);
  for (let i = 0; i < K; i++) {
    // round(p), as a whole number of ten-thousandths
    const q = Math.round(p[ranked[i]] * 10000);
    if (q > 0) competencies.push(sharedScore(shared[ranked[i]], q, model.classes[ranked[i]]));
  }
  const { min, ratio } = model.secondary;
  const secondary: number[] = [];
  for (let i = 1; i < K; i++) if (p[ranked[i]] >= min && p[ranked[i]] >= ratio * p[top]) secondary.push(ranked[i]);
  let why: Classification['why'] | undefined;
  if (ctx.reasons) {
    const reasons: FeatureHit[] = [];
    reasonsFor(top, reasons, ranks, index, model, raw, priorShare);
    for (const k of secondary) reasonsFor(k, reasons, ranks, index, model, raw, priorShare);
    why = prior ? { cues, prior, features: reasons } : { cues, features: reasons };
  }
  const competency = model.classes[top];
  const confidence = round(calibrate(p[top], model.calibration));
  // the fields in the order they have always been written (the JSON output stays the same byte for byte)
  if (secondary.length === 0) return { competency, competencies, confidence, why };
  return { competency, competencies, secondary: secondary.map((k) => model.classes[k]), confidence, why };
}

/**
 * Add to `out` the strongest reasons for class k: the parts that add to its logit (each feature's weight, the
 * lexicon's and the prior's part), largest first, ties by name, at most {@link FEATURES_SHOWN}. Kept in order
 * as they are found (a statement has a few dozen features, and only the first few are shown: no list of every
 * part to sort).
 */
function reasonsFor(
  k: number,
  out: FeatureHit[],
  ranks: readonly number[],
  index: FeatureIndex,
  model: ClassifierModel,
  raw: ReadonlyMap<string, number>,
  priorShare: ReadonlyMap<string, number>,
): void {
  const id = model.classes[k];
  const best: { feature: string; weight: number }[] = [];
  const offer = (feature: string, weight: number) => {
    let i = best.length;
    while (i > 0 && (best[i - 1].weight < weight || (best[i - 1].weight === weight && compareText(best[i - 1].feature, feature) > 0))) i--;
    if (i >= FEATURES_SHOWN) return;
    let j = best.length < FEATURES_SHOWN ? best.length : FEATURES_SHOWN - 1;
    for (; j > i; j--) best[j] = best[j - 1];
    best[i] = { feature, weight };
  };
  // only what adds to the logit is shown
  for (let j = 0; j < ranks.length; j++) {
    const weight = featureWeight(index, ranks[j], k);
    if (weight > 0) offer(index.names[ranks[j]], weight);
  }
  const lexicon = model.lexicon * (raw.get(id) ?? 0);
  if (lexicon > 0) offer('cues', lexicon);
  const priorPart = model.prior * (priorShare.get(id) ?? 0);
  if (priorPart > 0) offer('prior', priorPart);
  for (const part of best) out.push({ competency: id, feature: part.feature, weight: round(part.weight) });
}

/**
 * The one frozen `{ id, score }` of a competency and a score (`q` ten-thousandths: scores are rounded to four
 * decimals), shared by every row that has it. A row lists every competency with a score, mostly small ones that
 * recur from row to row: one object each was about a seventh of the classified table's heap at 1000x the seeds
 * (1.7 million; here at most 10,001 a competency). Frozen: a reader that changed one would change every row's.
 */
function sharedScore(byQ: Map<number, CompetencyScore>, q: number, id: string): CompetencyScore {
  let entry = byQ.get(q);
  if (entry === undefined) byQ.set(q, (entry = Object.freeze({ id, score: q / 10000 })));
  return entry;
}

type ScoreTable = Map<number, CompetencyScore>;
/** Per taxonomy, per competency id (the cue lexicon's scores); per model, per class (the model's). */
const lexiconTables = new WeakMap<Taxonomy, Map<string, ScoreTable>>();
const classScores = new WeakMap<ClassifierModel, ScoreTable[]>();

function lexiconScores(taxonomy: Taxonomy, id: string): ScoreTable {
  let byId = lexiconTables.get(taxonomy);
  if (!byId) lexiconTables.set(taxonomy, (byId = new Map()));
  let table = byId.get(id);
  if (!table) byId.set(id, (table = new Map()));
  return table;
}

function modelScores(model: ClassifierModel): ScoreTable[] {
  let tables = classScores.get(model);
  if (!tables) classScores.set(model, (tables = model.classes.map(() => new Map())));
  return tables;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
