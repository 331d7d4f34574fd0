import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { expectedCalibrationError } from '../metrics';
import { calibrationView } from './calibration';
import type { ScoredMethod } from './scoredMethod';

describe('calibrationView', () => {
  it('reports ECE before and after dividing by the training priors, by hand', () => {
    // One row of class 1 scored [0.6, 0.4]: wrong at confidence 0.6, ECE 0.6. With priors
    // [0.9, 0.1] it becomes [0.6/0.9, 0.4/0.1] / Σ = [1/7, 6/7]: right at confidence 6/7, ECE 1/7.
    const m: ScoredMethod = { index: 4, label: 'erm', yTrue: [1], scores: Float32Array.from([0.6, 0.4]) };
    const [s] = calibrationView([m], 2, [90, 10], 10);
    expect(s.index).toBe(4);
    expect(s.label).toBe('erm');
    expect(s.ece).toBeCloseTo(0.6, 6);
    expect(s.bins).toHaveLength(10);
    const rawBin = s.bins.find((b) => b.count === 1)!;
    expect(rawBin.accuracy).toBe(0);
    expect(rawBin.lo).toBeCloseTo(0.6, 12); // float32(0.6) is just above 0.6: bin (0.6, 0.7]
    expect(s.corrected.ece).toBeCloseTo(1 / 7, 6);
    expect(s.corrected.bins[8]).toMatchObject({ count: 1, accuracy: 1 });
  });

  it('gives ECE 0 for confident correct predictions, corrected or not', () => {
    const m: ScoredMethod = { index: 0, label: 'oracle', yTrue: [0, 1, 2], scores: Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]) };
    const [s] = calibrationView([m], 3, [100, 10, 1]);
    expect(s.ece).toBe(0);
    expect(s.corrected.ece).toBe(0);
    expect(s.bins).toHaveLength(15);
  });

  it('rejects training counts of the wrong length', () => {
    const m: ScoredMethod = { index: 0, label: 'x', yTrue: [0], scores: Float32Array.from([0.5, 0.5]) };
    expect(() => calibrationView([m], 2, [1, 2, 3])).toThrow(/one count per class \(2\)\. Got 3 counts instead\./);
    expect(() => calibrationView([m], 2, [1, 2], 0)).toThrow(ConfigError);
  });

  it('matches the metrics module on the raw scores, and is unchanged by balanced priors', () => {
    const C = 3;
    fc.assert(
      fc.property(
        fc.array(
          // Distinct weights: no argmax ties, which float32 rounding could break either way.
          fc.tuple(fc.integer({ min: 0, max: C - 1 }), fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: C, maxLength: C })),
          { minLength: 1, maxLength: 40 },
        ),
        (rows) => {
          // Nor confidences on a bin edge k/15, which rounding could move across.
          const onEdge = ([, w]: [number, number[]]): boolean => {
            const x = (15 * Math.max(...w)) / w.reduce((a, b) => a + b, 0);
            return Math.abs(x - Math.round(x)) < 1e-4;
          };
          fc.pre(!rows.some(onEdge));
          const yTrue = rows.map((r) => r[0]);
          const scores = Float32Array.from(rows.flatMap(([, w]) => w.map((x) => x / w.reduce((a, b) => a + b, 0))));
          const [s] = calibrationView([{ index: 0, label: 'm', yTrue, scores }], C, [7, 7, 7]);
          const raw = expectedCalibrationError(yTrue, scores, C, 15);
          expect(s.ece).toBe(raw.ece);
          expect(s.bins).toEqual(raw.bins);
          expect(s.corrected.ece).toBeCloseTo(raw.ece, 5);
        },
      ),
    );
  });
});
