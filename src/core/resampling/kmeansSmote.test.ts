import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError, DataError } from '../errors';
import { createRng } from '../random';
import { countClasses } from '../types';
import type { Matrix } from '../types';
import { kmeansSmote, kmeansSmoteEntry } from './kmeansSmote';
import { resolveSamplingStrategy } from './samplingStrategy';
import type { SamplingStrategy } from './samplingStrategy';
import { labelledData, segmentParameter, syntheticParents } from './testSupport';

/** Each class is a few tight blobs, so every class has clusters where it dominates. */
const datasetArb = fc
  .record({
    counts: fc.array(fc.integer({ min: 12, max: 60 }), { minLength: 2, maxLength: 3 }),
    cols: fc.integer({ min: 1, max: 3 }),
    f64: fc.boolean(),
    seed: fc.integer(),
  })
  .map(({ counts, cols, f64, seed }) => labelledData(counts, cols, f64, seed, (t, y, rng) => (t % cols === 0 ? 10 * y[Math.floor(t / cols)] : 0) + rng.normal()));

describe('kmeansSmote', () => {
  it('honours the strategy, never mutates inputs, reproduces with a seed; synthetic points lie on segments between same-class parents', () => {
    fc.assert(
      fc.property(
        datasetArb,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom<SamplingStrategy>('auto', 'minority', 'all'),
        fc.integer(),
        ({ X, y, counts }, k, extra, strategy, seed) => {
          const Xcopy = X.data.slice();
          const ycopy = y.slice();
          // 1 cluster, or at least one per class (fewer clusters than classes legitimately leaves
          // a class without a cluster of its own: "No clusters found …", as imbalanced-learn).
          const clusters = extra === 0 ? 1 : counts.length + extra - 1;
          // Each class must be able to fill a cluster with kNeighbors + 1 of its rows: with more
          // clusters than that allows, k-means can cut a small class into pieces that are all too
          // small, and "No clusters found …" is the right answer (as in imbalanced-learn), not a
          // failure of this property. (CI met 12 rows cut into 6 clusters with kNeighbors 4.)
          fc.pre(Math.min(...counts) >= (k + 1) * clusters);
          const options = { kNeighbors: k, kmeansEstimator: clusters, samplingStrategy: strategy };
          const out = kmeansSmote(X, y, options, createRng(seed));
          expect(X.data).toEqual(Xcopy);
          expect(y).toEqual(ycopy);
          expect(out.X.data).toBeInstanceOf(X.data.constructor as typeof Float32Array);
          const targets = resolveSamplingStrategy(strategy, counts, 'over-sampling');
          expect(countClasses(out.y, counts.length)).toEqual(counts.map((n, c) => n + (targets.get(c) ?? 0)));
          expect(kmeansSmote(X, y, options, createRng(seed))).toEqual(out);
          for (let i = 0; i < X.rows; i++) expect(out.origin[i]).toBe(i);
          for (let i = X.rows; i < out.X.rows; i++) {
            const [a, b] = syntheticParents(y, out, i, expect);
            const t = segmentParameter(X, out, i, a, b, expect);
            expect(t).toBeGreaterThanOrEqual(-1e-6);
            expect(t).toBeLessThanOrEqual(1 + 1e-6);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('puts new points only in clusters where the class is well represented, more into the sparser one', () => {
    // Minority: a tight blob near (0, 0) and a wide blob near (50, 0); majority: far away at (0, 50) and (50, 50).
    const rng = createRng(2);
    const pts: number[] = [];
    const lab: number[] = [];
    const add = (cx: number, cy: number, s: number, n: number, c: number) => {
      for (let i = 0; i < n; i++) {
        pts.push(cx + s * rng.normal(), cy + s * rng.normal());
        lab.push(c);
      }
    };
    add(0, 0, 0.2, 15, 1);
    add(50, 0, 3, 15, 1);
    add(0, 50, 1, 50, 0);
    add(50, 50, 1, 50, 0);
    const X: Matrix = { data: Float64Array.from(pts), rows: lab.length, cols: 2 };
    const y = Int32Array.from(lab);
    const out = kmeansSmote(X, y, { kmeansEstimator: 4 }, createRng(3));
    let tight = 0;
    let wide = 0;
    for (let i = X.rows; i < out.X.rows; i++) {
      expect(out.y[i]).toBe(1);
      if (out.X.data[2 * i] < 25) tight++;
      else wide++;
      expect(out.X.data[2 * i + 1]).toBeLessThan(25);
    }
    expect(tight + wide).toBe(70);
    expect(wide).toBeGreaterThan(tight);
  });

  it('accepts explicit "auto" and numbers for clusterBalanceThreshold and densityExponent', () => {
    const { X, y } = fc.sample(datasetArb, { seed: 4, numRuns: 1 })[0];
    const a = kmeansSmote(X, y, { clusterBalanceThreshold: 'auto', densityExponent: 'auto' }, createRng(1));
    expect(kmeansSmote(X, y, {}, createRng(1))).toEqual(a);
    expect(() => kmeansSmote(X, y, { clusterBalanceThreshold: 0.1, densityExponent: 2 }, createRng(1))).not.toThrow();
    expect(() => kmeansSmote(X, y, { clusterBalanceThreshold: 2 }, createRng(1))).toThrow(ConfigError);
    expect(() => kmeansSmote(X, y, { kmeansEstimator: 0 }, createRng(1))).toThrow(ConfigError);
  });

  it('refuses with a DataError saying what to change when no cluster qualifies', () => {
    // Three minority points far apart, each in its own majority neighbourhood: no cluster holds kNeighbors + 1 = 3 of them.
    const pts: number[] = [];
    const lab: number[] = [];
    for (let blob = 0; blob < 8; blob++) {
      for (let t = 0; t < 6; t++) {
        pts.push(blob * 100 + Math.cos(t), Math.sin(t));
        lab.push(0);
      }
      if (blob < 3) {
        pts.push(blob * 100, 0);
        lab.push(1);
      }
    }
    const X: Matrix = { data: Float64Array.from(pts), rows: lab.length, cols: 2 };
    const y = Int32Array.from(lab);
    const run = () => kmeansSmote(X, y, { classNames: ['maj', 'min'] }, createRng(1));
    expect(run).toThrow(DataError);
    expect(run).toThrow(/^No clusters found with sufficient samples of class 'min'.*Lower clusterBalanceThreshold or kNeighbors, or change kmeansEstimator \(the number of clusters\)\. Got kmeansEstimator = 8 instead\.$/);
    // One cluster: the threshold is ignored and it is plain SMOTE over the class.
    expect(() => kmeansSmote(X, y, { kmeansEstimator: 1 }, createRng(1))).not.toThrow();
    expect(() => kmeansSmote(X, y, { kmeansEstimator: 100 }, createRng(1))).toThrow(
      'kmeansEstimator (clusters) must be at most the number of samples (51). Got 100 instead.',
    );
  });

  it('has a registry entry with imbalanced-learn defaults', () => {
    expect(kmeansSmoteEntry.id).toBe('kmeans-smote');
    expect(Object.fromEntries(kmeansSmoteEntry.params.map((p) => [p.name, p.default]))).toEqual({
      kNeighbors: 2,
      kmeansEstimator: 8,
      clusterBalanceThreshold: 'auto',
      densityExponent: 'auto',
      samplingStrategy: 'auto',
    });
  });
});
