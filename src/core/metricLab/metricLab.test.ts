import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accuracy, averagePrecision, balancedAccuracy, cohenKappa, f1Positive, gmeanBinary, mcc, rocAucBinary } from '../metrics';
import { createRng } from '../random';
import { expectedConfusion, labCurve, labMetrics, ratioGrid, simulateConfusion } from './metricLab';

const clf = { tpr: 0.8, fpr: 0.05 };

describe('metric lab', () => {
  it('the expected confusion matrix is a distribution; balanced, noise-free data gives TPR and FPR back', () => {
    const m = expectedConfusion(clf, { ratio: 1, noise: 0 });
    expect(m.tp + m.fn + m.fp + m.tn).toBeCloseTo(1, 15);
    expect(m).toEqual({ tp: 0.4, fn: 0.5 * (1 - 0.8), fp: 0.5 * 0.05, tn: 0.5 * 0.95 });
    const noisy = expectedConfusion(clf, { ratio: 99, noise: 0.1 });
    expect(noisy.tp + noisy.fn + noisy.fp + noisy.tn).toBeCloseTo(1, 15);
  });

  it('every lab metric equals the metrics module on integer confusion matrices (hard predictions)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 30 }), (tp, fn, fp, tn) => {
        const lab = labMetrics({ tp, fn, fp, tn });
        const cm = [[tn, fp], [fn, tp]];
        expect(lab.accuracy).toBeCloseTo(accuracy(cm), 12);
        expect(lab.balancedAccuracy).toBeCloseTo(balancedAccuracy(cm), 12);
        expect(lab.f1).toBeCloseTo(f1Positive(cm), 12);
        expect(lab.gmean).toBeCloseTo(gmeanBinary(cm), 12);
        expect(lab.mcc).toBeCloseTo(mcc(cm), 12);
        expect(lab.kappa).toBeCloseTo(cohenKappa(cm), 12);
        // Hard 0/1 scores: the rows of each cell with the predicted class as the score.
        const y: number[] = [];
        const s: number[] = [];
        const add = (label: number, score: number, k: number) => {
          for (let i = 0; i < k; i++) {
            y.push(label);
            s.push(score);
          }
        };
        add(1, 1, tp);
        add(1, 0, fn);
        add(0, 1, fp);
        add(0, 0, tn);
        expect(lab.rocAuc).toBeCloseTo(rocAucBinary(y, s), 12);
        expect(lab.prAuc).toBeCloseTo(averagePrecision(y, s), 12);
      }),
    );
  });

  it('without noise, accuracy tends to 1 − FPR and MCC / F1 / PR AUC collapse while balanced accuracy and G-mean stay flat', () => {
    const balanced = labMetrics(expectedConfusion(clf, { ratio: 1, noise: 0 }));
    const extreme = labMetrics(expectedConfusion(clf, { ratio: 10_000, noise: 0 }));
    expect(extreme.accuracy).toBeCloseTo(1 - clf.fpr, 3);
    expect(extreme.balancedAccuracy).toBeCloseTo(balanced.balancedAccuracy, 12);
    expect(extreme.gmean).toBeCloseTo(balanced.gmean, 12);
    expect(extreme.mcc).toBeLessThan(0.05);
    expect(extreme.f1).toBeLessThan(0.01);
    expect(extreme.prAuc).toBeLessThan(0.01);
    // Label noise drags balanced accuracy down too.
    expect(labMetrics(expectedConfusion(clf, { ratio: 100, noise: 0.05 })).balancedAccuracy).toBeLessThan(balanced.balancedAccuracy - 0.1);
  });

  it('simulation agrees with the analytic values for many rows, and is seeded', () => {
    const s = { ratio: 10, noise: 0.05 };
    const sim = labMetrics(simulateConfusion(clf, s, 200_000, createRng(3)));
    const exact = labMetrics(expectedConfusion(clf, s));
    for (const k of ['accuracy', 'balancedAccuracy', 'recall', 'precision', 'mcc'] as const) expect(Math.abs(sim[k] - exact[k])).toBeLessThan(0.01);
    expect(simulateConfusion(clf, s, 1000, createRng(3))).toEqual(simulateConfusion(clf, s, 1000, createRng(3)));
  });

  it('curves along a log grid of ratios, with a simulated mean where asked', () => {
    const grid = ratioGrid(10_000, 5);
    expect(grid).toEqual([1, 10, 100, 1000, 10000]);
    const curve = labCurve(clf, 0, grid, { n: 2000, repeats: 3, rng: createRng(1) });
    expect(curve.map((p) => p.ratio)).toEqual(grid);
    expect(curve.every((p) => p.simulated !== null)).toBe(true);
    expect(labCurve(clf, 0, grid, null)[0].simulated).toBeNull();
  });

  it('refuses values out of range with the valid range', () => {
    expect(() => expectedConfusion({ tpr: 1.2, fpr: 0 }, { ratio: 1, noise: 0 })).toThrow(/tpr must be a number between 0 and 1. Got 1.2 instead/);
    expect(() => expectedConfusion(clf, { ratio: 0.5, noise: 0 })).toThrow(/ratio must be a number between 1 and 1,000,000/);
    expect(() => expectedConfusion(clf, { ratio: 2, noise: 0.7 })).toThrow(/noise must be at most 0.5/);
    expect(() => simulateConfusion(clf, { ratio: 2, noise: 0 }, 0, createRng(1))).toThrow(/n must be an integer/);
  });
});
