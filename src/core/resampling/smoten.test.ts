import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DataError } from '../errors';
import { createRng } from '../random';
import { countClasses } from '../types';
import { resolveSamplingStrategy } from './samplingStrategy';
import type { SamplingStrategy } from './samplingStrategy';
import { smoten, smotenEntry } from './smoten';
import { labelledData, toMatrix } from './testSupport';

/** Categorical codes (some columns class-dependent), as numbers. */
const datasetArb = fc
  .record({
    counts: fc.array(fc.integer({ min: 3, max: 40 }), { minLength: 2, maxLength: 4 }),
    cols: fc.integer({ min: 1, max: 4 }),
    levels: fc.integer({ min: 2, max: 6 }),
    f64: fc.boolean(),
    seed: fc.integer(),
  })
  .map(({ counts, cols, levels, f64, seed }) => labelledData(counts, cols, f64, seed, (t, y, rng) => ((rng.int(levels) + (t % 2) * y[Math.floor(t / cols)]) % levels) - 1.5));

describe('smoten', () => {
  it('every synthetic value is a category of that column within the class; parents (sample, −1)', () => {
    fc.assert(
      fc.property(datasetArb, fc.integer({ min: 1, max: 6 }), fc.constantFrom<SamplingStrategy>('auto', 'minority', 'all'), fc.integer(), ({ X, y, counts }, kRaw, strategy, seed) => {
        const k = Math.min(kRaw, Math.min(...counts) - 1);
        const out = smoten(X, y, { kNeighbors: k, samplingStrategy: strategy }, createRng(seed));
        const d = X.cols;
        for (let i = X.rows; i < out.X.rows; i++) {
          expect(out.origin[i]).toBe(-1);
          const a = out.parents[2 * i];
          expect(y[a]).toBe(out.y[i]);
          expect(out.parents[2 * i + 1]).toBe(-1);
          for (let j = 0; j < d; j++) {
            const present = new Set<number>();
            for (let r = 0; r < X.rows; r++) if (y[r] === out.y[i]) present.add(X.data[r * d + j]);
            expect(present.has(out.X.data[i * d + j])).toBe(true);
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('class counts equal the input counts plus the resolved strategy; inputs untouched; seeds reproduce', () => {
    fc.assert(
      fc.property(datasetArb, fc.constantFrom<SamplingStrategy>('auto', 'minority', 'not minority', 'all'), fc.integer(), ({ X, y, counts }, strategy, seed) => {
        const k = Math.min(5, Math.min(...counts) - 1);
        const Xcopy = X.data.slice();
        const ycopy = y.slice();
        const out = smoten(X, y, { kNeighbors: k, samplingStrategy: strategy }, createRng(seed));
        expect(X.data).toEqual(Xcopy);
        expect(y).toEqual(ycopy);
        expect(out.X.data).toBeInstanceOf(X.data.constructor as Float32ArrayConstructor);
        const targets = resolveSamplingStrategy(strategy, counts, 'over-sampling');
        expect(countClasses(out.y, counts.length)).toEqual(counts.map((n, c) => n + (targets.get(c) ?? 0)));
        for (let i = 0; i < X.rows; i++) expect(out.origin[i]).toBe(i);
        expect(smoten(X, y, { kNeighbors: k, samplingStrategy: strategy }, createRng(seed))).toEqual(out);
      }),
      { numRuns: 80 },
    );
  });

  it('with k = n_c − 1 every new sample is the per-feature mode of the class (ties to the smallest value)', () => {
    const X = toMatrix([
      [9, 9], [9, 9], [9, 9], [9, 9], [9, 9], [9, 9],
      [1, 4], [2, 4], [2, 5], [1, 5], [2, 6],
    ]);
    const y = Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    // Class 1: column 0 → 2 (three 2s), column 1 → 4 (4 and 5 tie twice each; the smaller wins).
    const out = smoten(X, y, { kNeighbors: 4 }, createRng(1));
    expect(out.X.rows).toBe(12);
    expect(Array.from(out.X.data.subarray(22))).toEqual([2, 4]);
  });

  it('chooses neighbours by the Value Difference Metric, not by counting differing values', () => {
    // One feature. Class 0: value 0 ×10, value 2 ×1. Class 1 (rows 11–15): values 1, 1, 1, 2, 0.
    // P(class | value): 0 → (10/11, 1/11), 1 → (0, 1), 2 → (1/2, 1/2), so
    // VDM(2, 0) = (2 · 0.409)² ≈ 0.67 < VDM(2, 1) = 1 < VDM(0, 1) ≈ 3.3.
    // k = 1, neighbourhood = sample + its nearest; the mode of two different values is the smaller:
    // 1 → (1, 1) → 1;  2 → (2, 0) → 0;  0 → (0, 2) → 0. Counting mismatches would pair 2 with the
    // lower-indexed 1 and give 1.
    const X = toMatrix([...Array.from({ length: 10 }, () => [0]), [2], [1], [1], [1], [2], [0]]);
    const y = Int32Array.from([...Array<number>(11).fill(0), 1, 1, 1, 1, 1]);
    const out = smoten(X, y, { kNeighbors: 1, samplingStrategy: { 1: 80 } }, createRng(3));
    const expected = new Map([[11, 1], [12, 1], [13, 1], [14, 0], [15, 0]]);
    const seen = new Set<number>();
    for (let i = X.rows; i < out.X.rows; i++) {
      const a = out.parents[2 * i];
      seen.add(a);
      expect(out.X.data[i]).toBe(expected.get(a));
    }
    expect(seen.size).toBe(5);
  });

  it('names the too-small class and the k that would work', () => {
    const X = toMatrix(Array.from({ length: 20 }, (_, i) => [i % 3, i % 2]));
    const y = Int32Array.from({ length: 20 }, (_, i) => (i < 15 ? 0 : 1));
    const options = { classNames: ['majority', 'minority'] };
    expect(() => smoten(X, y, options, createRng(1))).toThrow(DataError);
    expect(() => smoten(X, y, options, createRng(1))).toThrow(
      "kNeighbors must be < the number of samples in class 'minority' (5). Got 5 instead. Lower kNeighbors to at most 4 or pick random over-sampling.",
    );
    expect(() => smoten(X, y, { ...options, kNeighbors: 4 }, createRng(1))).not.toThrow();
  });

  it('registry entry is shaped like the registry’s', () => {
    expect(smotenEntry.id).toBe('smoten');
    expect(smotenEntry.resample).toBe(smoten);
    expect(smotenEntry.samplerType).toBe('over-sampling');
    expect(smotenEntry.params.map((p) => p.name)).toEqual(['kNeighbors', 'samplingStrategy']);
    expect(smotenEntry.citation).toContain('Chawla');
  });
});
