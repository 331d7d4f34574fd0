import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DataError } from '../errors';
import { createRng } from '../random';
import { countClasses } from '../types';
import type { Matrix } from '../types';
import { resolveSamplingStrategy } from './samplingStrategy';
import type { SamplingStrategy } from './samplingStrategy';
import { smote } from './smote';
import { kthSameClassSqDist, labelledData, segmentParameter, sqDist, syntheticParents } from './testSupport';

/** A labelled dataset with the given class sizes (rows interleaved), values on a coarse grid or continuous. */
const datasetArb = fc
  .record({
    counts: fc.array(fc.integer({ min: 2, max: 40 }), { minLength: 2, maxLength: 4 }),
    cols: fc.integer({ min: 1, max: 4 }),
    grid: fc.boolean(),
    f64: fc.boolean(),
    seed: fc.integer(),
  })
  .map(({ counts, cols, grid, f64, seed }) => labelledData(counts, cols, f64, seed, (_t, _y, rng) => (grid ? rng.int(4) : (rng.next() - 0.5) * 200)));

describe('smote', () => {
  it('every synthetic point lies on the segment between two same-class parents, the second among the first’s k nearest', () => {
    fc.assert(
      fc.property(
        datasetArb,
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom<SamplingStrategy>('auto', 'minority', 'not majority', 'all'),
        fc.integer(),
        ({ X, y, counts }, kRaw, strategy, seed) => {
          const k = Math.min(kRaw, Math.min(...counts) - 1);
          const out = smote(X, y, { kNeighbors: k, samplingStrategy: strategy }, createRng(seed));
          const tol = X.data instanceof Float32Array ? 1e-4 : 1e-9;
          for (let i = X.rows; i < out.X.rows; i++) {
            const [a, b] = syntheticParents(y, out, i, expect);
            // b is within the k-th smallest same-class distance from a (robust to tie order).
            expect(sqDist(X, a, b)).toBeLessThanOrEqual(kthSameClassSqDist(X, y, a, k));
            // x_new = x_a + u (x_b − x_a), u ∈ [0, 1].
            const u = segmentParameter(X, out, i, a, b, expect);
            expect(u).toBeGreaterThanOrEqual(-tol);
            expect(u).toBeLessThanOrEqual(1 + tol);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('class counts equal the input counts plus the resolved strategy', () => {
    fc.assert(
      fc.property(datasetArb, fc.constantFrom<SamplingStrategy>('auto', 'minority', 'not minority', 'all'), ({ X, y, counts }, strategy) => {
        const k = Math.min(5, Math.min(...counts) - 1);
        const out = smote(X, y, { kNeighbors: k, samplingStrategy: strategy }, createRng(1));
        const targets = resolveSamplingStrategy(strategy, counts, 'over-sampling');
        expect(countClasses(out.y, counts.length)).toEqual(counts.map((n, c) => n + (targets.get(c) ?? 0)));
        // The input rows come first, unchanged.
        for (let i = 0; i < X.rows; i++) expect(out.origin[i]).toBe(i);
        expect(Array.from(out.X.data.subarray(0, X.data.length))).toEqual(Array.from(X.data));
      }),
      { numRuns: 100 },
    );
  });

  it('names the too-small class in its error', () => {
    const X: Matrix = { data: Float32Array.from({ length: 40 }, (_, i) => i), rows: 20, cols: 2 };
    const y = Int32Array.from({ length: 20 }, (_, i) => (i < 15 ? 0 : 1));
    const message = "kNeighbors must be < the number of samples in class 'minority' (5). Got 5 instead. Lower kNeighbors to at most 4 or pick random over-sampling.";
    expect(() => smote(X, y, { classNames: ['majority', 'minority'] }, createRng(1))).toThrow(DataError);
    expect(() => smote(X, y, { classNames: ['majority', 'minority'] }, createRng(1))).toThrow(message);
    expect(() => smote(X, y, { kNeighbors: 7 }, createRng(1))).toThrow(
      "kNeighbors must be < the number of samples in class '1' (5). Got 7 instead. Lower kNeighbors to at most 4",
    );
    expect(() => smote(X, y, { kNeighbors: 4 }, createRng(1))).not.toThrow();
    // A class that is not over-sampled may be small.
    expect(() => smote(X, y, { kNeighbors: 5, samplingStrategy: { 1: 5 } }, createRng(1))).not.toThrow();
  });
});
