import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averagePrecision, metricsReport, rocAucBinary, rocAucOvr } from './index';

/** Binary rows: label and a score in (0, 1), at least one of each class. */
const binary = fc
  .array(fc.record({ y: fc.integer({ min: 0, max: 1 }), s: fc.integer({ min: 1, max: 99 }).map((v) => v / 100) }), { minLength: 2, maxLength: 60 })
  .filter((rows) => rows.some((r) => r.y === 0) && rows.some((r) => r.y === 1));

describe('metrics properties', () => {
  it('ROC AUC and average precision are invariant to strictly increasing transforms of the scores', () => {
    const transforms = [(s: number) => s ** 3, (s: number) => Math.log(s / (1 - s)), (s: number) => 10 * s - 4, (s: number) => Math.exp(5 * s)];
    fc.assert(
      fc.property(binary, fc.integer({ min: 0, max: transforms.length - 1 }), (rows, t) => {
        const y = Int32Array.from(rows, (r) => r.y);
        const s = Float64Array.from(rows, (r) => r.s);
        const u = Float64Array.from(s, transforms[t]);
        expect(rocAucBinary(y, u)).toBeCloseTo(rocAucBinary(y, s), 12);
        expect(averagePrecision(y, u)).toBeCloseTo(averagePrecision(y, s), 12);
      }),
    );
  });

  it('multi-class one-vs-rest AUC is invariant to a strictly increasing transform applied to every score', () => {
    const rows = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }))), { minLength: 6, maxLength: 40 });
    fc.assert(
      fc.property(rows.filter((r) => new Set(r.map(([y]) => y)).size === 3), (r) => {
        const y = Int32Array.from(r, ([c]) => c);
        const s = Float64Array.from(r.flatMap(([, v]) => v.map((x) => x / (v[0] + v[1] + v[2]))));
        const u = Float64Array.from(s, (x) => x ** 2 + x);
        expect(rocAucOvr(y, u, 3)).toBeCloseTo(rocAucOvr(y, s, 3), 12);
      }),
    );
  });

  it('a perfect classifier scores 1 everywhere (0 for the losses), for 2 to 6 classes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 8 }), (C, perClass) => {
        const y = Int32Array.from({ length: C * perClass }, (_, i) => i % C);
        const scores = new Float64Array(y.length * C);
        y.forEach((c, i) => (scores[i * C + c] = 1));
        const r = metricsReport(y, scores, C);
        for (const v of [r.accuracy, r.balanced_accuracy, r.f1_macro, r.f1_weighted, r.gmean_multiclass, r.iba_gmean_multiclass, r.cohen_kappa, r.mcc]) expect(v).toBe(1);
        expect(r.brier_multiclass).toBe(0);
        expect(r.ece_15_bins).toBe(0);
        expect(r.log_loss).toBeLessThan(1e-12);
        if (C === 2) {
          expect([r.roc_auc, r.average_precision, r.gmean_binary, r.iba_gmean_binary, r.f1_positive]).toEqual([1, 1, 1, 1, 1]);
          expect(r.roc_convex_hull).toEqual([{ fpr: 0, tpr: 0 }, { fpr: 0, tpr: 1 }, { fpr: 1, tpr: 1 }]);
        } else {
          expect([r.roc_auc_ovr_macro, r.roc_auc_ovr_weighted, r.roc_auc_ovo_macro_hand_till, r.average_precision_macro]).toEqual([1, 1, 1, 1]);
          for (const hull of r.roc_convex_hull as { fpr: number; tpr: number }[][]) expect(hull).toEqual([{ fpr: 0, tpr: 0 }, { fpr: 0, tpr: 1 }, { fpr: 1, tpr: 1 }]);
        }
      }),
    );
  });

  it('the hull of a binary report is made of the ROC curve\'s own points plus the corners', () => {
    fc.assert(
      fc.property(binary, (rows) => {
        const y = Int32Array.from(rows, (r) => r.y);
        const scores = Float64Array.from(rows.flatMap((r) => [1 - r.s, r.s]));
        const r = metricsReport(y, scores, 2);
        const roc = r.roc_curve as { fpr: number[]; tpr: number[] };
        const onCurve = new Set(roc.fpr.map((f, i) => `${f},${roc.tpr[i]}`));
        for (const v of r.roc_convex_hull as { fpr: number; tpr: number }[]) expect(onCurve.has(`${v.fpr},${v.tpr}`) || (v.fpr === 1 && v.tpr === 1)).toBe(true);
      }),
    );
  });
});
