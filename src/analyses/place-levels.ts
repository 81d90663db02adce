/** Place every company level on the common 1–7 scale from the scope/autonomy/horizon evidence in its statements. */
import type { LadderSet, LevelInfo, Statement } from '../types.ts';
import { calibrateLevels, DEFAULT_CALIBRATION, type CalibrationSettings, type LevelInput, type Reading, type SharedLink } from './calibrate-levels.ts';
import { isotonic } from './isotonic.ts';
import { groupBy, groupByLevel, ladderKey, levelKey, levelLabel, levelName, listLevels, multiTrackCompanies } from './level-keys.ts';
import type { ScaleCues } from './scale-cues.ts';
import { statementEvidence, titleEvidence, titleWords } from './statement-evidence.ts';
import { sharedStatements } from './shared-statements.ts';
import type { LevelPlacement, ScaleEvidence } from './types.ts';

export interface PlaceOptions {
  scaleCues: ScaleCues;
  /** Share of the evidence weight left out on each side of the range (default 0.2: the middle 60%). */
  rangeQuantile?: number;
  /** Pull levels of different ladders that share statements together (default true). */
  shared?: boolean;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
/** Range half-width = RANGE_BASE + RANGE_SCALE / √(weight of the level's own readings). */
const RANGE_BASE = 0.25;
const RANGE_SCALE = 0.6;
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

/** Huber-weighted mean: values far from the centre (more than `delta` scale points) count less, so one phrase can't carry a level. */
export function robustMean(items: readonly { value: number; weight: number }[], delta = 1): number | null {
  const live = items.filter((e) => e.weight > 0);
  if (!live.length) return null;
  let mu = weightedQuantile(live, 0.5);
  for (let it = 0; it < 8; it++) {
    let sw = 0;
    let sv = 0;
    for (const e of live) {
      const d = Math.abs(e.value - mu);
      const w = e.weight * (d <= delta ? 1 : delta / d);
      sw += w;
      sv += w * e.value;
    }
    mu = sv / sw;
  }
  return mu;
}

const sum = (xs: readonly { weight: number }[]) => xs.reduce((t, e) => t + e.weight, 0);
const reading = (xs: readonly ScaleEvidence[], robust: boolean): Reading | null => {
  const value = robust ? robustMean(xs) : xs.length ? xs.reduce((t, e) => t + e.value * e.weight, 0) / sum(xs) : null;
  return value === null || !Number.isFinite(value) ? null : { value, weight: sum(xs) };
};

/**
 * Links between levels of different ladders that share statements. A company's template repeats sentences
 * across neighbouring levels, so a link needs both sides to agree: b is a's best-sharing level in b's ladder and a
 * is b's best-sharing level in a's ladder (mutual best), with at least two shared statements.
 */
export function sharedLinks(statements: readonly Statement[], settings: CalibrationSettings): SharedLink[] {
  const counts = sharedStatements(statements);
  const ladderOfKey = (key: string) => key.split('|').slice(0, 2).join('|');
  const best = new Map<string, { keys: Set<string>; shared: number }>();
  for (const c of counts) {
    const k = `${c.a}\u0000${ladderOfKey(c.b)}`;
    const have = best.get(k);
    if (!have || c.shared > have.shared) best.set(k, { keys: new Set([c.b]), shared: c.shared });
    else if (c.shared === have.shared) have.keys.add(c.b);
  }
  const isBest = (a: string, b: string) => best.get(`${a}\u0000${ladderOfKey(b)}`)?.keys.has(b) ?? false;
  const links = new Map<string, SharedLink>();
  for (const c of counts) {
    if (c.shared < 2 || !isBest(c.a, c.b) || !isBest(c.b, c.a)) continue;
    const [a, b] = c.a < c.b ? [c.a, c.b] : [c.b, c.a];
    const weight = Math.min(settings.shared.max, settings.shared.perStatement * c.shared);
    const k = `${a}\u0000${b}`;
    if ((links.get(k)?.weight ?? 0) < weight) links.set(k, { a, b, shared: c.shared, weight });
  }
  return [...links.values()];
}

/** Per ladder of two or more native levels: the title words every level carries (the role's name, not a seniority). */
export function sharedTitleWords(levels: readonly LevelInfo[], cues: PlaceOptions['scaleCues']): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [ladder, members] of groupBy(levels, ladderKey)) {
    if (new Set(members.map((l) => l.levelOrder)).size < 2) continue;
    const sets = members.map((l) => titleWords(l.levelTitle, cues));
    out.set(ladder, new Set([...sets[0]].filter((w) => sets.every((s) => s.has(w)))));
  }
  return out;
}

/**
 * Place levels. Each level's evidence gives up to three readings (text, facts, title); one joint fit over
 * every loaded ladder turns them into positions, with each ladder's writing offset and step size, consecutive
 * levels about a step apart, and levels sharing statements pulled together (calibrate-levels.ts). The range is
 * the position ± an uncertainty that shrinks as the evidence pinning the level grows, widened to the middle of
 * its own cue values. Last, each ladder keeps its native order (isotonic fit, at least `fit.minStep` apart).
 */
export function placeLevels(set: Pick<LadderSet, 'statements'> & Partial<Pick<LadderSet, 'levels'>>, options: PlaceOptions): LevelPlacement[] {
  const q = options.rangeQuantile ?? 0.2;
  const settings = options.scaleCues.calibration ?? DEFAULT_CALIBRATION;
  const byLevel = groupByLevel(set.statements);
  const levels = listLevels(set);
  const roleWords = sharedTitleWords(levels, options.scaleCues);
  const raw = levels.map((info) => {
    const statements = byLevel.get(levelKey(info)) ?? [];
    const evidence = [...titleEvidence(info.levelTitle, levelKey(info), options.scaleCues, roleWords.get(ladderKey(info))), ...statements.flatMap((s) => statementEvidence(s, options.scaleCues))];
    evidence.sort((a, b) => b.weight - a.weight || b.value - a.value || (a.statementId < b.statementId ? -1 : a.statementId > b.statementId ? 1 : 0));
    const w = sum(evidence);
    const mean = w > 0 ? evidence.reduce((t, e) => t + e.value * e.weight, 0) / w : null;
    const isTitle = (e: ScaleEvidence) => e.dimension === 'title';
    const input: LevelInput = {
      key: levelKey(info),
      ladder: ladderKey(info),
      order: info.levelOrder,
      text: reading(evidence.filter((e) => !e.fact && !isTitle(e)), true),
      facts: reading(evidence.filter((e) => e.fact && !isTitle(e)), false),
      title: reading(evidence.filter(isTitle), false),
    };
    return { info, evidence, w, mean, input, statementIds: statements.map((s) => s.id) };
  });
  const fit = calibrateLevels(raw.map((r) => r.input), options.shared === false ? [] : sharedLinks(set.statements, settings), settings);
  const fitted = new Map(fit.levels.map((l) => [l.key, l]));
  const ladderFit = new Map(fit.ladders.map((l) => [l.ladder, l]));

  const multi = multiTrackCompanies(levels);
  const out: LevelPlacement[] = [];
  for (const ladder of groupBy(raw, (r) => ladderKey(r.info)).values()) {
    const cal = ladder.map((r) => fitted.get(r.input.key)!);
    // Half-width: an uncertainty that shrinks as the level's own evidence grows (a level placed by its neighbours
    // alone reaches to them), widened to the middle of its own cue values, shifted by the fit.
    const spread = cal.map((c) => (c.precision > 0 ? RANGE_BASE + RANGE_SCALE / Math.sqrt(c.precision) : Infinity));
    const lowsRaw = ladder.map((r, i) => Math.min(cal[i].position - spread[i], r.w > 0 ? weightedQuantile(r.evidence, q) - (r.mean! - cal[i].position) : Infinity));
    const highsRaw = ladder.map((r, i) => Math.max(cal[i].position + spread[i], r.w > 0 ? weightedQuantile(r.evidence, 1 - q) - (r.mean! - cal[i].position) : -Infinity));
    ladder.forEach((r, i) => {
      if (Number.isFinite(spread[i])) return;
      const below = cal.slice(0, i).reverse().find((c) => c.precision > 0);
      const above = cal.slice(i + 1).find((c) => c.precision > 0);
      lowsRaw[i] = below ? Math.min(below.position, cal[i].position) : 1;
      highsRaw[i] = above ? Math.max(above.position, cal[i].position) : 7;
    });
    const weights = cal.map((c) => Math.max(c.precision, 1e-3));
    const offsets = stepOffsets(ladder.map((r) => r.info.levelOrder), options.scaleCues.fit?.minStep ?? 0);
    const iso = (values: number[]) => isotonic(values.map((v, i) => v - offsets[i]), weights).map((v, i) => v + offsets[i]);
    const pos = iso(cal.map((c) => c.position));
    const lows = iso(lowsRaw);
    const highs = iso(highsRaw);
    ladder.forEach((r, i) => {
      const lf = ladderFit.get(r.input.ladder)!;
      const f = { position: clamp(pos[i]), low: clamp(Math.min(lows[i], pos[i])), high: clamp(Math.max(highs[i], pos[i])) };
      const basis: LevelPlacement['basis'] = r.w > 0 ? 'evidence' : ladder.some((x) => x.w > 0) ? 'interpolated' : 'none';
      const placement = toPlacement(r.info, f, r.mean, r.w, basis, r.evidence, r.statementIds, multi.has(r.info.company));
      placement.calibration = {
        parts: cal[i].parts,
        offset: lf.offset,
        step: lf.step,
        slope: lf.slope,
        readings: { text: r2n(r.input.text?.value), facts: r2n(r.input.facts?.value), title: r2n(r.input.title?.value) },
      };
      out.push(placement);
    });
  }
  return out;
}

const r2n = (x: number | undefined) => (x === undefined ? null : r2(x));

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

function toPlacement(
  info: LevelInfo,
  f: Fit,
  mean: number | null,
  w: number,
  basis: LevelPlacement['basis'],
  evidence: ScaleEvidence[],
  statementIds: string[],
  multiTrack: boolean,
): LevelPlacement {
  return {
    key: levelKey(info),
    label: levelLabel(info, multiTrack),
    name: levelName(info, multiTrack),
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
