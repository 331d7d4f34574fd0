import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError, DataError } from '../errors';
import { createRng } from '../random';
import { classesTooSmallToSplit, stratifiedSplit, stratumSizes } from './split';

/** Labels with the given number of rows per class, interleaved pseudo-randomly. */
function labelsFrom(counts: number[], seed: number): Int32Array {
  const y: number[] = [];
  counts.forEach((n, c) => {
    for (let i = 0; i < n; i++) y.push(c);
  });
  return createRng(seed).shuffle(Int32Array.from(y));
}

const fractionsArb = fc
  .record({ test: fc.double({ min: 0.01, max: 0.89, noNaN: true }), validation: fc.double({ min: 0, max: 0.49, noNaN: true }) })
  .filter((f) => f.test + f.validation < 0.95);

describe('stratifiedSplit', () => {
  it('is disjoint, covers every row, sorted, stratified within one row', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 2, maxLength: 8 }),
        fractionsArb,
        fc.integer(),
        (counts, fractions, seed) => {
          fc.pre(counts.filter((n) => n > 0).length >= 2 && counts.some((n) => n >= 3));
          const y = labelsFrom(counts, seed);
          const s = stratifiedSplit(y, counts.length, fractions, createRng(seed));
          const seen = new Uint8Array(y.length);
          for (const part of [s.train, s.validation, s.test]) {
            for (let i = 0; i < part.length; i++) {
              if (i > 0) expect(part[i]).toBeGreaterThan(part[i - 1]);
              seen[part[i]]++;
            }
          }
          expect(Array.from(seen).every((v) => v === 1)).toBe(true);
          counts.forEach((n, c) => {
            const inPart = (idx: Int32Array) => Array.from(idx).filter((i) => y[i] === c).length;
            const test = inPart(s.test);
            const val = inPart(s.validation);
            const train = inPart(s.train);
            if (n === 0) return;
            if (n < 3) {
              expect([train, val, test]).toEqual([n, 0, 0]);
              return;
            }
            expect(test).toBeGreaterThanOrEqual(1);
            expect(train).toBeGreaterThanOrEqual(1);
            if (fractions.validation > 0) expect(val).toBeGreaterThanOrEqual(1);
            else expect(val).toBe(0);
            if (n * (1 - fractions.test - fractions.validation) >= 3) {
              // No minimum had to be enforced against the train row: plain rounding, within 1 row.
              expect(Math.abs(test - n * fractions.test)).toBeLessThanOrEqual(1);
              expect(Math.abs(val - n * fractions.validation)).toBeLessThanOrEqual(1);
            }
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('uses round(count · fraction) per class', () => {
    const y = labelsFrom([100, 30], 1);
    const s = stratifiedSplit(y, 2, { test: 0.25, validation: 0.1 }, createRng(1));
    const count = (idx: Int32Array, c: number) => Array.from(idx).filter((i) => y[i] === c).length;
    expect([count(s.test, 0), count(s.validation, 0), count(s.train, 0)]).toEqual([25, 10, 65]);
    expect([count(s.test, 1), count(s.validation, 1), count(s.train, 1)]).toEqual([8, 3, 19]);
    expect(stratumSizes(3, { test: 0.89, validation: 0.05 })).toEqual({ test: 1, validation: 1 });
    expect(stratumSizes(3, { test: 0.1, validation: 0 })).toEqual({ test: 1, validation: 0 });
    expect(stratumSizes(10, { test: 0.5, validation: 0.4 })).toEqual({ test: 5, validation: 4 });
  });

  it('is deterministic for a seed', () => {
    const y = labelsFrom([200, 50, 7], 3);
    const f = { test: 0.3, validation: 0.2 };
    const a = stratifiedSplit(y, 3, f, createRng(11));
    const b = stratifiedSplit(y, 3, f, createRng(11));
    const c = stratifiedSplit(y, 3, f, createRng(12));
    expect(b).toEqual(a);
    expect(c.test).not.toEqual(a.test);
  });

  it('puts classes with fewer than 3 rows entirely in train and reports them', () => {
    const y = labelsFrom([50, 2, 1, 0, 3], 4);
    expect(classesTooSmallToSplit(y, 5)).toEqual([1, 2]);
    const s = stratifiedSplit(y, 5, { test: 0.2, validation: 0.2 }, createRng(4));
    for (const i of [...s.test, ...s.validation]) expect([0, 4]).toContain(y[i]);
    expect(Array.from(s.train).filter((i) => y[i] === 1 || y[i] === 2)).toHaveLength(3);
  });

  it('throws DataError when only one class is present', () => {
    const y = new Int32Array(10);
    expect(() => stratifiedSplit(y, 2, { test: 0.2, validation: 0.1 }, createRng(1))).toThrow(DataError);
    expect(() => stratifiedSplit(y, 2, { test: 0.2, validation: 0.1 }, createRng(1))).toThrow(
      "The dataset has only one class ('c0'); a classifier needs at least two. Got 1 class instead.",
    );
    expect(() => stratifiedSplit(Int32Array.from([1, 1, 1]), 2, { test: 0.2, validation: 0 }, createRng(1), ['majority', 'minority'])).toThrow(
      "only one class ('minority')",
    );
  });

  it('throws DataError when no class can be stratified or a label is out of range', () => {
    expect(() => stratifiedSplit(Int32Array.from([0, 0, 1, 1]), 2, { test: 0.2, validation: 0 }, createRng(1))).toThrow(DataError);
    expect(() => stratifiedSplit(Int32Array.from([0, 0, 0, 1, 2]), 2, { test: 0.2, validation: 0 }, createRng(1))).toThrow(DataError);
  });

  it('validates the fractions', () => {
    const y = labelsFrom([50, 50], 1);
    for (const f of [
      { test: 0, validation: 0.1 },
      { test: 0.9, validation: 0 },
      { test: 0.2, validation: 0.5 },
      { test: 0.2, validation: -0.1 },
      { test: 0.5, validation: 0.45 },
      { test: Number.NaN, validation: 0.1 },
    ]) {
      expect(() => stratifiedSplit(y, 2, f, createRng(1))).toThrow(ConfigError);
    }
  });
});
