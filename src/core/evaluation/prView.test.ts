import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { averagePrecision } from '../metrics';
import { prView } from './prView';
import type { ScoredMethod } from './scoredMethod';

function binary(index: number, yTrue: number[], p1: number[]): ScoredMethod {
  const scores = new Float64Array(p1.length * 2);
  p1.forEach((p, i) => {
    scores[i * 2] = 1 - p;
    scores[i * 2 + 1] = p;
  });
  return { index, label: `m${index}`, yTrue, scores };
}

describe('prView', () => {
  // scikit-learn's precision_recall_curve docstring example.
  const example = binary(0, [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);

  it('lists the curve by increasing recall, starting at (recall 0, precision 1) without threshold', () => {
    const v = prView([example], 2, 1);
    expect(v.prevalence).toBe(0.5);
    const s = v.series[0];
    expect(s.ap).toBeCloseTo(0.8333333333333333, 12);
    expect(s.points.map((p) => p.recall)).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(s.points.map((p) => p.precision)).toEqual([1, 1, 0.5, 2 / 3, 0.5]);
    expect(s.points.map((p) => p.threshold)).toEqual([null, 0.8, 0.4, 0.35, 0.1]);
  });

  it('uses the chosen class one-vs-rest and the first method’s prevalence', () => {
    const m: ScoredMethod = {
      index: 3,
      label: 'three',
      yTrue: [0, 1, 2, 2, 2],
      scores: Float32Array.from([0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.2, 0.2, 0.6, 0.1, 0.1, 0.8, 0.5, 0.1, 0.4]),
    };
    const v = prView([m, { ...m, index: 1, yTrue: [2, 2, 2, 2, 2] }], 3, 2);
    expect(v.prevalence).toBeCloseTo(3 / 5, 15);
    expect(v.series[0].ap).toBe(1);
    expect(v.series[1].ap).toBe(1);
  });

  it('gives ap NaN and no points to a test set without positives', () => {
    const v = prView([binary(0, [0, 0], [0.2, 0.9]), example], 2, 1);
    expect(v.series[0].ap).toBeNaN();
    expect(v.series[0].points).toEqual([]);
    expect(v.prevalence).toBe(0);
    expect(prView([], 2, 1).prevalence).toBeNaN();
  });

  it('thins to maxPoints keeping both ends', () => {
    const n = 50;
    const y = Array.from({ length: n }, (_, i) => i % 2);
    const m = binary(0, y, Array.from({ length: n }, (_, i) => (i * 7919) % 101 / 101));
    const full = prView([m], 2, 1, 1e6).series[0].points;
    const thin = prView([m], 2, 1, 5).series[0].points;
    expect(full.length).toBe(n + 1);
    expect(thin).toHaveLength(5);
    expect(thin[0]).toEqual(full[0]);
    expect(thin[4]).toEqual(full[full.length - 1]);
    for (const p of thin) expect(full).toContainEqual(p);
  });

  it('rejects bad arguments', () => {
    expect(() => prView([example], 2, -1)).toThrow(ConfigError);
    expect(() => prView([example], 2, 1, 0)).toThrow(/maxPoints.*Got 0 instead\./);
  });

  it('is sorted by recall, ends at full recall and keeps scikit-learn’s AP', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 10 })), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 10 }),
        (rows, maxPoints) => {
          const y = rows.map((r) => r[0]);
          const m = binary(0, y, rows.map((r) => r[1] / 10));
          const s = prView([m], 2, 1, maxPoints).series[0];
          if (!y.includes(1)) {
            expect(s.points).toEqual([]);
            return;
          }
          expect(s.ap).toBe(averagePrecision(y, rows.map((r) => r[1] / 10)));
          expect(s.points[0]).toEqual({ recall: 0, precision: 1, threshold: null });
          expect(s.points[s.points.length - 1].recall).toBe(1);
          expect(s.points.length).toBeLessThanOrEqual(maxPoints);
          for (let i = 1; i < s.points.length; i++) {
            expect(s.points[i].recall).toBeGreaterThanOrEqual(s.points[i - 1].recall);
            expect(s.points[i].threshold).not.toBeNull();
            if (i > 1) expect(s.points[i].threshold!).toBeLessThan(s.points[i - 1].threshold!);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
