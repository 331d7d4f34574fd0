import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, DataError } from '../errors';
import {
  averagePrecision,
  averagePrecisionMacro,
  averagePrecisionPerClass,
  precisionRecallCurve,
  rocAucBinary,
  rocAucOvoHandTill,
  rocAucOvr,
  rocCurve,
  scoreColumn,
} from './ranking';

// The example from scikit-learn's roc_curve / precision_recall_curve docs.
const y = [0, 0, 1, 1];
const s = [0.1, 0.4, 0.35, 0.8];

/** AUC as the Mann–Whitney statistic: P(score of a positive > score of a negative), ties ½. */
function mannWhitney(labels: number[], scores: number[]): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < labels.length; j++) {
      if (labels[j] !== 0) continue;
      pairs++;
      wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

describe('ranking metrics by hand', () => {
  it('roc curve of the scikit-learn docs example', () => {
    expect(rocCurve(y, s)).toEqual({
      fpr: [0, 0, 0.5, 0.5, 1],
      tpr: [0, 0.5, 0.5, 1, 1],
      thresholds: [1.8, 0.8, 0.4, 0.35, 0.1],
    });
    expect(rocAucBinary(y, s)).toBe(0.75);
  });

  it('tied scores form one threshold; dropIntermediate removes collinear points', () => {
    const full = rocCurve([1, 1, 1, 0, 0], [0.9, 0.8, 0.7, 0.6, 0.6]);
    expect(full.thresholds).toEqual([1.9, 0.9, 0.8, 0.7, 0.6]);
    expect(full.tpr).toEqual([0, 1 / 3, 2 / 3, 1, 1]);
    expect(full.fpr).toEqual([0, 0, 0, 0, 1]);
    const dropped = rocCurve([1, 1, 1, 0, 0], [0.9, 0.8, 0.7, 0.6, 0.6], { dropIntermediate: true });
    expect(dropped.thresholds).toEqual([1.9, 0.9, 0.7, 0.6]);
  });

  it('precision-recall curve and average precision of the docs example', () => {
    const pr = precisionRecallCurve(y, s);
    expect(pr.precision).toEqual([0.5, 2 / 3, 0.5, 1, 1]);
    expect(pr.recall).toEqual([1, 1, 0.5, 0.5, 0]);
    expect(pr.thresholds).toEqual([0.1, 0.35, 0.4, 0.8]);
    // Σ (R_n − R_{n−1}) P_n = 0.5·1 + 0.5·(2/3)
    expect(averagePrecision(y, s)).toBeCloseTo(0.5 + 1 / 3, 15);
  });

  it('AUC is NaN and curves are NaN-filled when one class is missing', () => {
    expect(rocAucBinary([1, 1], [0.2, 0.3])).toBeNaN();
    expect(rocAucBinary([0, 0], [0.2, 0.3])).toBeNaN();
    expect(rocCurve([1, 1], [0.2, 0.3]).fpr.every(Number.isNaN)).toBe(true);
    expect(rocCurve([0, 0], [0.2, 0.3]).tpr.every(Number.isNaN)).toBe(true);
    expect(averagePrecision([0, 0], [0.2, 0.3])).toBe(0); // scikit-learn 1.2.1 returns 0 (with a warning)
    expect(precisionRecallCurve([0, 0], [0.2, 0.3]).recall).toEqual([1, 1, 0]);
  });

  it('multi-class AUCs are NaN when a class has no true sample; per-class AP is 0 there', () => {
    const yt = [0, 1, 0, 1];
    const sc = [0.7, 0.2, 0.1, 0.3, 0.5, 0.2, 0.6, 0.1, 0.3, 0.2, 0.7, 0.1];
    expect(rocAucOvr(yt, sc, 3)).toBeNaN();
    expect(rocAucOvoHandTill(yt, sc, 3)).toBeNaN();
    expect(averagePrecisionPerClass(yt, sc, 3)[2]).toBe(0);
  });

  it('one-vs-one on a 3-class table by hand', () => {
    // Perfectly separated by every column → every pairwise AUC is 1.
    const yt = [0, 1, 2];
    const sc = [0.8, 0.1, 0.1, 0.1, 0.8, 0.1, 0.1, 0.1, 0.8];
    expect(rocAucOvoHandTill(yt, sc, 3)).toBe(1);
    expect(rocAucOvr(yt, sc, 3, 'weighted')).toBe(1);
    expect(averagePrecisionMacro(yt, sc, 3)).toBe(1);
  });

  it('validates inputs', () => {
    expect(() => rocCurve([0, 1, 2], [0.1, 0.2, 0.3])).toThrow(/Got 2 instead\.$/);
    expect(() => rocCurve([0, 1], [0.1])).toThrow(ConfigError);
    expect(() => rocCurve([0, 1], [0.1, NaN])).toThrow(DataError);
    expect(() => rocAucOvr([0, 1], [0.5, 0.5, 0.5], 2)).toThrow(/Got 3 instead\.$/);
    expect(() => rocAucOvr([0, 1], [0.5, 0.5, 0.5, 0.5], 2, 'micro' as 'macro')).toThrow(/Got 'micro' instead\.$/);
    expect(() => scoreColumn([0.5, 0.5], 2, 2)).toThrow(ConfigError);
  });
});

describe('ranking metrics: properties', () => {
  // Small integer scores so that ties are common.
  const binary = fc
    .array(fc.tuple(fc.nat({ max: 1 }), fc.integer({ min: -5, max: 5 })), { minLength: 2, maxLength: 40 })
    .filter((rows) => rows.some((r) => r[0] === 1) && rows.some((r) => r[0] === 0));

  it('AUC equals the Mann–Whitney statistic, and AUC(−s) = 1 − AUC(s)', () => {
    fc.assert(
      fc.property(binary, (rows) => {
        const labels = rows.map((r) => r[0]);
        const scores = rows.map((r) => r[1]);
        const auc = rocAucBinary(labels, scores);
        expect(auc).toBeCloseTo(mannWhitney(labels, scores), 12);
        expect(rocAucBinary(labels, scores.map((v) => -v))).toBeCloseTo(1 - auc, 12);
      }),
    );
  });

  it('the ROC curve is monotone from (0,0) to (1,1); dropping intermediate points keeps the area', () => {
    fc.assert(
      fc.property(binary, (rows) => {
        const labels = rows.map((r) => r[0]);
        const scores = Float64Array.from(rows.map((r) => r[1]));
        const { fpr, tpr, thresholds } = rocCurve(labels, scores);
        expect([fpr[0], tpr[0], fpr[fpr.length - 1], tpr[tpr.length - 1]]).toEqual([0, 0, 1, 1]);
        for (let i = 1; i < fpr.length; i++) {
          expect(fpr[i]).toBeGreaterThanOrEqual(fpr[i - 1]);
          expect(tpr[i]).toBeGreaterThanOrEqual(tpr[i - 1]);
          expect(thresholds[i]).toBeLessThan(thresholds[i - 1]);
        }
        let area = 0;
        for (let i = 1; i < fpr.length; i++) area += ((fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1])) / 2;
        expect(area).toBeCloseTo(rocAucBinary(labels, scores), 12);
      }),
    );
  });

  it('with distinct scores, AP is the mean precision at the rank of each positive', () => {
    const distinct = fc
      .uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 40 })
      .chain((scores) => fc.tuple(fc.constant(scores), fc.array(fc.nat({ max: 1 }), { minLength: scores.length, maxLength: scores.length })))
      .filter(([, labels]) => labels.includes(1));
    fc.assert(
      fc.property(distinct, ([scores, labels]) => {
        const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
        let hits = 0;
        let sum = 0;
        order.forEach((i, rank) => {
          if (labels[i] === 1) {
            hits++;
            sum += hits / (rank + 1);
          }
        });
        expect(averagePrecision(labels, scores)).toBeCloseTo(sum / hits, 12);
      }),
    );
  });

  it('one-vs-one and one-vs-rest AUCs lie in [0, 1] and equal 1 − AUC of negated scores', () => {
    const multi = fc.integer({ min: 2, max: 4 }).chain((c) =>
      fc.record({
        c: fc.constant(c),
        rows: fc.array(
          fc.tuple(fc.nat({ max: c - 1 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: c, maxLength: c })),
          { minLength: 2 * c, maxLength: 40 },
        ),
      }),
    );
    fc.assert(
      fc.property(multi, ({ c, rows }) => {
        const yt = rows.map((r) => r[0]);
        fc.pre(new Set(yt).size === c);
        const sc = rows.flatMap((r) => r[1]);
        const neg = sc.map((v) => -v);
        for (const f of [
          (a: number[]) => rocAucOvr(yt, a, c, 'macro'),
          (a: number[]) => rocAucOvr(yt, a, c, 'weighted'),
          (a: number[]) => rocAucOvoHandTill(yt, a, c),
        ]) {
          const v = f(sc);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
          expect(f(neg)).toBeCloseTo(1 - v, 12);
        }
      }),
    );
  });
});
