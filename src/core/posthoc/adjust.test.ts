import { describe, expect, it } from 'vitest';
import { applyThreshold, chooseThreshold, logitAdjustScores } from './adjust';

describe('post-hoc adjustments', () => {
  it('prior correction on known probabilities: p′ ∝ p / π', () => {
    // Priors 0.9 / 0.1; a row (0.6, 0.4) becomes (0.6/0.9, 0.4/0.1) normalised = (0.1429, 0.8571).
    const out = logitAdjustScores(new Float32Array([0.6, 0.4, 0.95, 0.05]), [90, 10], 1);
    expect(out[0]).toBeCloseTo(0.6 / 0.9 / (0.6 / 0.9 + 4), 6);
    expect(out[1]).toBeCloseTo(4 / (0.6 / 0.9 + 4), 6);
    expect(out[2]).toBeCloseTo(0.95 / 0.9 / (0.95 / 0.9 + 0.5), 6);
    // τ = 0 leaves the scores alone; balanced priors change nothing.
    expect(Array.from(logitAdjustScores(new Float32Array([0.6, 0.4]), [90, 10], 0))).toEqual([0.6000000238418579, 0.4000000059604645]);
    expect(logitAdjustScores(new Float32Array([0.7, 0.3]), [5, 5], 1)[0]).toBeCloseTo(0.7, 6);
    // τ = 2 pushes further: p′ ∝ p / π².
    const t2 = logitAdjustScores(new Float32Array([0.9, 0.1]), [90, 10], 2);
    expect(t2[1]).toBeCloseTo(0.1 / 0.01 / (0.1 / 0.01 + 0.9 / 0.81), 6);
    expect(() => logitAdjustScores(new Float32Array(2), [1, 1], -1)).toThrow(/tau must be a number between 0 and 3/);
  });

  it('chooses the threshold that maximises the objective on hand-made validation scores', () => {
    // Positive class 1. Scores of class 1: positives 0.45, 0.40, 0.30; negatives 0.35, 0.20, 0.10, 0.05.
    const p1 = [0.45, 0.4, 0.3, 0.35, 0.2, 0.1, 0.05];
    const y = Int32Array.from([1, 1, 1, 0, 0, 0, 0]);
    const scores = new Float32Array(p1.flatMap((p) => [1 - p, p]));
    // t = 0.30: TP 3, FP 1 → F1 = 6/7, the best; t = 0.40: TP 2, FP 0 → F1 = 0.8.
    const f1 = chooseThreshold(scores, y, 1, 'f1');
    expect(f1.threshold).toBeCloseTo(0.3, 6);
    expect(f1.value).toBeCloseTo(6 / 7, 12);
    const ba = chooseThreshold(scores, y, 1, 'balanced-accuracy');
    expect(ba.value).toBeCloseTo((1 + 0.75) / 2, 12);
    expect(() => chooseThreshold(scores, new Int32Array(7), 1, 'f1')).toThrow(/needs validation rows of both classes/);
  });

  it('applying a threshold moves the argmax to it and keeps the ranking', () => {
    const scores = new Float32Array([0.7, 0.3, 0.8, 0.2, 0.9, 0.1]);
    const out = applyThreshold(scores, 1, 0.25);
    expect(Array.from({ length: 3 }, (_, i) => out[2 * i + 1] >= 0.5)).toEqual([true, false, false]);
    expect(out[1]).toBeGreaterThan(out[3]);
    expect(out[3]).toBeGreaterThan(out[5]);
    expect(applyThreshold(new Float32Array([0.75, 0.25]), 1, 0.25)[1]).toBeCloseTo(0.5, 6);
  });
});
