/**
 * Calibrated placement: one joint least-squares fit of every loaded level on the common scale.
 *
 * What each level's own evidence says is split three ways, because they are not equally trustworthy:
 * - text: cue phrases in its statements. Ladders differ in how grandly they write, so each ladder's text
 *   reading gets an offset of its own (its "writing offset"), pulled towards 0 by a prior;
 * - facts: numbers and structured fields (impact radius in people, planning horizon in months, scope cells);
 * - title: seniority words in the level's title (Junior, Senior, Staff, Principal…).
 * Structure ties a ladder together: consecutive levels sit about one ladder step apart, each ladder's step
 * size pulled towards `step.size`, and variants of one level sit together. Levels of different ladders that
 * share statements (the same sentence in two tracks of one company) are pulled together ("shared").
 * Deterministic; linear in levels, links and ladders per solver iteration.
 */
import { solveLeastSquares, type Term } from './least-squares.ts';

export interface Reading {
  value: number;
  weight: number;
}

export interface LevelInput {
  key: string;
  ladder: string;
  /** Native position: the level number when the ladder's labels have distinct numbers, else its rank. */
  order: number;
  text: Reading | null;
  facts: Reading | null;
  title: Reading | null;
}

export interface SharedLink {
  a: string;
  b: string;
  /** Statements of a with a near-identical statement in b. */
  shared: number;
  weight: number;
}

export interface CalibrationSettings {
  /** Weight of a level's text reading when its evidence is plentiful (saturates with evidence weight). */
  textWeight: number;
  /** Evidence weight at which a text reading has about 63% of its full weight. */
  textSaturation: number;
  factWeight: number;
  factSaturation: number;
  titleWeight: number;
  /** Consecutive levels: expected distance per native step, how firmly, and how far a ladder's step may stray. */
  step: { size: number; weight: number; sizeSd: number };
  /** How far (scale points, 1 sd) a ladder's writing may sit above or below the common reading. */
  offsetSd: number;
  /**
   * How much a ladder's text readings spread per scale point (1: as far apart as the levels; averages of many
   * cues regress to the middle, so usually less), pulled towards `slope` with sd `slopeSd`, never below `minSlope`.
   * Readings are compared around `centre`.
   */
  text: { slope: number; slopeSd: number; minSlope: number; maxSlope: number; centre: number };
  variantWeight: number;
  /** Weight of a shared-statements link per shared statement, and its ceiling. */
  shared: { perStatement: number; max: number };
}

export const DEFAULT_CALIBRATION: CalibrationSettings = {
  textWeight: 2,
  textSaturation: 3,
  factWeight: 2,
  factSaturation: 2,
  titleWeight: 4,
  step: { size: 1, weight: 4, sizeSd: 0.2 },
  offsetSd: 1.5,
  text: { slope: 1, slopeSd: 0.6, minSlope: 0.2, maxSlope: 1, centre: 4 },
  variantWeight: 4,
  shared: { perStatement: 0.5, max: 4 },
};

/** What one term says the level's position should be, given the fitted values of everything else. */
export interface PlacementPart {
  source: 'text' | 'facts' | 'title' | 'below' | 'above' | 'variant' | 'shared' | 'bound';
  /** Position this part argues for. */
  says: number;
  weight: number;
  /** The other level for structural and shared parts. */
  other?: string;
  /** For text: the ladder's writing offset that was taken off the raw reading. */
  offset?: number;
}

export interface CalibratedLevel {
  key: string;
  position: number;
  /** Sum of the weights of the level's own readings (text, facts, title): grows with its evidence, sets the width of its range. */
  precision: number;
  parts: PlacementPart[];
}

export interface LadderFit {
  ladder: string;
  /** The ladder's writing offset: how much higher (+) its text reads than the fit places it (at the scale's centre). */
  offset: number;
  /** How far its text readings spread per scale point. */
  slope: number;
  /** Fitted distance between consecutive native levels. */
  step: number;
}

const saturate = (w: number, at: number) => 1 - Math.exp(-w / Math.max(at, 1e-9));

/** Fit every level at once. Levels are grouped into ladders by `ladder`; native order by `order`. */
export function calibrateLevels(levels: readonly LevelInput[], links: readonly SharedLink[], s: CalibrationSettings = DEFAULT_CALIBRATION): { levels: CalibratedLevel[]; ladders: LadderFit[] } {
  const n = levels.length;
  const index = new Map(levels.map((l, i) => [l.key, i]));
  const ladderIds = [...new Set(levels.map((l) => l.ladder))];
  const ladderIndex = new Map(ladderIds.map((id, i) => [id, i]));
  const ladderOf = levels.map((l) => ladderIndex.get(l.ladder)!);
  const offsetVar = (L: number) => n + 2 * L;
  const stepVar = (L: number) => n + 2 * L + 1;
  const c = s.text.centre;
  const textWeight = levels.map((l) => (l.text && l.text.weight > 0 ? s.textWeight * saturate(l.text.weight, s.textSaturation) : 0));
  // Fixed terms (everything but the text readings, whose coefficients depend on the ladder slopes).
  const fixed: Tagged[] = [];
  const add = (term: Term, level: number, part: PlacementPart['source'], other?: number) => fixed.push({ term, level, part, other });
  levels.forEach((l, i) => {
    if (l.facts && l.facts.weight > 0) add({ vars: [[i, 1]], target: l.facts.value, weight: s.factWeight * saturate(l.facts.weight, s.factSaturation) }, i, 'facts');
    if (l.title && l.title.weight > 0) add({ vars: [[i, 1]], target: l.title.value, weight: s.titleWeight * Math.min(1, l.title.weight) }, i, 'title');
  });
  const priors: Term[] = [];
  const byLadder = new Map<number, number[]>();
  ladderOf.forEach((L, i) => byLadder.set(L, [...(byLadder.get(L) ?? []), i]));
  for (const [L, members] of byLadder) {
    const orders = [...new Set(members.map((i) => levels[i].order))].sort((x, y) => x - y);
    const at = (o: number) => members.filter((i) => levels[i].order === o);
    for (let k = 0; k + 1 < orders.length; k++) {
      const gap = orders[k + 1] - orders[k];
      const lower = at(orders[k]);
      const upper = at(orders[k + 1]);
      // θ_hi − θ_lo − step·gap ≈ 0; when several pages share a level they share the pull.
      for (const lo of lower) for (const hi of upper) {
        const term: Term = { vars: [[hi, 1], [lo, -1], [stepVar(L), -gap]], target: 0, weight: s.step.weight / (lower.length * upper.length) };
        fixed.push({ term, level: hi, part: 'below', other: lo }, { term, level: lo, part: 'above', other: hi });
      }
    }
    for (const o of orders) {
      const same = at(o);
      for (let k = 0; k + 1 < same.length; k++) {
        const term: Term = { vars: [[same[k + 1], 1], [same[k], -1]], target: 0, weight: s.variantWeight };
        fixed.push({ term, level: same[k + 1], part: 'variant', other: same[k] }, { term, level: same[k], part: 'variant', other: same[k + 1] });
      }
    }
    priors.push({ vars: [[stepVar(L), 1]], target: s.step.size, weight: 1 / (s.step.sizeSd * s.step.sizeSd) });
    priors.push({ vars: [[offsetVar(L), 1]], target: 0, weight: 1 / (s.offsetSd * s.offsetSd) });
  }
  for (const link of links) {
    const a = index.get(link.a);
    const b = index.get(link.b);
    if (a === undefined || b === undefined || !(link.weight > 0)) continue;
    const term: Term = { vars: [[a, 1], [b, -1]], target: 0, weight: link.weight };
    fixed.push({ term, level: a, part: 'shared', other: b }, { term, level: b, part: 'shared', other: a });
  }
  // A level with no evidence and no neighbour still needs an anchor: the scale's middle, barely.
  levels.forEach((_, i) => priors.push({ vars: [[i, 1]], target: c, weight: 1e-3 }));
  const fixedTerms = [...new Set(fixed.map((t) => t.term)), ...priors];

  // Text readings speak in two ways: their weighted mean places the ladder (after its writing offset), and each
  // level's distance from that mean, divided by the ladder's slope, spaces it. Slopes are found by alternating:
  // positions given the slopes (linear), then each ladder's slope given the positions.
  const textMembers = [...byLadder].map(([L, members]) => {
    const ms = members.filter((i) => textWeight[i] > 0);
    const W = ms.reduce((t, i) => t + textWeight[i], 0);
    const mean = W > 0 ? ms.reduce((t, i) => t + textWeight[i] * levels[i].text!.value, 0) / W : 0;
    return { L, ms, W, mean };
  }).filter((t) => t.W > 0);
  const slopes = new Float64Array(ladderIds.length).fill(s.text.slope);
  for (const { L, ms, W } of textMembers) {
    // Start from how fast the readings rise per native step, over the expected step size.
    if (new Set(ms.map((i) => levels[i].order)).size < 2) continue;
    const mo = ms.reduce((t, i) => t + textWeight[i] * levels[i].order, 0) / W;
    const mv = ms.reduce((t, i) => t + textWeight[i] * levels[i].text!.value, 0) / W;
    const cov = ms.reduce((t, i) => t + textWeight[i] * (levels[i].order - mo) * (levels[i].text!.value - mv), 0);
    const vo = ms.reduce((t, i) => t + textWeight[i] * (levels[i].order - mo) ** 2, 0);
    slopes[L] = clampSlope(cov / vo / s.step.size, s);
  }
  const slopePrior = 1 / (s.text.slopeSd * s.text.slopeSd);
  const bounds = new Map<number, number>();
  let x: Float64Array = new Float64Array(n + 2 * ladderIds.length);
  const textTerms = (): Term[] => {
    const out: Term[] = [];
    for (const { L, ms, W, mean } of textMembers) {
      out.push({ vars: [...ms.map((i) => [i, textWeight[i] / W] as const), [offsetVar(L), 1]], target: mean, weight: W });
      if (ms.length < 2) continue;
      const b = slopes[L];
      for (const i of ms) out.push({ vars: ms.map((j) => [j, b * ((i === j ? 1 : 0) - textWeight[j] / W)] as const), target: levels[i].text!.value - mean, weight: textWeight[i] });
    }
    return out;
  };
  for (let round = 0; round < 16; round++) {
    const bound = [...bounds].map(([i, v]): Term => ({ vars: [[i, 1]], target: v, weight: BOUND_WEIGHT }));
    x = solveLeastSquares(n + 2 * ladderIds.length, [...fixedTerms, ...textTerms(), ...bound]).x;
    let moved = 0;
    // The scale ends at 1 and 7: a level the fit pushes past an end is held at it, and the rest refit around it.
    levels.forEach((_, i) => {
      if (x[i] < SCALE_MIN - 1e-6 && !bounds.has(i)) (bounds.set(i, SCALE_MIN), (moved = 1));
      if (x[i] > SCALE_MAX + 1e-6 && !bounds.has(i)) (bounds.set(i, SCALE_MAX), (moved = 1));
    });
    for (const { L, ms, W, mean } of textMembers) {
      if (ms.length < 2) continue;
      const centre = ms.reduce((t, i) => t + textWeight[i] * x[i], 0) / W;
      let num = slopePrior * s.text.slope;
      let den = slopePrior;
      for (const i of ms) {
        num += textWeight[i] * (levels[i].text!.value - mean) * (x[i] - centre);
        den += textWeight[i] * (x[i] - centre) ** 2;
      }
      const next = clampSlope(num / den, s);
      moved = Math.max(moved, Math.abs(next - slopes[L]));
      slopes[L] = next;
    }
    if (moved < 1e-4) break;
  }

  const parts: PlacementPart[][] = levels.map(() => []);
  const precision = new Float64Array(n);
  for (const t of fixed) {
    const i = t.level;
    const own = t.term.vars.find(([v]) => v === i)![1];
    // What the term says θ_i should be with every other unknown at its fitted value.
    let rest = 0;
    for (const [v, coef] of t.term.vars) if (v !== i) rest += coef * x[v];
    const weight = t.term.weight * own * own;
    if (t.part === 'facts' || t.part === 'title') precision[i] += weight;
    const part: PlacementPart = { source: t.part, says: round((t.term.target - rest) / own), weight: round(weight) };
    if (t.other !== undefined) part.other = levels[t.other].key;
    parts[i].push(part);
  }
  for (const { L, ms, W, mean } of textMembers) {
    // Text says: the ladder's fitted centre, plus this level's distance from its ladder's text mean at the ladder's slope.
    const centre = ms.reduce((t, i) => t + textWeight[i] * x[i], 0) / W;
    for (const i of ms) {
      precision[i] += textWeight[i];
      parts[i].push({ source: 'text', says: round(centre + (levels[i].text!.value - mean) / slopes[L]), weight: round(textWeight[i]), offset: round(x[offsetVar(L)]) });
    }
  }
  for (const [i, v] of bounds) parts[i].push({ source: 'bound', says: v, weight: BOUND_WEIGHT });
  return {
    levels: levels.map((l, i) => ({ key: l.key, position: Math.min(SCALE_MAX, Math.max(SCALE_MIN, x[i])), precision: precision[i], parts: parts[i] })),
    ladders: ladderIds.map((id, L) => ({ ladder: id, offset: round(x[offsetVar(L)]), slope: round(slopes[L]), step: round(x[stepVar(L)]) })),
  };
}

const SCALE_MIN = 1;
const SCALE_MAX = 7;
const BOUND_WEIGHT = 50;

const clampSlope = (b: number, s: CalibrationSettings) => Math.min(s.text.maxSlope, Math.max(s.text.minSlope, b));

interface Tagged {
  term: Term;
  level: number;
  part: PlacementPart['source'];
  other?: number;
}

const round = (v: number) => Math.round(v * 1000) / 1000;
