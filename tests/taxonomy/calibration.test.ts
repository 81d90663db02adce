import { describe, expect, it } from 'vitest';
import { calibrationError, fitCalibration, reliabilityTable } from '../../src/taxonomy/calibration.ts';
import { calibrate } from '../../src/taxonomy/classifier-model.ts';

// An overconfident classifier: says p but is right only about (p + 0.5) / 2 of the time.
const points = Array.from({ length: 2000 }, (_, i) => {
  const p = 0.3 + (0.69 * ((i * 7919) % 2000)) / 2000;
  const u = ((i * 104729) % 2000) / 2000;
  return { p, correct: u < (p + 0.5) / 2 };
});

describe('fitCalibration (Platt scaling)', () => {
  it('shrinks an overconfident probability towards what held-out predictions show', () => {
    const cal = fitCalibration(points);
    expect(cal.slope).toBeLessThan(1);
    expect(calibrate(0.95, cal)).toBeGreaterThan(0.65);
    expect(calibrate(0.95, cal)).toBeLessThan(0.86);
    const before = reliabilityTable(points.map((x) => ({ confidence: x.p, correct: x.correct })));
    const after = reliabilityTable(points.map((x) => ({ confidence: calibrate(x.p, cal), correct: x.correct })));
    expect(calibrationError(after)).toBeLessThan(calibrationError(before) * 0.6);
  });

  it('converges from saturated starts and is the identity with nothing to fit', () => {
    const cal = fitCalibration(points.map((x, i) => ({ p: i % 2 ? 0.9999 : 0.98, correct: i % 3 !== 0 })));
    expect(Number.isFinite(cal.slope) && Math.abs(cal.slope) < 10).toBe(true);
    expect(fitCalibration([])).toEqual({ slope: 1, intercept: 0 });
  });
});

describe('reliabilityTable', () => {
  it('bins predictions by confidence with count, mean confidence and accuracy; 1.0 falls in the last bin', () => {
    const t = reliabilityTable([{ confidence: 0.05, correct: false }, { confidence: 0.92, correct: true }, { confidence: 1, correct: false }], 10);
    expect(t).toHaveLength(10);
    expect(t[0]).toMatchObject({ n: 1, accuracy: 0 });
    expect(t[9]).toMatchObject({ n: 2, accuracy: 0.5 });
    expect(t[9].confidence).toBeCloseTo(0.96, 5);
    expect(t[5]).toMatchObject({ n: 0, confidence: null, accuracy: null });
  });
});
