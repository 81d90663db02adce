import type { ClassifierModel } from './classifier-model.ts';

/** A held-out prediction: the primary's probability and whether a blind annotator accepts the primary. */
export interface ScoredPrediction {
  p: number;
  correct: boolean;
}

const logit = (p: number) => {
  const q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
  return Math.log(q / (1 - q));
};

/**
 * Platt scaling: fit confidence = σ(slope × logit(p) + intercept) to held-out predictions by damped
 * Newton steps on the log-likelihood (a tiny ridge keeps it defined when every prediction is right).
 * Deterministic. With no predictions, the identity.
 */
export function fitCalibration(points: ScoredPrediction[]): ClassifierModel['calibration'] {
  if (points.length === 0) return { slope: 1, intercept: 0 };
  const ridge = 1e-3;
  const data = points.map(({ p, correct }) => ({ t: logit(p), y: correct ? 1 : 0 }));
  const loss = (a: number, b: number) => {
    let sum = (ridge / 2) * ((a - 1) ** 2 + b ** 2);
    for (const { t, y } of data) {
      const z = a * t + b;
      // −log σ(z) for a right primary, −log(1 − σ(z)) for a wrong one, computed without overflow
      sum += Math.max(0, y ? -z : z) + Math.log1p(Math.exp(-Math.abs(z)));
    }
    return sum;
  };
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let ga = ridge * (a - 1);
    let gb = ridge * b;
    let haa = ridge;
    let hab = 0;
    let hbb = ridge;
    for (const { t, y } of data) {
      const q = 1 / (1 + Math.exp(-(a * t + b)));
      const w = q * (1 - q);
      ga += (q - y) * t;
      gb += q - y;
      haa += w * t * t;
      hab += w * t;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    // damped Newton: halve the step until the loss goes down (plain Newton overshoots from saturated starts)
    let step = 1;
    let next = loss(a - da, b - db);
    while (next > current && step > 1e-6) {
      step /= 2;
      next = loss(a - step * da, b - step * db);
    }
    if (next > current) break;
    a -= step * da;
    b -= step * db;
    const done = current - next < 1e-12 * Math.max(1, current);
    current = next;
    if (done) break;
  }
  return { slope: Math.round(a * 10000) / 10000, intercept: Math.round(b * 10000) / 10000 };
}

/** One row of a reliability table: predictions whose confidence falls in [from, to). */
export interface ReliabilityBin {
  from: number;
  to: number;
  n: number;
  /** Mean confidence in the bin. */
  confidence: number | null;
  /** Share of the bin's primaries that are acceptable. */
  accuracy: number | null;
}

/** Reliability table: confidence bins of equal width (the last includes 1) → mean confidence, accuracy, count. */
export function reliabilityTable(points: { confidence: number; correct: boolean }[], bins = 10): ReliabilityBin[] {
  return Array.from({ length: bins }, (_, i) => {
    const from = i / bins;
    const to = (i + 1) / bins;
    const inBin = points.filter((x) => x.confidence >= from && (x.confidence < to || (i === bins - 1 && x.confidence <= 1)));
    const n = inBin.length;
    return {
      from,
      to,
      n,
      confidence: n ? inBin.reduce((s, x) => s + x.confidence, 0) / n : null,
      accuracy: n ? inBin.filter((x) => x.correct).length / n : null,
    };
  });
}

/** Expected calibration error: the count-weighted mean gap between confidence and accuracy over the bins. */
export function calibrationError(table: ReliabilityBin[]): number {
  const total = table.reduce((s, b) => s + b.n, 0);
  return total ? table.reduce((s, b) => s + (b.n ? (b.n / total) * Math.abs(b.confidence! - b.accuracy!) : 0), 0) : 0;
}
