import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DataError } from '../errors';
import { createRng } from '../random';
import { countClasses } from '../types';
import type { Matrix } from '../types';
import { adasyn, adasynBudget, adasynEntry } from './adasyn';
import { resolveSamplingStrategy } from './samplingStrategy';
import type { SamplingStrategy } from './samplingStrategy';
import { kthSameClassSqDist, labelledData, segmentParameter, sqDist, syntheticParents, toMatrix } from './testSupport';

/** Overlapping classes (means 0, 0.7, 1.4, … plus unit noise), so ratios are rarely all zero. */
const datasetArb = fc
  .record({
    counts: fc.array(fc.integer({ min: 3, max: 40 }), { minLength: 2, maxLength: 4 }),
    cols: fc.integer({ min: 1, max: 3 }),
    f64: fc.boolean(),
    seed: fc.integer(),
  })
  .map(({ counts, cols, f64, seed }) => labelledData(counts, cols, f64, seed, (t, y, rng) => 0.7 * y[Math.floor(t / cols)] + rng.normal()));

/** Runs ADASYN, or returns the DataError it legitimately throws (all ratios zero / nothing to generate). */
function tryAdasyn(X: Matrix, y: Int32Array, options: Parameters<typeof adasyn>[2], seed: number) {
  try {
    return adasyn(X, y, options, createRng(seed));
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    expect((e as Error).message).toMatch(/ADASYN (needs samples|would generate no sample)/);
    return null;
  }
}

/**
 * Majority x = 0..9 (rows 0–9), minority A = 8.5, B = 12, C = 13, D = 30 (rows 10–13), K = 2:
 * A's two nearest are 8 and 9 (Δ = 2, r = 1); B's are C and 9 (r = 1/2); C's are B and 9 (r = 1/2);
 * D's are C and B (r = 0). r̂ = (1/2, 1/4, 1/4, 0). Checked against imbalanced-learn 0.10.
 */
const line = {
  X: toMatrix([...Array.from({ length: 10 }, (_, i) => [i]), [8.5], [12], [13], [30]]),
  y: Int32Array.from([...Array<number>(10).fill(0), 1, 1, 1, 1]),
};

describe('adasyn: hand-derived budgets (imbalanced-learn 0.10 rounding)', () => {
  const rows = Int32Array.from([10, 11, 12, 13]);
  it('g_i = rint(r̂_i · G): G = 6 → (3, 1.5, 1.5, 0) → (3, 2, 2, 0), 7 samples instead of 6', () => {
    expect(Array.from(adasynBudget(line.X, line.y, rows, 1, 2, 6))).toEqual([3, 2, 2, 0]);
    const out = adasyn(line.X, line.y, { nNeighbors: 2 }, createRng(1));
    expect(countClasses(out.y, 2)).toEqual([10, 11]);
    const fromA = Array.from(out.parents).filter((p, t) => t % 2 === 0 && p === 10).length;
    expect(fromA).toBe(3);
  });

  it('halves round to even: G = 10 → (5, 2.5, 2.5, 0) → (5, 2, 2, 0)', () => {
    expect(Array.from(adasynBudget(line.X, line.y, rows, 1, 2, 10))).toEqual([5, 2, 2, 0]);
    const out = adasyn(line.X, line.y, { nNeighbors: 2, samplingStrategy: { 1: 14 } }, createRng(1));
    expect(countClasses(out.y, 2)).toEqual([10, 13]);
  });

  it('refuses when rounding leaves nothing to generate (G = 1 → (0.5, 0.25, 0.25, 0) → 0)', () => {
    expect(() => adasyn(line.X, line.y, { nNeighbors: 2, samplingStrategy: { 1: 5 } }, createRng(1))).toThrow(
      "ADASYN would generate no sample for class '1': rounding g_i = rint(r̂_i · 1) gives 0 for every sample",
    );
  });

  it('refuses with a DataError when no sample has a neighbour of another class', () => {
    const X = toMatrix([...Array.from({ length: 10 }, (_, i) => [i]), [100], [101], [102]]);
    const y = Int32Array.from([...Array<number>(10).fill(0), 1, 1, 1]);
    expect(() => adasyn(X, y, { nNeighbors: 2, classNames: ['common', 'rare'] }, createRng(1))).toThrow(DataError);
    expect(() => adasyn(X, y, { nNeighbors: 2, classNames: ['common', 'rare'] }, createRng(1))).toThrow(
      "ADASYN needs samples of class 'rare' with neighbours of another class: none of the 2 nearest neighbours of any of its 3 samples belongs to another class",
    );
    expect(() => adasyn(X, y, { nNeighbors: 2 }, createRng(1))).toThrow(/Use SMOTE instead, or raise nNeighbors. Got nNeighbors = 2 instead.$/);
  });

  it('names the too-small class and the nNeighbors that would work; refuses nNeighbors >= rows', () => {
    const X = toMatrix(Array.from({ length: 20 }, (_, i) => [i]));
    const y = Int32Array.from({ length: 20 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    expect(() => adasyn(X, y, { classNames: ['majority', 'minority'] }, createRng(1))).toThrow(
      "nNeighbors must be < the number of samples in class 'minority' (5). Got 5 instead. Lower nNeighbors to at most 4 or pick random over-sampling.",
    );
    expect(() => adasyn(X, y, { nNeighbors: 4 }, createRng(1))).not.toThrow();
    expect(() => adasyn(X, y, { nNeighbors: 50, samplingStrategy: 'minority' }, createRng(1))).toThrow(
      'nNeighbors must be < the number of samples (20): each sample needs nNeighbors other samples. Got 50 instead.',
    );
    expect(() => adasyn(X, y, { nNeighbors: 0 }, createRng(1))).toThrow('nNeighbors must be an integer between 1 and 50');
  });
});

describe('adasyn: properties', () => {
  it('synthetic points lie on segments between a sample and one of its K nearest same-class neighbours', () => {
    fc.assert(
      fc.property(datasetArb, fc.integer({ min: 1, max: 6 }), fc.constantFrom<SamplingStrategy>('auto', 'minority', 'all'), fc.integer(), ({ X, y, counts }, kRaw, strategy, seed) => {
        const K = Math.min(kRaw, Math.min(...counts) - 1);
        const out = tryAdasyn(X, y, { nNeighbors: K, samplingStrategy: strategy }, seed);
        if (!out) return;
        const tol = X.data instanceof Float32Array ? 1e-4 : 1e-9;
        for (let i = X.rows; i < out.X.rows; i++) {
          const [a, b] = syntheticParents(y, out, i, expect);
          expect(sqDist(X, a, b)).toBeLessThanOrEqual(kthSameClassSqDist(X, y, a, K));
          const u = segmentParameter(X, out, i, a, b, expect);
          expect(u).toBeGreaterThanOrEqual(-tol);
          expect(u).toBeLessThanOrEqual(1 + tol);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('each class gets Σ g_i samples (within n_c / 2 of the target), each sample x_i exactly g_i; inputs untouched; seeds reproduce', () => {
    fc.assert(
      fc.property(datasetArb, fc.constantFrom<SamplingStrategy>('auto', 'minority', 'not minority', 'all'), fc.integer(), ({ X, y, counts }, strategy, seed) => {
        const K = Math.min(5, Math.min(...counts) - 1);
        const Xcopy = X.data.slice();
        const ycopy = y.slice();
        const out = tryAdasyn(X, y, { nNeighbors: K, samplingStrategy: strategy }, seed);
        expect(X.data).toEqual(Xcopy);
        expect(y).toEqual(ycopy);
        if (!out) return;
        expect(out.X.data).toBeInstanceOf(X.data.constructor as Float32ArrayConstructor);
        const targets = resolveSamplingStrategy(strategy, counts, 'over-sampling');
        const got = countClasses(out.y, counts.length);
        const perParent = new Map<number, number>();
        for (let i = X.rows; i < out.X.rows; i++) perParent.set(out.parents[2 * i], (perParent.get(out.parents[2 * i]) ?? 0) + 1);
        counts.forEach((n, c) => {
          const G = targets.get(c) ?? 0;
          if (G === 0) {
            expect(got[c]).toBe(n);
            return;
          }
          const rows = Int32Array.from(Array.from(y.keys()).filter((i) => y[i] === c));
          const g = adasynBudget(X, y, rows, c, K, G);
          expect(got[c]).toBe(n + g.reduce((s, v) => s + v, 0));
          expect(Math.abs(got[c] - n - G)).toBeLessThanOrEqual(n / 2);
          rows.forEach((r, i) => expect(perParent.get(r) ?? 0).toBe(g[i]));
        });
        for (let i = 0; i < X.rows; i++) expect(out.origin[i]).toBe(i);
        expect(run()).toEqual(out);
        function run() {
          return adasyn(X, y, { nNeighbors: K, samplingStrategy: strategy }, createRng(seed));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('registry entry is shaped like the registry’s', () => {
    expect(adasynEntry.id).toBe('adasyn');
    expect(adasynEntry.resample).toBe(adasyn);
    expect(adasynEntry.samplerType).toBe('over-sampling');
    expect(adasynEntry.params.map((p) => p.name)).toEqual(['nNeighbors', 'samplingStrategy']);
    expect(adasynEntry.citation).toContain('He, Bai, Garcia & Li 2008');
  });
});
