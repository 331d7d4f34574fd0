import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError, DataError } from '../errors';
import { createRng } from '../random';
import { balancedTestSplit, crossValidationSplits, repeatedHoldout, stratifiedFoldCounts, stratifiedKFold } from './folds';
import fixture from './folds.fixture.json';
import { stratifiedSplit } from './split';

/** Labels with the given number of rows per class, interleaved pseudo-randomly. */
function labelsFrom(counts: number[], seed: number): Int32Array {
  const y: number[] = [];
  counts.forEach((n, c) => {
    for (let i = 0; i < n; i++) y.push(c);
  });
  return createRng(seed).shuffle(Int32Array.from(y));
}

/** Rows of each class in `idx`. */
function classCounts(idx: Int32Array, y: Int32Array, nClasses: number): number[] {
  const out = new Array<number>(nClasses).fill(0);
  for (const i of idx) out[y[i]]++;
  return out;
}

function expectAscending(idx: Int32Array): void {
  for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThan(idx[i - 1]);
}

/** Each row appears in exactly one of `parts`, which are ascending. */
function expectPartition(parts: Int32Array[], n: number): void {
  const seen = new Uint8Array(n);
  for (const part of parts) {
    expectAscending(part);
    for (const i of part) seen[i]++;
  }
  expect(Array.from(seen).every((v) => v === 1)).toBe(true);
}

/** Class counts ≥ minRows, at least two classes present; some classes may be absent (0 rows). */
const countsArb = (minRows: number) =>
  fc
    .array(fc.oneof(fc.constant(0), fc.integer({ min: minRows, max: 120 })), { minLength: 2, maxLength: 7 })
    .filter((cs) => cs.filter((n) => n > 0).length >= 2);

describe('stratifiedKFold', () => {
  it('reproduces scikit-learn 1.2.1 StratifiedKFold per-fold, per-class counts (folds.fixture.json)', () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(8);
    for (const c of fixture.cases) {
      const y = Int32Array.from(c.y);
      expect(stratifiedFoldCounts(y, c.nClasses, c.k), c.name).toEqual(c.counts);
      for (const seed of [1, 2]) {
        const folds = stratifiedKFold(y, c.nClasses, c.k, createRng(seed));
        expect(
          folds.map((f) => classCounts(f, y, c.nClasses)),
          c.name,
        ).toEqual(c.counts);
      }
    }
  });

  it('partitions the rows; per-class and total fold sizes differ by at most one', () => {
    fc.assert(
      fc.property(countsArb(10), fc.integer({ min: 2, max: 10 }), fc.integer(), (counts, k, seed) => {
        const y = labelsFrom(counts, seed);
        const folds = stratifiedKFold(y, counts.length, k, createRng(seed));
        expect(folds).toHaveLength(k);
        expectPartition(folds, y.length);
        const perFold = folds.map((f) => classCounts(f, y, counts.length));
        counts.forEach((n, c) => {
          const col = perFold.map((row) => row[c]);
          expect(Math.max(...col) - Math.min(...col)).toBeLessThanOrEqual(1);
          expect(col.reduce((a, b) => a + b, 0)).toBe(n);
        });
        const sizes = folds.map((f) => f.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic for a seed and does not mutate y', () => {
    const y = labelsFrom([60, 15, 5], 3);
    const copy = y.slice();
    const a = stratifiedKFold(y, 3, 5, createRng(7));
    expect(stratifiedKFold(y, 3, 5, createRng(7))).toEqual(a);
    expect(stratifiedKFold(y, 3, 5, createRng(8))).not.toEqual(a);
    expect(y).toEqual(copy);
  });

  it('checks k', () => {
    const y = labelsFrom([20, 20], 1);
    for (const k of [1, 0, -2, 2.5, Number.NaN]) expect(() => stratifiedKFold(y, 2, k, createRng(1))).toThrow(ConfigError);
    expect(() => stratifiedKFold(y, 2, 1.5, createRng(1))).toThrow('folds must be an integer of at least 2. Got 1.5 instead.');
    expect(() => stratifiedKFold(Int32Array.from([0, 1, 0]), 2, 4, createRng(1))).toThrow(
      'k-fold cross-validation needs at least as many rows as folds, or some fold tests no row; this dataset has 3 rows. Use fewer folds, or the hold-out split. Got k = 4 instead.',
    );
  });

  it('refuses a class with fewer rows than folds, naming the smallest class', () => {
    const y = labelsFrom([40, 3, 4], 2);
    const names = ['AML', 'ERL', 'CML'];
    expect(() => stratifiedKFold(y, 3, 5, createRng(1), names)).toThrow(DataError);
    expect(() => stratifiedKFold(y, 3, 5, createRng(1), names)).toThrow(
      "Class 'ERL' has 3 rows, fewer than the 5 folds, so some folds would test no 'ERL' row. Use at most 3 folds, or the hold-out split. Got k = 5 instead.",
    );
    expect(stratifiedKFold(y, 3, 3, createRng(1), names)).toHaveLength(3);
    expect(() => stratifiedKFold(labelsFrom([40, 1], 2), 2, 2, createRng(1))).toThrow(
      "Class 'c1' has 1 row, fewer than the 2 folds, so some folds would test no 'c1' row. Use the hold-out split, or drop or merge this class. Got k = 2 instead.",
    );
  });

  it('refuses one class and out-of-range labels', () => {
    expect(() => stratifiedKFold(new Int32Array(10), 2, 2, createRng(1))).toThrow(DataError);
    expect(() => stratifiedKFold(Int32Array.from([0, 1, 2, 0, 1, 2]), 2, 2, createRng(1))).toThrow(DataError);
  });
});

describe('crossValidationSplits', () => {
  it('gives disjoint covering splits, tests every row once per repeat, test = the fold of stratifiedKFold', () => {
    fc.assert(
      fc.property(
        countsArb(6),
        fc.integer({ min: 2, max: 6 }),
        fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 0.49, noNaN: true })),
        fc.integer({ min: 1, max: 3 }),
        fc.integer(),
        (counts, folds, validation, repeats, seed) => {
          const y = labelsFrom(counts, seed);
          const rng = createRng(seed);
          const splits = crossValidationSplits(y, counts.length, { folds, validation, repeats }, rng);
          expect(splits).toHaveLength(folds * repeats);
          for (let r = 0; r < repeats; r++) {
            const kf = stratifiedKFold(y, counts.length, folds, rng.fork(`repeat:${r}`));
            const tested = new Uint8Array(y.length);
            for (let f = 0; f < folds; f++) {
              const s = splits[r * folds + f];
              expect([s.repeat, s.fold]).toEqual([r, f]);
              expect(s.test).toEqual(kf[f]);
              expectPartition([s.train, s.validation, s.test], y.length);
              for (const i of s.test) tested[i]++;
              const train = classCounts(s.train, y, counts.length);
              const val = classCounts(s.validation, y, counts.length);
              counts.forEach((n, c) => {
                if (n === 0) return;
                const m = n - classCounts(s.test, y, counts.length)[c];
                expect(train[c]).toBeGreaterThanOrEqual(1);
                if (validation === 0) expect(val[c]).toBe(0);
                else expect(val[c]).toBe(Math.min(m - 1, Math.max(1, Math.round(m * validation))));
              });
            }
            expect(Array.from(tested).every((v) => v === 1)).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is deterministic; more repeats leave the earlier ones unchanged', () => {
    const y = labelsFrom([80, 20, 8], 5);
    const copy = y.slice();
    const a = crossValidationSplits(y, 3, { folds: 4, validation: 0.2, repeats: 2 }, createRng(3));
    const b = crossValidationSplits(y, 3, { folds: 4, validation: 0.2, repeats: 3 }, createRng(3));
    expect(b.slice(0, 8)).toEqual(a);
    expect(a[0].test).not.toEqual(a[4].test);
    expect(y).toEqual(copy);
  });

  it('validates its options', () => {
    const y = labelsFrom([30, 30], 1);
    for (const o of [
      { folds: 1, validation: 0.1, repeats: 1 },
      { folds: 3, validation: 0.5, repeats: 1 },
      { folds: 3, validation: -0.1, repeats: 1 },
      { folds: 3, validation: 0.1, repeats: 0 },
      { folds: 3, validation: 0.1, repeats: 1.5 },
    ]) {
      expect(() => crossValidationSplits(y, 2, o, createRng(1))).toThrow(ConfigError);
    }
    expect(() => crossValidationSplits(y, 2, { folds: 3, validation: 0.1, repeats: 0 }, createRng(1))).toThrow(
      'repeats must be an integer of at least 1. Got 0 instead.',
    );
    expect(() => crossValidationSplits(labelsFrom([30, 2], 1), 2, { folds: 3, validation: 0, repeats: 1 }, createRng(1), ['a', 'b'])).toThrow(
      "Class 'b' has 2 rows, fewer than the 3 folds",
    );
  });
});

describe('repeatedHoldout', () => {
  it('repeat r is stratifiedSplit with rng.fork(`repeat:${r}`)', () => {
    const y = labelsFrom([100, 30, 6], 2);
    const f = { test: 0.25, validation: 0.1 };
    const rng = createRng(9);
    const out = repeatedHoldout(y, 3, { ...f, repeats: 3 }, rng);
    expect(out).toHaveLength(3);
    out.forEach((s, r) => {
      expect(s).toEqual({ repeat: r, ...stratifiedSplit(y, 3, f, createRng(9).fork(`repeat:${r}`)) });
      expectPartition([s.train, s.validation, s.test], y.length);
    });
    expect(out[0].test).not.toEqual(out[1].test);
    expect(repeatedHoldout(y, 3, { ...f, repeats: 3 }, createRng(9))).toEqual(out);
  });

  it('validates its options', () => {
    const y = labelsFrom([30, 30], 1);
    expect(() => repeatedHoldout(y, 2, { test: 0.2, validation: 0.1, repeats: 0 }, createRng(1))).toThrow(ConfigError);
    expect(() => repeatedHoldout(y, 2, { test: 0.95, validation: 0.1, repeats: 2 }, createRng(1))).toThrow(ConfigError);
  });
});

describe('balancedTestSplit', () => {
  it('tests exactly testPerClass rows of every class, stratifies validation, keeps train', () => {
    fc.assert(
      fc.property(
        countsArb(2),
        fc.integer({ min: 1, max: 20 }),
        fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 0.49, noNaN: true })),
        fc.integer(),
        (counts, testPerClass, validation, seed) => {
          fc.pre(counts.every((n) => n === 0 || n > testPerClass));
          const y = labelsFrom(counts, seed);
          const copy = y.slice();
          const s = balancedTestSplit(y, counts.length, { testPerClass, validation }, createRng(seed));
          expectPartition([s.train, s.validation, s.test], y.length);
          const test = classCounts(s.test, y, counts.length);
          const val = classCounts(s.validation, y, counts.length);
          const train = classCounts(s.train, y, counts.length);
          counts.forEach((n, c) => {
            if (n === 0) return expect([test[c], val[c], train[c]]).toEqual([0, 0, 0]);
            const m = n - testPerClass;
            expect(test[c]).toBe(testPerClass);
            expect(val[c]).toBe(validation === 0 ? 0 : Math.min(m - 1, Math.max(1, Math.round(m * validation))));
            expect(train[c]).toBeGreaterThanOrEqual(1);
          });
          expect(balancedTestSplit(y, counts.length, { testPerClass, validation }, createRng(seed))).toEqual(s);
          expect(y).toEqual(copy);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('hand-derived counts', () => {
    const y = labelsFrom([500, 60, 11], 4);
    const s = balancedTestSplit(y, 3, { testPerClass: 10, validation: 0.1 }, createRng(4));
    expect(classCounts(s.test, y, 3)).toEqual([10, 10, 10]);
    // round(490 · 0.1) = 49, round(50 · 0.1) = 5, round(1 · 0.1) = 0 but the last row stays in train.
    expect(classCounts(s.validation, y, 3)).toEqual([49, 5, 0]);
    expect(classCounts(s.train, y, 3)).toEqual([441, 45, 1]);
  });

  it('names the smallest class and the largest testPerClass that works', () => {
    const y = labelsFrom([200, 12, 5], 1);
    const names = ['head', 'mid', 'ERL'];
    expect(() => balancedTestSplit(y, 3, { testPerClass: 5, validation: 0 }, createRng(1), names)).toThrow(DataError);
    expect(() => balancedTestSplit(y, 3, { testPerClass: 5, validation: 0 }, createRng(1), names)).toThrow(
      "Class 'ERL' has 5 rows, so it cannot give 5 test rows and keep one for training. Use testPerClass of at most 4. Got testPerClass = 5 instead.",
    );
    expect(balancedTestSplit(y, 3, { testPerClass: 4, validation: 0 }, createRng(1), names).test).toHaveLength(12);
    expect(() => balancedTestSplit(labelsFrom([9, 1], 1), 2, { testPerClass: 1, validation: 0 }, createRng(1))).toThrow(
      "Class 'c1' has 1 row, so it cannot give 1 test row and keep one for training. Use the stratified hold-out split, or drop or merge this class. Got testPerClass = 1 instead.",
    );
  });

  it('validates its options', () => {
    const y = labelsFrom([30, 30], 1);
    for (const o of [
      { testPerClass: 0, validation: 0 },
      { testPerClass: 2.5, validation: 0 },
      { testPerClass: 2, validation: 0.5 },
    ]) {
      expect(() => balancedTestSplit(y, 2, o, createRng(1))).toThrow(ConfigError);
    }
    expect(() => balancedTestSplit(y, 2, { testPerClass: 0, validation: 0 }, createRng(1))).toThrow(
      'testPerClass must be an integer of at least 1. Got 0 instead.',
    );
    expect(() => balancedTestSplit(new Int32Array(10), 2, { testPerClass: 2, validation: 0 }, createRng(1))).toThrow(DataError);
  });
});
