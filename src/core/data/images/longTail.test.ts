import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ConfigError, DataError } from '../../errors';
import { createRng } from '../../random';
import { countClasses } from '../../types';
import { buildLongTail, longTailCounts, type LongTailProfile } from './longTail';

const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);
/** Balanced labels: `perClass` rows of each class, interleaved. */
const balanced = (nClasses: number, perClass: number) => Int32Array.from({ length: nClasses * perClass }, (_, i) => i % nClasses);

describe('longTailCounts', () => {
  it('matches the CIFAR-LT counts of Cao et al. 2019 (exponential)', () => {
    expect(longTailCounts(5000, 10, { profile: 'exponential', imbalanceFactor: 100 })).toEqual([5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50]);
    // Training-set sizes commonly reported for CIFAR-10-LT and CIFAR-100-LT.
    expect(sum(longTailCounts(5000, 10, { profile: 'exponential', imbalanceFactor: 10 }))).toBe(20431);
    expect(sum(longTailCounts(5000, 10, { profile: 'exponential', imbalanceFactor: 50 }))).toBe(13996);
    expect(sum(longTailCounts(500, 100, { profile: 'exponential', imbalanceFactor: 100 }))).toBe(10847);
    expect(sum(longTailCounts(500, 100, { profile: 'exponential', imbalanceFactor: 50 }))).toBe(12608);
    expect(sum(longTailCounts(500, 100, { profile: 'exponential', imbalanceFactor: 10 }))).toBe(19573);
  });

  it('floors (digits-lt was built with round-half-up, so its tail differs by one here and there)', () => {
    expect(longTailCounts(158, 10, { profile: 'exponential', imbalanceFactor: 100 })).toEqual([158, 94, 56, 34, 20, 12, 7, 4, 2, 1]);
  });

  it('step: the first ⌊C·(1−μ)⌋ classes keep nMax, the rest nMax / factor (Buda et al. 2018)', () => {
    expect(longTailCounts(1000, 10, { profile: 'step', imbalanceFactor: 10 })).toEqual([1000, 1000, 1000, 1000, 1000, 100, 100, 100, 100, 100]);
    expect(longTailCounts(1000, 5, { profile: 'step', imbalanceFactor: 10 })).toEqual([1000, 1000, 100, 100, 100]);
    expect(longTailCounts(1000, 10, { profile: 'step', imbalanceFactor: 10, stepMinorityFraction: 0.9 })).toEqual([1000, 100, 100, 100, 100, 100, 100, 100, 100, 100]);
    expect(longTailCounts(3, 4, { profile: 'step', imbalanceFactor: 100, stepMinorityFraction: 0.99 })).toEqual([3, 1, 1, 1]);
  });

  it('never goes below one row per class; one class is just nMax', () => {
    expect(longTailCounts(10, 4, { profile: 'exponential', imbalanceFactor: 1000 })).toEqual([10, 1, 1, 1]);
    expect(longTailCounts(7, 1, { profile: 'exponential', imbalanceFactor: 10 })).toEqual([7]);
  });

  it('refuses bad options with the value', () => {
    expect(() => longTailCounts(100, 10, { profile: 'exponential', imbalanceFactor: 0.5 })).toThrow(
      'imbalanceFactor must be a finite number of at least 1 (head size / tail size; 1 keeps the classes balanced). Got 0.5 instead.',
    );
    expect(() => longTailCounts(100, 10, { profile: 'linear' as LongTailProfile, imbalanceFactor: 10 })).toThrow("profile must be 'exponential' or 'step'. Got 'linear' instead.");
    expect(() => longTailCounts(0, 10, { profile: 'step', imbalanceFactor: 10 })).toThrow(ConfigError);
    expect(() => longTailCounts(10, 10, { profile: 'step', imbalanceFactor: 10, stepMinorityFraction: 1 })).toThrow(/stepMinorityFraction .* Got 1 instead/);
  });

  it('counts are non-increasing, ≥ 1, at most nMax, and all nMax for factor 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.constantFrom<LongTailProfile>('exponential', 'step'),
        (nMax, C, factor, profile) => {
          const counts = longTailCounts(nMax, C, { profile, imbalanceFactor: factor });
          expect(counts).toHaveLength(C);
          expect(counts[0]).toBe(nMax);
          for (let i = 1; i < C; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]);
          for (const k of counts) expect(k).toBeGreaterThanOrEqual(1);
          expect(longTailCounts(nMax, C, { profile, imbalanceFactor: 1 })).toEqual(new Array(C).fill(nMax));
        },
      ),
    );
  });
});

describe('buildLongTail', () => {
  it('sets aside a balanced test set, then sub-samples the rest to the profile (digits-lt shape)', () => {
    const y = balanced(10, 178);
    const r = buildLongTail(y, 10, { profile: 'exponential', imbalanceFactor: 100, testPerClass: 20 }, createRng(0));
    expect(r.testCounts).toEqual(new Array(10).fill(20));
    expect(r.nMax).toBe(158);
    expect(r.trainCounts).toEqual([158, 94, 56, 34, 20, 12, 7, 4, 2, 1]);
    expect(countClasses(Int32Array.from(r.train, (i) => y[i]), 10)).toEqual(r.trainCounts);
    expect(countClasses(Int32Array.from(r.test, (i) => y[i]), 10)).toEqual(r.testCounts);
  });

  it('puts the head where classOrder says', () => {
    const y = balanced(3, 12);
    const r = buildLongTail(y, 3, { profile: 'exponential', imbalanceFactor: 10, testPerClass: 2, classOrder: [2, 0, 1] }, createRng(1));
    expect(r.trainCounts).toEqual([3, 1, 10]);
    expect(() => buildLongTail(y, 3, { profile: 'step', imbalanceFactor: 2, testPerClass: 1, classOrder: [0, 0, 1] }, createRng(1))).toThrow(
      'classOrder must list every class index 0..2 exactly once, head first. Got [0,0,1] instead.',
    );
  });

  it('shrinks nMax until every class can give its share when the input is not balanced', () => {
    // 100 head rows but class 1 has only 11: with factor 4, exponential over 3 classes the ratios are 1, 1/2, 1/4.
    const y = Int32Array.from([...new Array(100).fill(0), ...new Array(11).fill(1), ...new Array(50).fill(2)]);
    const r = buildLongTail(y, 3, { profile: 'exponential', imbalanceFactor: 4, testPerClass: 1 }, createRng(2));
    expect(r.trainCounts).toEqual([21, 10, 5]);
    expect(r.nMax).toBe(21);
  });

  it('names the class that is too small and the testPerClass that would work', () => {
    const y = Int32Array.from([0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2]);
    const run = (testPerClass: number) =>
      buildLongTail(y, 3, { profile: 'exponential', imbalanceFactor: 10, testPerClass, classNames: ['cat', 'dog', 'emu'] }, createRng(0));
    expect(() => run(3)).toThrow(DataError);
    expect(() => run(3)).toThrow(
      "Class 'dog' has 3 rows, but testPerClass 3 needs 4 per class (3 for the balanced test set and at least 1 for training). Use testPerClass 2 or less (the smallest class, 'dog', has 3 rows). Got testPerClass 3 instead.",
    );
    expect(run(2).testCounts).toEqual([2, 2, 2]);
    expect(() => buildLongTail(Int32Array.from([0, 0]), 2, { profile: 'step', imbalanceFactor: 2, testPerClass: 0 }, createRng(0))).toThrow(
      /Class 'c1' has 0 rows, .*Remove that class or add data to it\. Got testPerClass 0 instead\./,
    );
  });

  it('invariants: profile-shaped, balanced test, disjoint, reproducible, balanced for factor 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 5 }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.constantFrom<LongTailProfile>('exponential', 'step'),
        fc.integer(),
        (C, extra, t, factor, profile, seed) => {
          // Any (unbalanced) class sizes with at least t + 1 rows, shuffled together.
          const labels: number[] = [];
          for (let c = 0; c < C; c++) for (let i = 0; i < t + 1 + extra[c]; i++) labels.push(c);
          const y = createRng(seed).fork('labels').shuffle(Int32Array.from(labels));
          const opts = { profile, imbalanceFactor: factor, testPerClass: t };
          const r = buildLongTail(y, C, opts, createRng(seed));
          expect(r.trainCounts).toEqual(longTailCounts(r.nMax, C, opts));
          for (let i = 1; i < C; i++) expect(r.trainCounts[i]).toBeLessThanOrEqual(r.trainCounts[i - 1]);
          expect(countClasses(Int32Array.from(r.test, (i) => y[i]), C)).toEqual(new Array(C).fill(t));
          expect(countClasses(Int32Array.from(r.train, (i) => y[i]), C)).toEqual(r.trainCounts);
          const inTest = new Set(r.test);
          expect(r.train.some((i) => inTest.has(i))).toBe(false);
          expect(new Set(r.train).size).toBe(r.train.length);
          const again = buildLongTail(y, C, opts, createRng(seed));
          expect(Array.from(again.train)).toEqual(Array.from(r.train));
          expect(Array.from(again.test)).toEqual(Array.from(r.test));
          const flat = buildLongTail(y, C, { ...opts, imbalanceFactor: 1 }, createRng(seed));
          expect(new Set(flat.trainCounts).size).toBe(1);
        },
      ),
    );
  });

  it('a different seed draws different rows', () => {
    const y = balanced(4, 50);
    const opts = { profile: 'exponential' as const, imbalanceFactor: 10, testPerClass: 5 };
    expect(Array.from(buildLongTail(y, 4, opts, createRng(1)).test)).not.toEqual(Array.from(buildLongTail(y, 4, opts, createRng(2)).test));
  });
});
