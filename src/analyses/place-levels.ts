/** Place every company level on the common 1–7 scale from the scope/autonomy/horizon evidence in its statements. */
import type { LadderSet, LevelInfo } from '../types.ts';
import { isotonic } from './isotonic.ts';
import { groupBy, ladderKey, levelKey, levelLabel, listLevels } from './level-keys.ts';
import type { ScaleCues } from './scale-cues.ts';
import { statementEvidence, titleEvidence } from './statement-evidence.ts';
import type { LevelPlacement, ScaleEvidence } from './types.ts';

export interface PlaceOptions {
  scaleCues: ScaleCues;
  /** Share of the evidence weight left out on each side of the range (default 0.25: the middle half). */
  rangeQuantile?: number;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const clamp = (x: number) => Math.min(7, Math.max(1, x));

/**
 * Weighted quantile with linear interpolation: each value sits at the middle of its share of the total weight
 * (so a heavy value spans a wide stretch), and between those points the quantile is interpolated.
 */
export function weightedQuantile(items: { value: number; weight: number }[], q: number): number {
  const sorted = items.filter((e) => e.weight > 0).sort((a, b) => a.value - b.value);
  if (!sorted.length) return NaN;
  const total = sorted.reduce((t, e) => t + e.weight, 0);
  const target = q * total;
  let acc = 0;
  let prev: { at: number; value: number } | null = null;
  for (const e of sorted) {
    const at = acc + e.weight / 2;
    if (target <= at) {
      if (!prev) return e.value;
      return prev.value + ((target - prev.at) / (at - prev.at)) * (e.value - prev.value);
    }
    prev = { at, value: e.value };
    acc += e.weight;
  }
  return sorted[sorted.length - 1].value;
}

/**
 * Place levels. For each level: position = weighted mean of its evidence values; range = the weighted
 * middle of the values widened by an uncertainty margin that shrinks as evidence grows; then, per ladder
 * (company + track), positions, lows and highs are fitted to be non-decreasing in native level order
 * (weighted isotonic regression), each level at least `fit.minStep` above the one below. Levels without evidence
 * are interpolated between their neighbours.
 */
export function placeLevels(set: Pick<LadderSet, 'statements'> & Partial<Pick<LadderSet, 'levels'>>, options: PlaceOptions): LevelPlacement[] {
  const q = options.rangeQuantile ?? 0.2;
  const byLevel = groupBy(set.statements, levelKey);
  const levels = listLevels(set);
  const raw = levels.map((info) => {
    const statements = byLevel.get(levelKey(info)) ?? [];
    const evidence = [...titleEvidence(info.levelTitle, levelKey(info), options.scaleCues), ...statements.flatMap((s) => statementEvidence(s, options.scaleCues))];
    evidence.sort((a, b) => b.weight - a.weight || b.value - a.value || (a.statementId < b.statementId ? -1 : a.statementId > b.statementId ? 1 : 0));
    const w = evidence.reduce((t, e) => t + e.weight, 0);
    const mean = w > 0 ? evidence.reduce((t, e) => t + e.value * e.weight, 0) / w : null;
    const margin = w > 0 ? 0.25 + 1 / Math.sqrt(1 + w) : 0;
    const low = mean === null ? null : Math.min(mean - margin, weightedQuantile(evidence, q));
    const high = mean === null ? null : Math.max(mean + margin, weightedQuantile(evidence, 1 - q));
    return { info, evidence, w, mean, low, high, statementIds: statements.map((s) => s.id) };
  });

  const out: LevelPlacement[] = [];
  for (const ladder of groupBy(raw, (r) => ladderKey(r.info)).values()) {
    const withEv = ladder.filter((r) => r.mean !== null);
    const weights = withEv.map((r) => r.w);
    const offsets = stepOffsets(withEv.map((r) => r.info.levelOrder), options.scaleCues.fit?.minStep ?? 0);
    const fit = (values: number[]) => isotonic(values.map((v, i) => v - offsets[i]), weights).map((v, i) => v + offsets[i]);
    const pos = fit(withEv.map((r) => r.mean!));
    const lows = fit(withEv.map((r) => r.low!));
    const highs = fit(withEv.map((r) => r.high!));
    const fitted = new Map(withEv.map((r, i) => [r, { position: clamp(pos[i]), low: clamp(Math.min(lows[i], pos[i])), high: clamp(Math.max(highs[i], pos[i])) }]));
    ladder.forEach((r, i) => {
      let f = fitted.get(r);
      let basis: LevelPlacement['basis'] = 'evidence';
      if (!f) {
        const prev = [...ladder.slice(0, i)].reverse().find((x) => fitted.has(x));
        const next = ladder.slice(i + 1).find((x) => fitted.has(x));
        f = interpolate(r.info, prev && { info: prev.info, ...fitted.get(prev)! }, next && { info: next.info, ...fitted.get(next)! });
        basis = prev || next ? 'interpolated' : 'none';
      }
      out.push(toPlacement(r.info, f, r.mean, r.w, basis, r.evidence, r.statementIds));
    });
  }
  return out;
}

/**
 * Offsets that make the isotonic fit keep each level at least `minStep` above the level below it: fitting
 * values − offset non-decreasing and adding the offset back is the closest fit with those gaps. Levels sharing
 * a native order (variants) share an offset.
 */
export function stepOffsets(orders: number[], minStep: number): number[] {
  const distinct = [...new Set(orders)].sort((a, b) => a - b);
  return orders.map((o) => distinct.indexOf(o) * minStep);
}

type Fit = { position: number; low: number; high: number };

function interpolate(info: LevelInfo, prev?: Fit & { info: LevelInfo }, next?: Fit & { info: LevelInfo }): Fit {
  if (prev && next) {
    const t = (info.levelOrder - prev.info.levelOrder) / Math.max(1e-9, next.info.levelOrder - prev.info.levelOrder);
    return { position: prev.position + t * (next.position - prev.position), low: prev.low, high: next.high };
  }
  if (prev) return { position: clamp(prev.position + Math.max(0, info.levelOrder - prev.info.levelOrder)), low: prev.position, high: 7 };
  if (next) return { position: clamp(next.position - Math.max(0, next.info.levelOrder - info.levelOrder)), low: 1, high: next.position };
  return { position: 4, low: 1, high: 7 };
}

function toPlacement(
  info: LevelInfo,
  f: Fit,
  mean: number | null,
  w: number,
  basis: LevelPlacement['basis'],
  evidence: ScaleEvidence[],
  statementIds: string[],
): LevelPlacement {
  return {
    key: levelKey(info),
    label: levelLabel(info),
    company: info.company,
    companyName: info.companyName,
    track: info.track,
    level: info.level,
    levelTitle: info.levelTitle,
    levelOrder: info.levelOrder,
    ...(info.variant ? { variant: info.variant } : {}),
    position: r2(f.position),
    low: r2(Math.min(f.low, f.position)),
    high: r2(Math.max(f.high, f.position)),
    rawPosition: mean === null ? null : r2(mean),
    evidenceWeight: r2(w),
    basis,
    evidence,
    statementIds,
  };
}
