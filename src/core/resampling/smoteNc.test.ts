import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError, DataError } from '../errors';
import { createRng } from '../random';
import { countClasses } from '../types';
import { resolveSamplingStrategy } from './samplingStrategy';
import type { SamplingStrategy } from './samplingStrategy';
import { smoteNc, smoteNcEntry } from './smoteNc';
import { labelledData, toMatrix } from './testSupport';

/** Mixed data: some columns categorical (small integer codes, class-dependent), the rest continuous. */
const datasetArb = fc
  .record({
    counts: fc.array(fc.integer({ min: 3, max: 40 }), { minLength: 2, maxLength: 4 }),
    cols: fc.integer({ min: 2, max: 5 }),
    f64: fc.boolean(),
    seed: fc.integer(),
  })
  .chain((base) =>
    fc.record({
      base: fc.constant(base),
      categorical: fc.uniqueArray(fc.integer({ min: 0, max: base.cols - 1 }), { minLength: 1, maxLength: base.cols - 1 }),
    }),
  )
  .map(({ base: { counts, cols, f64, seed }, categorical }) => ({
    ...labelledData(counts, cols, f64, seed, (t, y, rng) => {
      const c = y[Math.floor(t / cols)];
      return categorical.includes(t % cols) ? (rng.int(3) + c) * 2.5 : c + rng.normal() * 3;
    }),
    categorical,
  }));

describe('smoteNc', () => {
  it('continuous columns lie on the segment between two same-class parents; categorical columns only take values of the class', () => {
    fc.assert(
      fc.property(
        datasetArb,
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom<SamplingStrategy>('auto', 'minority', 'all'),
        fc.integer(),
        ({ X, y, counts, categorical }, kRaw, strategy, seed) => {
          const k = Math.min(kRaw, Math.min(...counts) - 1);
          const out = smoteNc(X, y, { kNeighbors: k, categoricalFeatures: categorical, samplingStrategy: strategy }, createRng(seed));
          const d = X.cols;
          const continuous = Array.from({ length: d }, (_, j) => j).filter((j) => !categorical.includes(j));
          const tol = X.data instanceof Float32Array ? 1e-4 : 1e-9;
          for (let i = X.rows; i < out.X.rows; i++) {
            expect(out.origin[i]).toBe(-1);
            const a = out.parents[2 * i];
            const b = out.parents[2 * i + 1];
            const c = out.y[i];
            expect(y[a]).toBe(c);
            expect(y[b]).toBe(c);
            expect(b).not.toBe(a);
            let dot = 0;
            let len = 0;
            for (const j of continuous) {
              const xa = X.data[a * d + j];
              dot += (out.X.data[i * d + j] - xa) * (X.data[b * d + j] - xa);
              len += (X.data[b * d + j] - xa) ** 2;
            }
            const u = len === 0 ? 0 : dot / len;
            expect(u).toBeGreaterThanOrEqual(-tol);
            expect(u).toBeLessThanOrEqual(1 + tol);
            for (const j of continuous) {
              const xa = X.data[a * d + j];
              const expected = xa + u * (X.data[b * d + j] - xa);
              expect(Math.abs(out.X.data[i * d + j] - expected)).toBeLessThanOrEqual(tol * (1 + Math.abs(expected)));
            }
            for (const j of categorical) {
              const present = new Set<number>();
              for (let r = 0; r < X.rows; r++) if (y[r] === c) present.add(X.data[r * d + j]);
              expect(present.has(out.X.data[i * d + j])).toBe(true);
            }
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('class counts equal the input counts plus the resolved strategy; inputs untouched; seeds reproduce', () => {
    fc.assert(
      fc.property(datasetArb, fc.constantFrom<SamplingStrategy>('auto', 'minority', 'not minority', 'all'), fc.integer(), ({ X, y, counts, categorical }, strategy, seed) => {
        const k = Math.min(5, Math.min(...counts) - 1);
        const Xcopy = X.data.slice();
        const ycopy = y.slice();
        const catCopy = categorical.slice();
        const options = { kNeighbors: k, categoricalFeatures: categorical, samplingStrategy: strategy };
        const out = smoteNc(X, y, options, createRng(seed));
        expect(X.data).toEqual(Xcopy);
        expect(y).toEqual(ycopy);
        expect(categorical).toEqual(catCopy);
        expect(out.X.data).toBeInstanceOf(X.data.constructor as Float32ArrayConstructor);
        const targets = resolveSamplingStrategy(strategy, counts, 'over-sampling');
        expect(countClasses(out.y, counts.length)).toEqual(counts.map((n, c) => n + (targets.get(c) ?? 0)));
        for (let i = 0; i < X.rows; i++) expect(out.origin[i]).toBe(i);
        expect(Array.from(out.X.data.subarray(0, X.data.length))).toEqual(Array.from(X.data));
        expect(smoteNc(X, y, options, createRng(seed))).toEqual(out);
      }),
      { numRuns: 80 },
    );
  });

  it('penalises a differing category by Med² / 2 (imbalanced-learn’s one-hot · Med / 2), not the paper’s Med²', () => {
    // Minority (class 1): p = (0, cat 0), q = (1, cat 1), r = (1.1, cat 0). Continuous std of the
    // minority: values 0, 1, 1.1 → mean 0.7, variance 0.74 / 3, so Med² = 0.2467.
    // From p: d²(p, q) = 1 + Med²/2 = 1.1233 < d²(p, r) = 1.21 < 1 + Med² = 1.2467 (the paper's choice).
    const X = toMatrix([
      [5, 0], [6, 1], [7, 0], [8, 1], [9, 0], [10, 1], [11, 0],
      [0, 0], [1, 1], [1.1, 0],
    ]);
    const y = Int32Array.from([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    const out = smoteNc(X, y, { kNeighbors: 1, categoricalFeatures: [1], samplingStrategy: { 1: 60 } }, createRng(4));
    let fromP = 0;
    for (let i = X.rows; i < out.X.rows; i++) {
      const a = out.parents[2 * i];
      const b = out.parents[2 * i + 1];
      // k = 1: the category is the single neighbour's; q ↔ r are mutual nearest neighbours.
      expect(out.X.data[2 * i + 1]).toBe(X.data[2 * b + 1]);
      if (a === 7) {
        fromP++;
        expect(b).toBe(8);
      }
      if (a === 8) expect(b).toBe(9);
      if (a === 9) expect(b).toBe(8);
    }
    expect(fromP).toBeGreaterThan(5);
  });

  it('categorical features take the most frequent value among the k neighbours', () => {
    // Minority: five rows on a line, categories 3, 3, 3, 7, 3: with k = 4 every row's neighbours
    // hold at least three 3s.
    const X = toMatrix([
      [10, 7], [11, 7], [12, 7], [13, 7], [14, 7], [15, 7], [16, 7], [17, 7],
      [0, 3], [1, 3], [2, 3], [3, 7], [4, 3],
    ]);
    const y = Int32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    const out = smoteNc(X, y, { kNeighbors: 4, categoricalFeatures: [1], samplingStrategy: { 1: 40 } }, createRng(2));
    for (let i = X.rows; i < out.X.rows; i++) expect(out.X.data[2 * i + 1]).toBe(3);
  });

  it('refuses missing, empty, invalid or all-column categoricalFeatures with ConfigError pointing to SMOTE / SMOTEN', () => {
    const X = toMatrix(Array.from({ length: 20 }, (_, i) => [i, i % 3, (i * 7) % 5]));
    const y = Int32Array.from({ length: 20 }, (_, i) => (i < 14 ? 0 : 1));
    const cases: [unknown, string][] = [
      [undefined, 'SMOTE-NC needs categoricalFeatures, the indices of the categorical columns (between 0 and 2); for purely continuous data use SMOTE. Got undefined instead.'],
      [[], 'SMOTE-NC needs at least one categorical column in categoricalFeatures; for purely continuous data use SMOTE. Got [] instead.'],
      [[0, 1, 2], 'SMOTE-NC is not designed to work only with categorical features: it requires some continuous features. Use SMOTEN for purely categorical data. Got [0,1,2] (every column) instead.'],
      [[3], 'Some of the categorical indices are out of range: indices should be between 0 and 2. Got [3] instead.'],
      [[-1], 'Some of the categorical indices are out of range: indices should be between 0 and 2. Got [-1] instead.'],
      [[1, 1], 'categoricalFeatures must not list a column twice. Got [1,1] instead.'],
      [[1.5], 'categoricalFeatures must be a list of column indices (integers). Got [1.5] instead.'],
      ['1', "categoricalFeatures must be a list of column indices (integers). Got '1' instead."],
    ];
    for (const [categoricalFeatures, message] of cases) {
      const run = () => smoteNc(X, y, { kNeighbors: 3, categoricalFeatures: categoricalFeatures as number[] }, createRng(1));
      expect(run).toThrow(ConfigError);
      expect(run).toThrow(message);
      try {
        run();
      } catch (e) {
        expect((e as ConfigError).field).toBe('categoricalFeatures');
      }
    }
    expect(() => smoteNc(X, y, { kNeighbors: 3, categoricalFeatures: Int32Array.from([1, 2]) as unknown as number[] }, createRng(1))).not.toThrow();
  });

  it('names the too-small class and the k that would work', () => {
    const X = toMatrix(Array.from({ length: 20 }, (_, i) => [i, i % 2]));
    const y = Int32Array.from({ length: 20 }, (_, i) => (i < 15 ? 0 : 1));
    const options = { categoricalFeatures: [1], classNames: ['majority', 'minority'] };
    expect(() => smoteNc(X, y, options, createRng(1))).toThrow(DataError);
    expect(() => smoteNc(X, y, options, createRng(1))).toThrow(
      "kNeighbors must be < the number of samples in class 'minority' (5). Got 5 instead. Lower kNeighbors to at most 4 or pick random over-sampling.",
    );
    expect(() => smoteNc(X, y, { ...options, kNeighbors: 4 }, createRng(1))).not.toThrow();
  });

  it('registry entry is shaped like the registry’s', () => {
    expect(smoteNcEntry.id).toBe('smote-nc');
    expect(smoteNcEntry.resample).toBe(smoteNc);
    expect(smoteNcEntry.samplerType).toBe('over-sampling');
    expect(smoteNcEntry.params.map((p) => p.name)).toEqual(['kNeighbors', 'samplingStrategy']);
    expect(smoteNcEntry.citation).toContain('Chawla');
  });
});
