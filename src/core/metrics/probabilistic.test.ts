import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, DataError } from '../errors';
import { brierMulticlass, expectedCalibrationError, logLoss } from './probabilistic';

describe('probabilistic metrics by hand', () => {
  const y = [0, 1];
  const p = [0.8, 0.2, 0.4, 0.6];

  it('Brier: mean squared distance to the one-hot label', () => {
    // row 0: 0.2² + 0.2² = 0.08; row 1: 0.4² + 0.4² = 0.32
    expect(brierMulticlass(y, p, 2)).toBeCloseTo(0.2, 15);
  });

  it('log loss: mean negative log-probability of the true class', () => {
    expect(logLoss(y, p, 2)).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 15);
  });

  it('log loss clips a confident mistake to −log(eps) (eps = dtype machine epsilon by default)', () => {
    expect(logLoss([1], [1, 0], 2)).toBeCloseTo(-Math.log(2 ** -52), 12);
    expect(logLoss([1], new Float32Array([1, 0]), 2)).toBeCloseTo(-Math.log(2 ** -23), 6);
    expect(logLoss([1], [1, 0], 2, { eps: 1e-15 })).toBeCloseTo(-Math.log(1e-15), 12);
    expect(() => logLoss([1], [1, 0], 2, { eps: 0 })).toThrow(/Got 0 instead\.$/);
  });

  it('log loss renormalises rows that do not sum to 1', () => {
    expect(logLoss([0], [2, 2], 2)).toBeCloseTo(Math.log(2), 15);
  });

  it('ECE and reliability bins', () => {
    // confidences 0.9 (right), 0.9 (wrong), 0.6 (right): one bin (0.5, 1] with acc 2/3, conf 0.8
    const r = expectedCalibrationError([0, 0, 1], [0.9, 0.1, 0.1, 0.9, 0.4, 0.6], 2, 2);
    expect(r.ece).toBeCloseTo(0.8 - 2 / 3, 15);
    expect(r.bins[0]).toEqual({ lo: 0, hi: 0.5, count: 0, confidence: NaN, accuracy: NaN });
    expect(r.bins[1].count).toBe(3);
    expect(r.bins[1].confidence).toBeCloseTo(0.8, 15);
    expect(r.bins[1].accuracy).toBeCloseTo(2 / 3, 15);
  });

  it('ECE bins are (lo, hi]: a confidence on an edge goes to the lower bin', () => {
    const r = expectedCalibrationError([0], [0.5, 0.5], 2, 2);
    expect(r.bins.map((b) => b.count)).toEqual([1, 0]);
    expect(r.ece).toBeCloseTo(0.5, 15); // predicted class 0 (first max) is right, confidence 0.5
  });

  it('defaults to 15 bins with numpy.linspace edges', () => {
    const r = expectedCalibrationError([0], [1, 0], 2);
    expect(r.bins).toHaveLength(15);
    expect(r.bins[14].hi).toBe(1);
    expect(r.bins[3].lo).toBe(3 * (1 / 15));
    expect(r.ece).toBe(0);
  });

  it('validates inputs', () => {
    expect(() => brierMulticlass([0, 1], [0.5, 0.5], 2)).toThrow(/Got 2 instead\.$/);
    expect(() => logLoss([0], [0.5, NaN], 2)).toThrow(DataError);
    expect(() => expectedCalibrationError([0], [0.5, 0.5], 2, 0)).toThrow(ConfigError);
    expect(() => expectedCalibrationError([0], [0.5, 0.5], 2, 2.5)).toThrow(/Got 2\.5 instead\.$/);
  });
});

describe('probabilistic metrics: properties', () => {
  const softmaxRows = fc.integer({ min: 2, max: 5 }).chain((c) =>
    fc.record({
      c: fc.constant(c),
      rows: fc.array(
        fc.tuple(
          fc.nat({ max: c - 1 }),
          fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: c, maxLength: c }),
        ),
        { minLength: 1, maxLength: 40 },
      ),
    }),
  );

  it('ranges: Brier in [0, 2], log loss ≥ 0, ECE in [0, 1], bins count every row', () => {
    fc.assert(
      fc.property(softmaxRows, ({ c, rows }) => {
        const y = rows.map((r) => r[0]);
        const scores = rows.flatMap(([, logits]) => {
          const m = Math.max(...logits);
          const e = logits.map((v) => Math.exp(v - m));
          const z = e.reduce((a, b) => a + b, 0);
          return e.map((v) => v / z);
        });
        const brier = brierMulticlass(y, scores, c);
        expect(brier).toBeGreaterThanOrEqual(0);
        expect(brier).toBeLessThanOrEqual(2 + 1e-12);
        expect(logLoss(y, scores, c)).toBeGreaterThanOrEqual(0);
        const r = expectedCalibrationError(y, scores, c, 10);
        expect(r.ece).toBeGreaterThanOrEqual(0);
        expect(r.ece).toBeLessThanOrEqual(1 + 1e-12);
        expect(r.bins.reduce((a, b) => a + b.count, 0)).toBe(y.length);
      }),
    );
  });
});
