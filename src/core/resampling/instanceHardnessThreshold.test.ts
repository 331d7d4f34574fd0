/**
 * Instance hardness threshold: numpy's percentile, the stratified folds and the threshold rule.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../random';
import type { Matrix } from '../types';
import { instanceHardnessThreshold, percentile, stratifiedFolds } from './instanceHardnessThreshold';

describe('percentile = numpy.percentile (linear), values from numpy 2.4.6', () => {
  it.each([
    [[0.2, 0.4, 0.4, 1, 1, 0.6], 70, 0.8],
    [[0, 1, 1, 1], (1 - 3 / 4) * 100, 0.75],
    [[0.1, 0.7, 0.3], (1 - 1 / 3) * 100, 0.43333333333333335],
    [[0.2, 0.8], 35, 0.41000000000000003],
    [[5], 10, 5],
  ])('percentile(%j, %d) = %d', (values, q, want) => {
    expect(percentile(values, q)).toBe(want);
  });
});

describe('stratifiedFolds', () => {
  it('gives every class near-equal fold shares, uses every fold, and reproduces with a seed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 5, max: 40 }), { minLength: 2, maxLength: 4 }), fc.integer({ min: 2, max: 5 }), fc.integer(), (counts, cv, seed) => {
        const y = createRng(seed).shuffle(Int32Array.from(counts.flatMap((n, c) => Array<number>(n).fill(c))));
        const folds = stratifiedFolds(y, counts.length, cv, createRng(seed));
        expect(stratifiedFolds(y, counts.length, cv, createRng(seed))).toEqual(folds);
        for (let c = 0; c < counts.length; c++) {
          const share = Array.from({ length: cv }, (_, f) => folds.filter((g, i) => g === f && y[i] === c).length);
          expect(Math.max(...share) - Math.min(...share)).toBeLessThanOrEqual(1);
        }
        for (let f = 0; f < cv; f++) expect(folds.includes(f)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('instance hardness threshold', () => {
  // Class 0: 20 rows on a line far from class 1 (6 rows near the origin), plus row 20 of class 0
  // sitting inside the class-1 cluster.
  const xs = [...Array.from({ length: 20 }, (_, i) => 100 + i), 0.5, 0, 1, 0.2, 0.9, 0.4, 0.7];
  const X: Matrix = { data: Float64Array.from(xs), rows: xs.length, cols: 1 };
  const y = Int32Array.from(xs.map((_, i) => (i <= 20 ? 0 : 1)));

  it('drops the class-0 row inside the class-1 cluster; ties at the threshold are kept (τ = 1 here)', () => {
    // p = 1 for the 20 clustered class-0 rows and < 1 for row 20; τ = percentile(p, (1 − 6/21)·100) = 1.
    for (const seed of [0, 1, 2, 3]) {
      const out = instanceHardnessThreshold(X, y, {}, createRng(seed));
      expect(Array.from(out.origin)).toEqual([...Array.from({ length: 20 }, (_, i) => i), 21, 22, 23, 24, 25, 26]);
    }
  });

  it('keeps exactly the asked count when the probabilities are distinct enough, at least that many otherwise', () => {
    const rng = createRng(5);
    const n = 60;
    const Xr: Matrix = { data: Float64Array.from({ length: n * 2 }, () => rng.normal()), rows: n, cols: 2 };
    const yr = Int32Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const out = instanceHardnessThreshold(Xr, yr, { nNeighbors: 7 }, createRng(1));
    expect(out.y.filter((c) => c === 0).length).toBeGreaterThanOrEqual(20);
    expect(out.y.filter((c) => c === 1).length).toBe(20);
  });
});
