import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, DataError } from '../errors';
import { rocAucBinary, rocConvexHull } from '../metrics';
import type { HullVertex, RocSeriesPoint } from './rocView';
import { isoPerformance, rocView, decisionPoint } from './rocView';
import type { ScoredMethod } from './scoredMethod';

/** A binary method from P(class 1) per row. */
function binary(index: number, yTrue: number[], p1: number[], label = `m${index}`): ScoredMethod {
  const scores = new Float64Array(p1.length * 2);
  p1.forEach((p, i) => {
    scores[i * 2] = 1 - p;
    scores[i * 2 + 1] = p;
  });
  return { index, label, yTrue, scores };
}

const pairs = (ps: readonly { fpr: number; tpr: number }[]): [number, number][] => ps.map((p) => [p.fpr, p.tpr]);
const isCorner = (v: HullVertex): boolean => (v.fpr === 0 && v.tpr === 0) || (v.fpr === 1 && v.tpr === 1);

describe('rocView', () => {
  const y = [0, 0, 1, 1];
  const perfect = binary(0, y, [0.1, 0.2, 0.8, 0.9], 'perfect');
  const weak = binary(1, y, [0.3, 0.6, 0.4, 0.7], 'weak');

  it('puts only the dominating method on the hull', () => {
    const v = rocView([weak, perfect], 2, 1);
    expect(pairs(v.hull)).toEqual([
      [0, 0],
      [0, 1],
      [1, 1],
    ]);
    expect(v.hull[1]).toMatchObject({ method: 0, label: 'perfect', threshold: 0.8 });
    expect(v.hull[0]).toEqual({ fpr: 0, tpr: 0, method: null, label: null, threshold: null });
    expect(v.hull[2].method).toBeNull();
    expect(v.onHull).toEqual([0]);
    expect(v.series.map((s) => s.auc)).toEqual([0.75, 1]);
  });

  it('starts each curve at (0,0) with threshold max + 1 and ends at (1,1)', () => {
    const { points } = rocView([weak], 2, 1).series[0];
    expect(points[0]).toEqual({ fpr: 0, tpr: 0, threshold: 1.7 });
    expect(points[points.length - 1]).toMatchObject({ fpr: 1, tpr: 1, threshold: 0.3 });
  });

  it('credits coincident points to the lowest method index', () => {
    const a = binary(5, y, [0.3, 0.6, 0.4, 0.7], 'five');
    const b = binary(2, y, [0.3, 0.6, 0.4, 0.7], 'two');
    const v = rocView([a, b], 2, 1);
    const inner = v.hull.filter((h) => !isCorner(h));
    expect(inner.length).toBeGreaterThan(0);
    for (const h of inner) expect(h).toMatchObject({ method: 2, label: 'two' });
    expect(v.onHull).toEqual([2]);
  });

  it('lists several methods on the hull when each wins somewhere', () => {
    // a ranks two positives first (0, 0.5); b ranks one negative first, then every positive (0.25, 1).
    const ya = [0, 0, 0, 0, 1, 1, 1, 1];
    const a = binary(0, ya, [0.5, 0.4, 0.3, 0.2, 0.99, 0.98, 0.05, 0.04]);
    const b = binary(1, ya, [0.99, 0.1, 0.1, 0.1, 0.9, 0.8, 0.7, 0.6]);
    const v = rocView([a, b], 2, 1);
    expect(pairs(v.hull)).toEqual([
      [0, 0],
      [0, 0.5],
      [0.25, 1],
      [1, 1],
    ]);
    expect(v.hull.map((h) => h.method)).toEqual([null, 0, 1, null]);
    expect(v.hull.map((h) => h.threshold)).toEqual([null, 0.98, 0.6, null]);
    expect(v.onHull).toEqual([0, 1]);
  });

  it('treats a multi-class problem one-vs-rest', () => {
    const m: ScoredMethod = {
      index: 0,
      label: 'ovr',
      yTrue: Int32Array.from([0, 1, 2, 2]),
      scores: Float32Array.from([0.8, 0.1, 0.1, 0.2, 0.7, 0.1, 0.1, 0.1, 0.8, 0.3, 0.3, 0.4]),
    };
    const v = rocView([m], 3, 2);
    expect(v.positiveClass).toBe(2);
    expect(v.series[0].auc).toBe(1);
    expect(v.onHull).toEqual([0]);
  });

  it('gives auc NaN and no points to a test set without positives or negatives', () => {
    const noPos = binary(3, [0, 0, 0], [0.1, 0.5, 0.9]);
    const noNeg = binary(4, [1, 1], [0.1, 0.5]);
    const v = rocView([noPos, noNeg, perfect], 2, 1);
    expect(v.series[0].auc).toBeNaN();
    expect(v.series[0].points).toEqual([]);
    expect(v.series[1].auc).toBeNaN();
    expect(v.onHull).toEqual([0]);
    expect(rocView([noPos], 2, 1).hull.map((h) => h.method)).toEqual([null, null]);
  });

  it('rejects bad arguments with actionable messages', () => {
    expect(() => rocView([perfect], 2, 2)).toThrow(ConfigError);
    expect(() => rocView([perfect], 2, 1, 1)).toThrow(/maxPoints must be an integer >= 2\. Got 1 instead\./);
    expect(() => rocView([perfect], 1, 0)).toThrow(ConfigError);
    expect(() => rocView([{ ...perfect, yTrue: [0, 1, 2, 1] }], 2, 1)).toThrow(/methods\[0\]\.yTrue\[2\].*Got 2 instead\./);
    expect(() => rocView([{ ...perfect, scores: new Float64Array(3) }], 2, 1)).toThrow(/Got 3 instead\./);
    expect(() => rocView([{ ...perfect, scores: Float64Array.from([NaN, 1, 0, 1, 0, 1, 0, 1]) }], 2, 1)).toThrow(DataError);
    expect(() => rocView([{ ...perfect, yTrue: [] }], 2, 1)).toThrow(ConfigError);
  });
});

/** Binary methods on a shared test set, with coarse scores so that ties and coincident points happen. */
const methodsArb = fc
  .integer({ min: 4, max: 80 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
      fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 4 }),
    ),
  )
  .filter(([y]) => y.includes(0) && y.includes(1))
  .map(([y, cols]) => cols.map((c, m) => binary(10 - m, y, c.map((v) => v / 20))));

/** Cross product of (a − o) and (b − o); negative = clockwise turn (concave chain going right). */
const cross = (o: HullVertex, a: HullVertex, b: HullVertex): number => (a.fpr - o.fpr) * (b.tpr - o.tpr) - (a.tpr - o.tpr) * (b.fpr - o.fpr);

describe('rocView properties', () => {
  it('every hull vertex is a curve point of its method (same threshold) or a corner, and the chain is concave', () => {
    fc.assert(
      fc.property(methodsArb, (methods) => {
        const v = rocView(methods, 2, 1, 1e6);
        expect(pairs([v.hull[0], v.hull[v.hull.length - 1]])).toEqual([
          [0, 0],
          [1, 1],
        ]);
        for (const h of v.hull) {
          if (h.method === null) {
            expect(isCorner(h)).toBe(true);
            continue;
          }
          const s = v.series.find((x) => x.index === h.method)!;
          expect(s.points).toContainEqual({ fpr: h.fpr, tpr: h.tpr, threshold: h.threshold });
        }
        for (let i = 1; i < v.hull.length; i++) expect(v.hull[i].fpr).toBeGreaterThanOrEqual(v.hull[i - 1].fpr);
        for (let i = 2; i < v.hull.length; i++) expect(cross(v.hull[i - 2], v.hull[i - 1], v.hull[i])).toBeLessThan(0);
        const expected = [...new Set(v.hull.flatMap((h) => (h.method === null ? [] : [h.method])))].sort((a, b) => a - b);
        expect(v.onHull).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('no curve point lies above the hull', () => {
    fc.assert(
      fc.property(methodsArb, (methods) => {
        const v = rocView(methods, 2, 1, 1e6);
        for (const s of v.series) {
          for (const p of s.points) {
            for (let i = 1; i < v.hull.length; i++) {
              const a = v.hull[i - 1];
              const b = v.hull[i];
              if (p.fpr < a.fpr || p.fpr > b.fpr || a.fpr === b.fpr) continue;
              expect(p.tpr).toBeLessThanOrEqual(a.tpr + ((b.tpr - a.tpr) * (p.fpr - a.fpr)) / (b.fpr - a.fpr) + 1e-12);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('thinning keeps the ends and the curve’s own hull vertices, and leaves the AUC alone', () => {
    fc.assert(
      fc.property(methodsArb, fc.integer({ min: 2, max: 8 }), (methods, maxPoints) => {
        const full = rocView(methods, 2, 1, 1e6);
        const thin = rocView(methods, 2, 1, maxPoints);
        expect(thin.hull).toEqual(full.hull);
        full.series.forEach((f, i) => {
          const t = thin.series[i];
          expect(t.auc).toBe(f.auc);
          const m = methods[i];
          expect(f.auc).toBe(rocAucBinary(m.yTrue, Float64Array.from(m.yTrue, (_, r) => m.scores[r * 2 + 1])));
          const ownHull = rocConvexHull(f.points).filter((p): p is RocSeriesPoint => 'threshold' in p);
          expect(t.points[0]).toEqual(f.points[0]);
          expect(t.points[t.points.length - 1]).toEqual(f.points[f.points.length - 1]);
          for (const h of ownHull) expect(t.points).toContainEqual(h);
          const required = new Set([f.points[0], f.points[f.points.length - 1], ...ownHull]).size;
          if (f.points.length <= maxPoints) expect(t.points).toEqual(f.points);
          else expect(t.points.length).toBe(Math.max(maxPoints, required));
          for (let k = 1; k < t.points.length; k++) expect(t.points[k].threshold).toBeLessThan(t.points[k - 1].threshold);
        });
        // Every global hull vertex survives in its method's drawn curve.
        for (const h of thin.hull) {
          if (h.method === null) continue;
          expect(thin.series.find((s) => s.index === h.method)!.points).toContainEqual({ fpr: h.fpr, tpr: h.tpr, threshold: h.threshold });
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('isoPerformance', () => {
  const v = (fpr: number, tpr: number, method: number | null = 0): HullVertex => ({
    fpr,
    tpr,
    method,
    label: method === null ? null : `m${method}`,
    threshold: method === null ? null : 0.5,
  });
  const corners = (inner: HullVertex[]): HullVertex[] => [v(0, 0, null), ...inner, v(1, 1, null)];

  it('picks (0,1) for a perfect method at any cost and prior', () => {
    const hull = corners([v(0, 1)]);
    for (const [c, p] of [
      [1, 0.5],
      [10, 0.01],
      [0.1, 0.99],
    ]) {
      const r = isoPerformance(hull, c, p);
      expect(r.best).toBe(hull[1]);
      expect(r.cost).toBe(0);
    }
  });

  it('computes slope, cost and the clipped line by hand, ties going to the lower fpr', () => {
    const hull = corners([v(0.2, 0.6), v(0.5, 0.9)]);
    // m = 1: tpr − fpr is 0.4 at both inner vertices.
    const r = isoPerformance(hull, 1, 0.5);
    expect(r.slope).toBe(1);
    expect(r.best).toBe(hull[1]);
    expect(r.cost).toBeCloseTo((0.5 * 0.4 + 0.5 * 0.2) / 1, 12);
    expect(r.line.from.fpr).toBe(0);
    expect(r.line.from.tpr).toBeCloseTo(0.4, 12);
    expect(r.line.to.fpr).toBeCloseTo(0.6, 12);
    expect(r.line.to.tpr).toBe(1);
  });

  it('falls back to a trivial classifier when positives are rare and cheap to miss', () => {
    const hull = corners([v(0.2, 0.6), v(0.5, 0.9)]);
    const r = isoPerformance(hull, 1, 0.1);
    expect(r.slope).toBeCloseTo(9, 12);
    expect(r.best).toBe(hull[0]);
    expect(r.cost).toBeCloseTo(0.1, 12);
    // Positives costly to miss: predict everything positive.
    expect(isoPerformance(hull, 1000, 0.5).best).toBe(hull[3]);
  });

  it('rejects bad costs, priors and an empty hull', () => {
    const hull = corners([]);
    expect(() => isoPerformance(hull, 0, 0.5)).toThrow(/costFnOverFp.*Got 0 instead\./);
    expect(() => isoPerformance(hull, Infinity, 0.5)).toThrow(ConfigError);
    expect(() => isoPerformance(hull, 1, 1)).toThrow(/positivePrior.*Got 1 instead\./);
    expect(() => isoPerformance(hull, 1, NaN)).toThrow(ConfigError);
    expect(() => isoPerformance([], 1, 0.5)).toThrow(ConfigError);
  });

  it('the best vertex has the lowest normalised expected cost and its line stays in the unit square', () => {
    fc.assert(
      fc.property(
        methodsArb,
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (methods, c, p) => {
          const { hull } = rocView(methods, 2, 1);
          const r = isoPerformance(hull, c, p);
          const costOf = (h: HullVertex): number => (p * c * (1 - h.tpr) + (1 - p) * h.fpr) / (p * c + (1 - p));
          for (const h of hull) expect(r.cost).toBeLessThanOrEqual(costOf(h) + 1e-12);
          for (const end of [r.line.from, r.line.to]) {
            for (const x of [end.fpr, end.tpr]) expect(x >= 0 && x <= 1).toBe(true);
            expect(end.tpr - r.best.tpr).toBeCloseTo(r.slope * (end.fpr - r.best.fpr), 9);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('decisionPoint', () => {
  it("is the FPR / TPR of the classifier's own argmax decisions, one class against the rest", () => {
    const y = [0, 0, 0, 1, 1, 2];
    const scores = Float64Array.from([0.8, 0.2, 0, 0.3, 0.7, 0, 0.6, 0.4, 0, 0.1, 0.9, 0, 0.6, 0.4, 0, 0.2, 0.7, 0.1]);
    // Class 1: true rows 3, 4 (row 3 predicted 1, row 4 predicted 0): TPR 1/2; negatives 0, 1, 2, 5: rows 1 and 5 predicted 1: FPR 2/4.
    expect(decisionPoint(y, scores, 3, 1)).toEqual({ fpr: 0.5, tpr: 0.5 });
    expect(decisionPoint([0, 0], Float64Array.from([1, 0, 0, 1]), 2, 1)).toEqual({ fpr: 0.5, tpr: NaN });
  });
});
