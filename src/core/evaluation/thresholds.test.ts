import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, DataError } from '../errors';
import { accuracy, balancedAccuracy, confusionMatrix, gmeanMulticlass, mcc, perClassMetrics, rocCurve } from '../metrics';
import { rocView } from './rocView';
import { costCurves, costOptimalThreshold, operatingPoint } from './thresholds';

/** Row-major n × 2 scores from P(class 1). */
const twoColumns = (p1: readonly number[]): Float64Array => Float64Array.from(p1.flatMap((p) => [1 - p, p]));

describe('operatingPoint', () => {
  const y = [0, 0, 1, 1, 1];
  const scores = twoColumns([0.2, 0.6, 0.4, 0.7, 0.9]);

  it('counts and scores the rule "positive iff p ≥ threshold" by hand', () => {
    const op = operatingPoint(y, scores, 1, 0.5);
    expect(op.confusion).toEqual([
      [1, 1],
      [1, 2],
    ]);
    expect(op).toMatchObject({ threshold: 0.5, tpr: 2 / 3, recall: 2 / 3, fpr: 0.5, precision: 2 / 3, accuracy: 0.6 });
    expect(op.f1).toBeCloseTo(2 / 3, 15);
    expect(op.balancedAccuracy).toBeCloseTo((0.5 + 2 / 3) / 2, 15);
    expect(op.gmean).toBeCloseTo(Math.sqrt(0.5 * (2 / 3)), 15);
  });

  it('is inclusive at the threshold and lets class 0 be the positive one', () => {
    expect(operatingPoint(y, scores, 1, 0.6).confusion).toEqual([
      [1, 1],
      [1, 2],
    ]);
    // P(class 0) = [0.8, 0.4, 0.6, 0.3, 0.1]: predict class 0 for rows 0 and 2.
    const op = operatingPoint(y, scores, 0, 0.5);
    expect(op.confusion).toEqual([
      [1, 1],
      [1, 2],
    ]);
    expect(op.tpr).toBe(0.5);
    expect(op.fpr).toBeCloseTo(1 / 3, 15);
    expect(op.precision).toBe(0.5);
  });

  it('predicts nothing positive at +Infinity (precision and F1 0, as zero_division=0)', () => {
    const op = operatingPoint(y, scores, 1, Infinity);
    expect(op.confusion).toEqual([
      [2, 0],
      [3, 0],
    ]);
    expect(op).toMatchObject({ tpr: 0, fpr: 0, precision: 0, f1: 0, mcc: 0 });
  });

  it('rejects bad input', () => {
    expect(() => operatingPoint(y, scores, 1, NaN)).toThrow(/threshold.*Got NaN instead\./);
    expect(() => operatingPoint(y, scores, 2, 0.5)).toThrow(ConfigError);
    expect(() => operatingPoint([0, 2, 1, 1, 1], scores, 1, 0.5)).toThrow(ConfigError);
    expect(() => operatingPoint(y, new Float64Array(9), 1, 0.5)).toThrow(/Got 9 instead\./);
    expect(() => operatingPoint([0], Float64Array.from([NaN, 1]), 1, 0.5)).toThrow(DataError);
  });

  const rowsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 20 })), { minLength: 1, maxLength: 60 });

  it('matches the metrics module’s confusion-matrix functions', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 0, max: 1 }), fc.integer({ min: -1, max: 21 }), (rows, positive, t20) => {
        const yt = rows.map((r) => r[0]);
        const s = twoColumns(rows.map((r) => r[1] / 20));
        const threshold = t20 / 20;
        const op = operatingPoint(yt, s, positive, threshold);
        const pred = yt.map((_, i) => (s[i * 2 + positive] >= threshold ? positive : 1 - positive));
        const cm = confusionMatrix(yt, pred, 2);
        expect(op.confusion).toEqual(cm);
        const per = perClassMetrics(cm)[positive];
        expect(op.precision).toBe(per.precision);
        expect(op.recall).toBe(per.recall);
        expect(op.f1).toBe(per.f1);
        expect(op.accuracy).toBe(accuracy(cm));
        expect(op.balancedAccuracy).toBe(balancedAccuracy(cm));
        expect(op.gmean).toBe(gmeanMulticlass(cm));
        expect(op.mcc).toBe(mcc(cm));
      }),
      { numRuns: 300 },
    );
  });

  it('at each curve threshold lands on the ROC curve', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const yt = rows.map((r) => r[0]);
        if (!yt.includes(0) || !yt.includes(1)) return;
        const p1 = rows.map((r) => r[1] / 20);
        const curve = rocCurve(yt, p1);
        curve.thresholds.forEach((t, i) => {
          const op = operatingPoint(yt, twoColumns(p1), 1, t);
          expect(op.tpr).toBeCloseTo(curve.tpr[i], 12);
          expect(op.fpr).toBeCloseTo(curve.fpr[i], 12);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('costOptimalThreshold', () => {
  // Sorted by P(1): 0.8 (pos), 0.6 (neg), 0.4 (pos), 0.3 (neg), 0.1 (neg).
  const y = [0, 0, 1, 1, 0];
  const scores = twoColumns([0.1, 0.3, 0.4, 0.8, 0.6]);

  it('finds the minimum of FP + c·FN on a tiny table by hand', () => {
    // c = 1: costs +∞ → 2, 0.8 → 1, 0.6 → 2, 0.4 → 1 (tie: keep 0.8), 0.3 → 2, 0.1 → 3.
    expect(costOptimalThreshold(y, scores, 1, 1)).toEqual({ threshold: 0.8, cost: 0.2 });
    // c = 3: +∞ → 6, 0.8 → 3, 0.6 → 4, 0.4 → 1, 0.3 → 2, 0.1 → 3.
    expect(costOptimalThreshold(y, scores, 1, 3)).toEqual({ threshold: 0.4, cost: 0.2 });
  });

  it('predicts nothing positive (+Infinity) when misses are cheap enough', () => {
    // One positive scored below the negative: +∞ → 0.5, 0.9 → 1.5, 0.2 → 1.
    expect(costOptimalThreshold([1, 0], twoColumns([0.2, 0.9]), 1, 0.5)).toEqual({ threshold: Infinity, cost: 0.25 });
  });

  it('rejects a non-positive cost ratio', () => {
    expect(() => costOptimalThreshold(y, scores, 1, 0)).toThrow(/costFnOverFp.*Got 0 instead\./);
    expect(() => costOptimalThreshold(y, scores, 1, NaN)).toThrow(ConfigError);
  });

  it('is the cheapest of all candidate thresholds, the highest among equals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 10 })), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 1 }),
        fc.constantFrom(0.1, 0.25, 1, 2, 3, 7.5),
        (rows, positive, c) => {
          const yt = rows.map((r) => r[0]);
          const s = twoColumns(rows.map((r) => r[1] / 10));
          const best = costOptimalThreshold(yt, s, positive, c);
          const candidates = [Infinity, ...new Set(yt.map((_, i) => s[i * 2 + positive]))];
          expect(candidates).toContain(best.threshold);
          const costAt = (t: number): number => {
            const cm = operatingPoint(yt, s, positive, t).confusion;
            return (cm[1 - positive][positive] + c * cm[positive][1 - positive]) / yt.length;
          };
          expect(best.cost).toBeCloseTo(costAt(best.threshold), 12);
          for (const t of candidates) {
            expect(best.cost).toBeLessThanOrEqual(costAt(t) + 1e-12);
            if (t > best.threshold) expect(costAt(t)).toBeGreaterThan(best.cost + 1e-13);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('costCurves', () => {
  it('draws the trivial, perfect and random classifiers by hand', () => {
    const r = costCurves(
      [
        { index: 0, label: 'perfect', points: [{ fpr: 0, tpr: 1 }] },
        { index: 1, label: 'random', points: [{ fpr: 0.5, tpr: 0.5 }] },
        { index: 2, label: 'skilled', points: [{ fpr: 0.2, tpr: 0.6 }] },
      ],
      3,
    );
    expect(r.pc).toEqual([0, 0.5, 1]);
    expect(r.methods[0].envelope).toEqual([0, 0, 0]);
    expect(r.methods[1].envelope).toEqual([0, 0.5, 0]);
    // NE(0.5) = 0.4 · 0.5 + 0.2 · 0.5 = 0.3.
    expect(r.methods[2].envelope[1]).toBeCloseTo(0.3, 15);
    expect(r.lowerEnvelope).toEqual([0, 0, 0]);
    expect(r.methods.map((m) => m.label)).toEqual(['perfect', 'random', 'skilled']);
  });

  it('has exact end points, and the trivial classifiers with no methods', () => {
    const r = costCurves([], 101);
    expect(r.pc).toHaveLength(101);
    expect(r.pc[0]).toBe(0);
    expect(r.pc[100]).toBe(1);
    expect(r.pc[50]).toBe(0.5);
    expect(r.lowerEnvelope).toEqual(r.pc.map((x) => Math.min(x, 1 - x)));
  });

  it('rejects bad samples and points', () => {
    expect(() => costCurves([], 1)).toThrow(/samples.*Got 1 instead\./);
    expect(() => costCurves([{ index: 0, label: 'x', points: [{ fpr: 1.5, tpr: 0 }] }])).toThrow(/series\[0\]\.points\[0\]\.fpr.*Got 1\.5 instead\./);
    expect(() => costCurves([{ index: 0, label: 'x', points: [{ fpr: 0, tpr: NaN }] }])).toThrow(ConfigError);
  });

  const seriesArb = fc.array(
    fc.array(fc.record({ fpr: fc.double({ min: 0, max: 1, noNaN: true }), tpr: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 12 }),
    { minLength: 1, maxLength: 4 },
  );

  it('envelopes are below the trivial classifiers and above the lower envelope', () => {
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 2, max: 40 }), (pointSets, samples) => {
        const r = costCurves(
          pointSets.map((points, i) => ({ index: i, label: `m${i}`, points })),
          samples,
        );
        r.pc.forEach((pc, i) => {
          const trivial = Math.min(pc, 1 - pc);
          for (const m of r.methods) {
            expect(m.envelope[i]).toBeLessThanOrEqual(trivial);
            expect(m.envelope[i]).toBeGreaterThanOrEqual(0);
            expect(r.lowerEnvelope[i]).toBeLessThanOrEqual(m.envelope[i]);
          }
          expect(r.lowerEnvelope[i]).toBe(Math.min(...r.methods.map((m) => m.envelope[i])));
        });
      }),
    );
  });

  it('a method’s envelope depends only on its ROC convex hull (the dual)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 10 })), { minLength: 2, maxLength: 40 }),
        (rows) => {
          const yt = rows.map((r) => r[0]);
          if (!yt.includes(0) || !yt.includes(1)) return;
          const v = rocView([{ index: 0, label: 'm', yTrue: yt, scores: twoColumns(rows.map((r) => r[1] / 10)) }], 2, 1);
          const fromCurve = costCurves(v.series, 21).methods[0].envelope;
          const fromHull = costCurves([{ index: 0, label: 'm', points: v.hull }], 21).methods[0].envelope;
          fromCurve.forEach((x, i) => expect(x).toBeCloseTo(fromHull[i], 12));
        },
      ),
    );
  });
});
