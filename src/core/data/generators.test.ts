import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError } from '../errors';
import { createRng } from '../random';
import { countClasses } from '../types';
import { classCounts, generateSynthetic, longTailWeights, SHAPE_IDS } from './generators';
import type { Shape, SyntheticSpec } from './generators';

const base: SyntheticSpec = { shape: 'moons', n: 500, classes: 2, imbalanceRatio: 10, profile: 'exponential', noise: 0.3, labelNoise: 0 };

const specArb = fc
  .record({
    shape: fc.constantFrom<Shape>(...SHAPE_IDS),
    classes: fc.integer({ min: 2, max: 10 }),
    extra: fc.integer({ min: 0, max: 3000 }),
    imbalanceRatio: fc.double({ min: 1, max: 1000, noNaN: true }),
    profile: fc.constantFrom<'exponential' | 'step'>('exponential', 'step'),
    noise: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ extra, ...s }): SyntheticSpec => ({ ...s, n: s.classes + extra, labelNoise: 0 }));

describe('classCounts', () => {
  it('binary: minority = round(n / (1 + IR)), majority = n - minority', () => {
    expect(classCounts({ ...base, n: 1000, imbalanceRatio: 9 })).toEqual([900, 100]);
    expect(classCounts({ ...base, n: 1000, imbalanceRatio: 1 })).toEqual([500, 500]);
    expect(classCounts({ ...base, n: 20, imbalanceRatio: 1000 })).toEqual([19, 1]);
    // IR = 1 and odd n: class 0 stays the larger one.
    expect(classCounts({ ...base, n: 3, imbalanceRatio: 1 })).toEqual([2, 1]);
  });

  it('long-tailed profiles by hand', () => {
    // exponential, C = 3, IR = 100: weights 1, 0.1, 0.01 → 1110 · w / 1.11
    expect(classCounts({ ...base, classes: 3, n: 1110, imbalanceRatio: 100 })).toEqual([1000, 100, 10]);
    // step, C = 4, IR = 10: weights 1, 1, 0.1, 0.1
    expect(classCounts({ ...base, classes: 4, n: 220, imbalanceRatio: 10, profile: 'step' })).toEqual([100, 100, 10, 10]);
    // step, C = 5: first ceil(5/2) = 3 classes are head classes
    expect(classCounts({ ...base, classes: 5, n: 320, imbalanceRatio: 10, profile: 'step' })).toEqual([100, 100, 100, 10, 10]);
    expect(longTailWeights(5, 16, 'exponential')).toEqual([1, 0.5, 0.25, 0.125, 0.0625]);
  });

  it('sums to n, every class >= 1, class 0 largest and non-increasing, ratio close to IR', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const counts = classCounts(spec);
        expect(counts).toHaveLength(spec.classes);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(spec.n);
        for (const c of counts) expect(c).toBeGreaterThanOrEqual(1);
        for (let c = 1; c < counts.length; c++) expect(counts[c]).toBeLessThanOrEqual(counts[c - 1]);
        const min = Math.min(...counts);
        // Rounding moves each count by < 1 (the binary minority by <= 0.5): bound the ratio's error.
        const exactMin = spec.classes === 2 ? spec.n / (1 + spec.imbalanceRatio) : minExact(spec);
        if (exactMin >= 20) {
          const ratio = counts[0] / min;
          expect(Math.abs(ratio - spec.imbalanceRatio) / spec.imbalanceRatio).toBeLessThan(0.12);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rejects invalid specs with ConfigError', () => {
    const bad: Partial<SyntheticSpec>[] = [
      { n: 2, classes: 3 },
      { imbalanceRatio: 0.5 },
      { imbalanceRatio: Number.NaN },
      { classes: 1 },
      { classes: 11, n: 100 },
      { classes: 2.5 },
      { noise: -0.1 },
      { noise: 1.5 },
      { labelNoise: 0.6 },
      { labelNoise: -0.01 },
      { shape: 'triangle' as Shape },
      { profile: 'linear' as 'step' },
    ];
    for (const b of bad) {
      expect(() => classCounts({ ...base, ...b })).toThrow(ConfigError);
      expect(() => classCounts({ ...base, ...b })).toThrow(/Got .* instead\.$/);
    }
  });
});

function minExact(spec: SyntheticSpec): number {
  const w = longTailWeights(spec.classes, spec.imbalanceRatio, spec.profile);
  const total = w.reduce((a, b) => a + b, 0);
  return (spec.n * Math.min(...w)) / total;
}

describe('generateSynthetic', () => {
  it('has exactly classCounts(spec) rows per class without label noise (every shape, many specs)', () => {
    fc.assert(
      fc.property(specArb, fc.integer(), (spec, seed) => {
        const ds = generateSynthetic(spec, createRng(seed));
        expect(countClasses(ds.y, spec.classes)).toEqual(classCounts(spec));
        expect(ds.X.rows).toBe(spec.n);
        expect(ds.X.cols).toBe(2);
        expect(ds.X.data).toBeInstanceOf(Float32Array);
        expect(ds.X.data.length).toBe(2 * spec.n);
        for (const v of ds.X.data) expect(Number.isFinite(v)).toBe(true);
        expect(ds.classNames).toHaveLength(spec.classes);
      }),
      { numRuns: 100 },
    );
  });

  it('names features and classes', () => {
    const bin = generateSynthetic(base, createRng(1));
    expect(bin.featureNames).toEqual(['x1', 'x2']);
    expect(bin.classNames).toEqual(['majority', 'minority']);
    expect(bin.kind).toBe('tabular');
    const multi = generateSynthetic({ ...base, classes: 4 }, createRng(1));
    expect(multi.classNames).toEqual(['c0', 'c1', 'c2', 'c3']);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    for (const shape of SHAPE_IDS) {
      const spec = { ...base, shape, classes: 3, labelNoise: 0.1 };
      const a = generateSynthetic(spec, createRng(7));
      const b = generateSynthetic(spec, createRng(7));
      const c = generateSynthetic(spec, createRng(8));
      expect(b.X.data).toEqual(a.X.data);
      expect(b.y).toEqual(a.y);
      expect(c.X.data).not.toEqual(a.X.data);
    }
  });

  it('shuffles the rows (order carries no class information)', () => {
    const ds = generateSynthetic({ ...base, n: 1000, imbalanceRatio: 1 }, createRng(3));
    const firstHalfClass0 = Array.from(ds.y.subarray(0, 500)).filter((c) => c === 0).length;
    expect(firstHalfClass0).toBeGreaterThan(200);
    expect(firstHalfClass0).toBeLessThan(300);
  });

  it('flips exactly round(labelNoise * n) labels and leaves the points alone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 10, max: 800 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer(),
        (classes, n, labelNoise, seed) => {
          const spec: SyntheticSpec = { ...base, classes, n, labelNoise };
          const clean = generateSynthetic({ ...spec, labelNoise: 0 }, createRng(seed));
          const noisy = generateSynthetic(spec, createRng(seed));
          expect(noisy.X.data).toEqual(clean.X.data);
          let flipped = 0;
          for (let i = 0; i < n; i++) if (noisy.y[i] !== clean.y[i]) flipped++;
          expect(flipped).toBe(Math.round(labelNoise * n));
          for (const c of noisy.y) expect(c >= 0 && c < classes).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('noise widens the classes: at noise 0 the shapes are exact', () => {
    const ds = generateSynthetic({ ...base, shape: 'circles', noise: 0, imbalanceRatio: 1, n: 200 }, createRng(5));
    for (let i = 0; i < ds.X.rows; i++) {
      const r = Math.hypot(ds.X.data[2 * i], ds.X.data[2 * i + 1]);
      expect(r).toBeCloseTo(ds.y[i] === 0 ? 1 : 0.5, 5);
    }
    const xor = generateSynthetic({ ...base, shape: 'xor', noise: 0, imbalanceRatio: 1, n: 200 }, createRng(5));
    for (let i = 0; i < xor.X.rows; i++) {
      const sameSign = xor.X.data[2 * i] * xor.X.data[2 * i + 1] > 0;
      expect(sameSign).toBe(xor.y[i] === 0);
    }
  });
});
