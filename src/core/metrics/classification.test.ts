import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import {
  accuracy,
  balancedAccuracy,
  f1Macro,
  f1Positive,
  f1Weighted,
  gmeanBinary,
  gmeanMulticlass,
  mcc,
  perClassMetrics,
} from './classification';
import { argmaxRows, confusionMatrix } from './confusion';

describe('confusionMatrix / argmaxRows', () => {
  it('counts rows = truth, columns = prediction', () => {
    expect(confusionMatrix([0, 0, 0, 1, 1], [0, 1, 0, 1, 0], 2)).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });

  it('keeps absent classes as zero rows and columns', () => {
    expect(confusionMatrix(Int32Array.from([0, 2]), Int32Array.from([0, 0]), 4)).toEqual([
      [1, 0, 0, 0],
      [0, 0, 0, 0],
      [1, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('argmax takes the first maximum on ties, like numpy', () => {
    expect(Array.from(argmaxRows([0.5, 0.5, 0.2, 0.8, 0.3, 0.3, 0.3, 0.1], 2))).toEqual([0, 1, 0, 0]);
    expect(Array.from(argmaxRows(new Float32Array([0.2, 0.4, 0.4]), 3))).toEqual([1]);
  });

  it('validates its input with "Got X instead." messages', () => {
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow(ConfigError);
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow(/Got 1 instead\.$/);
    expect(() => confusionMatrix([0, 1], [0, 1], 1)).toThrow(/nClasses must be an integer >= 2\. Got 1 instead\.$/);
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(/yTrue\[1\].*Got 3 instead\.$/);
    expect(() => confusionMatrix([0, 0.5], [0, 1], 3)).toThrow(ConfigError);
    expect(() => confusionMatrix([], [], 2)).toThrow(ConfigError);
    expect(() => argmaxRows([0.1, 0.2, 0.3], 2)).toThrow(/Got 3 instead\.$/);
  });
});

describe('classification metrics by hand', () => {
  // truth 0 0 0 1 1, prediction 0 1 0 1 0  →  [[2, 1], [1, 1]]
  const cm = [
    [2, 1],
    [1, 1],
  ];

  it('2x2 table', () => {
    expect(accuracy(cm)).toBeCloseTo(3 / 5, 15);
    expect(balancedAccuracy(cm)).toBeCloseTo((2 / 3 + 1 / 2) / 2, 15);
    const per = perClassMetrics(cm);
    expect(per.map((m) => m.precision)).toEqual([2 / 3, 1 / 2]);
    expect(per.map((m) => m.recall)).toEqual([2 / 3, 1 / 2]);
    expect(per[0].f1).toBeCloseTo(2 / 3, 15);
    expect(per[1].f1).toBeCloseTo(1 / 2, 15);
    expect(per.map((m) => m.specificity)).toEqual([1 / 2, 2 / 3]);
    expect(per.map((m) => m.support)).toEqual([3, 2]);
    expect(f1Macro(cm)).toBeCloseTo(7 / 12, 15);
    expect(f1Weighted(cm)).toBeCloseTo((3 * (2 / 3) + 2 * (1 / 2)) / 5, 15);
    expect(f1Positive(cm)).toBeCloseTo(1 / 2, 15);
    expect(gmeanBinary(cm)).toBeCloseTo(Math.sqrt((1 / 2) * (2 / 3)), 15);
    expect(gmeanMulticlass(cm)).toBeCloseTo(Math.sqrt((2 / 3) * (1 / 2)), 15);
    // (TP·TN − FP·FN) / √((TP+FP)(TP+FN)(TN+FP)(TN+FN)) = (1·2 − 1·1) / √(2·2·3·3)
    expect(mcc(cm)).toBeCloseTo(1 / 6, 15);
  });

  it('zero division is 0 (a class never predicted)', () => {
    const never = [
      [9, 0],
      [1, 0],
    ];
    const per = perClassMetrics(never);
    expect(per[1]).toEqual({ precision: 0, recall: 0, f1: 0, specificity: 1, support: 1 });
    expect(per[0].specificity).toBe(0);
    expect(gmeanBinary(never)).toBe(0);
    expect(gmeanMulticlass(never)).toBe(0);
    expect(mcc(never)).toBe(0); // all predictions in one class
    expect(accuracy(never)).toBe(0.9);
    expect(balancedAccuracy(never)).toBe(0.5);
  });

  it('averages skip classes absent from both truth and prediction (sklearn default labels)', () => {
    const cm3 = [
      [2, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ];
    expect(f1Macro(cm3)).toBe(1);
    expect(balancedAccuracy(cm3)).toBe(1);
    expect(gmeanMulticlass(cm3)).toBe(1);
    expect(perClassMetrics(cm3)[2]).toEqual({ precision: 0, recall: 0, f1: 0, specificity: 1, support: 0 });
  });

  it('a class only predicted, never true, counts in macro F1 and zeroes G-mean', () => {
    const cm3 = [
      [2, 0, 1],
      [0, 1, 0],
      [0, 0, 0],
    ];
    expect(f1Macro(cm3)).toBeCloseTo((0.8 + 1 + 0) / 3, 15);
    expect(balancedAccuracy(cm3)).toBeCloseTo((2 / 3 + 1) / 2, 15);
    expect(gmeanMulticlass(cm3)).toBe(0);
  });

  it('rejects malformed confusion matrices', () => {
    expect(() => accuracy([[1]])).toThrow(/Got 1x1 instead\.$/);
    expect(() => accuracy([[1, 2], [3]])).toThrow(ConfigError);
    expect(() => accuracy([[1, -1], [0, 1]])).toThrow(/Got -1 at \[0\]\[1\] instead\.$/);
    expect(() => accuracy([[0, 0], [0, 0]])).toThrow(/Got 0 instead\.$/);
    expect(() => gmeanBinary([[1, 0, 0], [0, 1, 0], [0, 0, 1]])).toThrow(/Got 3x3 instead\.$/);
    expect(() => f1Positive([[1, 0], [0, 1]], 2)).toThrow(/Got 2 instead\.$/);
  });
});

describe('classification metrics: properties', () => {
  const labelled = fc.integer({ min: 2, max: 5 }).chain((c) =>
    fc.record({
      c: fc.constant(c),
      pairs: fc.array(fc.tuple(fc.nat({ max: c - 1 }), fc.nat({ max: c - 1 })), { minLength: 1, maxLength: 60 }),
      perm: fc.shuffledSubarray([...Array(c).keys()], { minLength: c, maxLength: c }),
    }),
  );

  it('renaming the classes changes no averaged metric', () => {
    fc.assert(
      fc.property(labelled, ({ c, pairs, perm }) => {
        const t = pairs.map((p) => p[0]);
        const p = pairs.map((q) => q[1]);
        const a = confusionMatrix(t, p, c);
        const b = confusionMatrix(
          t.map((k) => perm[k]),
          p.map((k) => perm[k]),
          c,
        );
        for (const f of [accuracy, balancedAccuracy, f1Macro, f1Weighted, gmeanMulticlass, mcc]) {
          expect(f(b)).toBeCloseTo(f(a), 12);
        }
      }),
    );
  });

  it('metrics stay in range, MCC is symmetric in truth and prediction', () => {
    fc.assert(
      fc.property(labelled, ({ c, pairs }) => {
        const t = pairs.map((p) => p[0]);
        const p = pairs.map((q) => q[1]);
        const cm = confusionMatrix(t, p, c);
        for (const v of [accuracy(cm), balancedAccuracy(cm), f1Macro(cm), f1Weighted(cm), gmeanMulticlass(cm)]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1 + 1e-12);
        }
        expect(Math.abs(mcc(cm))).toBeLessThanOrEqual(1 + 1e-12);
        expect(mcc(confusionMatrix(p, t, c))).toBeCloseTo(mcc(cm), 12);
        // G-mean of recalls never exceeds their arithmetic mean over the same classes.
        expect(gmeanMulticlass(cm)).toBeLessThanOrEqual(balancedAccuracy(cm) + 1e-12);
      }),
    );
  });
});
