import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, DataError } from '../errors';
import {
  correctedResampledTTest,
  normalCdf,
  pairedComparison,
  regularizedIncompleteBeta,
  studentTCdf,
  wilcoxonSignedRank,
  type Alternative,
} from './significance';

interface Reference {
  scipy: string;
  wilcoxon: {
    name: string;
    a: number[];
    b: number[];
    alternative: Alternative;
    statistic: number;
    pValue: number;
    n: number;
    method: 'exact' | 'normal';
    scipyAutoPValue?: number;
  }[];
  tTest: { name: string; a: number[]; b: number[]; testFraction: number; t: number; pValue: number; df: number }[];
  studentT: { t: number; df: number; cdf: number }[];
  incompleteBeta: { x: number; a: number; b: number; value: number }[];
  normal: { z: number; cdf: number }[];
}

const reference: Reference = JSON.parse(readFileSync(new URL('./reference/significance.json', import.meta.url), 'utf8'));

/** |actual − expected| ≤ tolerance · |expected| (exact equality when expected is 0). */
function expectRelative(actual: number, expected: number, tolerance = 1e-9): void {
  const error = Math.abs(actual - expected);
  if (error > tolerance * Math.abs(expected)) {
    expect.fail(`expected ${actual} to be within ${tolerance} relative of ${expected} (error ${error})`);
  }
}

describe('reference values (SciPy)', () => {
  it('was generated with SciPy 1.10', () => {
    expect(reference.scipy).toMatch(/^1\.10\./);
    expect(reference.wilcoxon.length).toBeGreaterThanOrEqual(25);
  });

  describe('wilcoxonSignedRank', () => {
    it.each(reference.wilcoxon.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const result = wilcoxonSignedRank(c.a, c.b, c.alternative);
      expect(result.statistic).toBe(c.statistic);
      expect(result.n).toBe(c.n);
      expect(result.method).toBe(c.method);
      expectRelative(result.pValue, c.pValue);
    });
  });

  describe('correctedResampledTTest', () => {
    it.each(reference.tTest.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const result = correctedResampledTTest(c.a, c.b, c.testFraction);
      expect(result.df).toBe(c.df);
      expectRelative(result.t, c.t, 1e-12);
      expectRelative(result.pValue, c.pValue);
    });
  });

  it('studentTCdf matches scipy.stats.t.cdf', () => {
    for (const c of reference.studentT) expectRelative(studentTCdf(c.t, c.df), c.cdf);
  });

  it('regularizedIncompleteBeta matches scipy.special.betainc', () => {
    for (const c of reference.incompleteBeta) expectRelative(regularizedIncompleteBeta(c.x, c.a, c.b), c.value);
  });

  it('normalCdf matches scipy.stats.norm.cdf', () => {
    for (const c of reference.normal) expectRelative(normalCdf(c.z), c.cdf);
  });
});

describe('wilcoxonSignedRank', () => {
  it('gives the exact p of 2/2³ = 0.25 when 3 seeds all favour one method', () => {
    expect(wilcoxonSignedRank([0.9, 0.91, 0.92], [0.8, 0.8, 0.8])).toEqual({ statistic: 0, pValue: 0.25, n: 3, method: 'exact' });
  });

  it('drops zero differences and then uses the normal approximation', () => {
    const result = wilcoxonSignedRank([1, 2, 3, 4], [1, 0, 0, 0]);
    expect(result.n).toBe(3);
    expect(result.method).toBe('normal');
  });

  it('throws DataError when every difference is zero', () => {
    expect(() => wilcoxonSignedRank([0.5, 0.6], [0.5, 0.6])).toThrow(DataError);
    expect(() => wilcoxonSignedRank([0.5, 0.6], [0.5, 0.6])).toThrow(/all paired differences are zero/i);
  });

  it('throws ConfigError for bad input', () => {
    expect(() => wilcoxonSignedRank([], [])).toThrow(ConfigError);
    expect(() => wilcoxonSignedRank([1, 2], [1])).toThrow(/same length.*Got lengths 2 and 1 instead\./);
    expect(() => wilcoxonSignedRank([1, NaN], [0, 0])).toThrow(/finite.*Got NaN at index 1 of the first list instead\./);
    expect(() => wilcoxonSignedRank([1, 2], [0, Infinity])).toThrow(ConfigError);
    expect(() => wilcoxonSignedRank([1, 2], [0, 0], 'bigger' as Alternative)).toThrow(ConfigError);
  });
});

describe('correctedResampledTTest', () => {
  it('is t = 0, p = 1 when every difference is zero', () => {
    expect(correctedResampledTTest([0.7, 0.8, 0.9], [0.7, 0.8, 0.9], 0.2)).toEqual({ t: 0, pValue: 1, df: 2 });
  });

  it('is t = ±Infinity, p = 0 when every difference is the same non-zero value', () => {
    // 0.9 − 0.8 and 0.8 − 0.7 round differently, so use exactly representable scores.
    expect(correctedResampledTTest([0.75, 0.5, 0.25], [0.5, 0.25, 0], 0.2)).toEqual({ t: Infinity, pValue: 0, df: 2 });
    expect(correctedResampledTTest([0.5, 0.25], [0.75, 0.5], 0.2)).toEqual({ t: -Infinity, pValue: 0, df: 1 });
  });

  it('is more conservative than the plain paired t-test', () => {
    const a = [0.82, 0.85, 0.81, 0.86, 0.84];
    const b = [0.8, 0.81, 0.8, 0.82, 0.8];
    const corrected = correctedResampledTTest(a, b, 0.2);
    // f → 0 removes the correction term and leaves the plain paired t-test.
    const plain = correctedResampledTTest(a, b, 1e-12);
    expect(Math.abs(corrected.t)).toBeLessThan(Math.abs(plain.t));
    expect(corrected.pValue).toBeGreaterThan(plain.pValue);
  });

  it('throws ConfigError for fewer than 2 pairs or a bad testFraction', () => {
    expect(() => correctedResampledTTest([0.8], [0.7], 0.2)).toThrow(ConfigError);
    expect(() => correctedResampledTTest([0.8, 0.9], [0.7, 0.8], 0)).toThrow(/testFraction.*Got 0 instead\./);
    expect(() => correctedResampledTTest([0.8, 0.9], [0.7, 0.8], 1)).toThrow(ConfigError);
    expect(() => correctedResampledTTest([0.8, 0.9], [0.7, 0.8], NaN)).toThrow(ConfigError);
  });
});

describe('pairedComparison', () => {
  const holdout = { kind: 'holdout', testFraction: 0.3 } as const;

  it('reports both tests and marks significance by the corrected t-test', () => {
    const baseline = [0.8, 0.8, 0.8];
    const other = [0.85, 0.86, 0.84];
    const result = pairedComparison(baseline, other, holdout);
    expectRelative(result.meanDifference, 0.05, 1e-12);
    expect(result.n).toBe(3);
    expect(result.wilcoxon?.pValue).toBe(0.25);
    expect(result.tTest).toEqual(correctedResampledTTest(other, baseline, 0.3));
    expect(result.tTest!.pValue).toBeLessThan(0.05);
    expect(result.significant).toBe(true);
    expect(result.wilcoxonSkipped).toBeNull();
    expect(result.tTestSkipped).toBeNull();
  });

  it('is not significant when the differences are noise', () => {
    const result = pairedComparison([0.8, 0.82, 0.79, 0.81, 0.8], [0.81, 0.8, 0.8, 0.8, 0.82], { kind: 'cross-validation', testFraction: 0.2 });
    expect(result.significant).toBe(false);
  });

  it('skips both tests with a reason for a single split', () => {
    const result = pairedComparison([0.8], [0.9], holdout);
    expect(result.wilcoxon).toBeNull();
    expect(result.tTest).toBeNull();
    expect(result.wilcoxonSkipped).toMatch(/at least 2/);
    expect(result.tTestSkipped).toMatch(/at least 2/);
    expect(result.significant).toBe(false);
  });

  it('skips the Wilcoxon test with a reason when the scores are identical', () => {
    const result = pairedComparison([0.8, 0.9], [0.8, 0.9], holdout);
    expect(result.wilcoxon).toBeNull();
    expect(result.wilcoxonSkipped).toMatch(/identically/);
    expect(result.tTest).toEqual({ t: 0, pValue: 1, df: 1 });
    expect(result.significant).toBe(false);
  });

  it('validates the protocol', () => {
    expect(() => pairedComparison([0.8, 0.9], [0.7, 0.8], { kind: 'bootstrap' as 'holdout', testFraction: 0.2 })).toThrow(ConfigError);
    expect(() => pairedComparison([0.8, 0.9], [0.7, 0.8], { kind: 'holdout', testFraction: 1.5 })).toThrow(ConfigError);
  });
});

describe('distributions', () => {
  it('studentTCdf has known closed forms', () => {
    // df = 1 is the Cauchy distribution, df = 2 has F(t) = ½ + t / (2√(t² + 2)).
    for (const t of [-30, -2, -0.5, 0.25, 3, 100]) {
      expectRelative(studentTCdf(t, 1), 0.5 + Math.atan(t) / Math.PI, 1e-13);
      expectRelative(studentTCdf(t, 2), 0.5 + t / (2 * Math.sqrt(t * t + 2)), 1e-13);
    }
    expect(studentTCdf(0, 7)).toBe(0.5);
    expect(studentTCdf(-Infinity, 3)).toBe(0);
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTCdf(1.5, Infinity)).toBe(normalCdf(1.5));
    expect(studentTCdf(NaN, 3)).toBeNaN();
  });

  it('regularizedIncompleteBeta has known closed forms', () => {
    for (const x of [1e-9, 0.1, 0.5, 0.77, 0.999]) {
      expectRelative(regularizedIncompleteBeta(x, 1, 1), x, 1e-13);
      expectRelative(regularizedIncompleteBeta(x, 2, 1), x * x, 1e-13);
      expectRelative(regularizedIncompleteBeta(x, 1, 3), -Math.expm1(3 * Math.log1p(-x)), 1e-12);
      expectRelative(regularizedIncompleteBeta(x, 0.5, 0.5), (2 / Math.PI) * Math.asin(Math.sqrt(x)), 1e-13);
    }
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it('normalCdf has known values', () => {
    expect(normalCdf(0)).toBe(0.5);
    expectRelative(normalCdf(-1.959963984540054), 0.025, 1e-14);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });

  it('throws ConfigError for parameters outside the domain', () => {
    expect(() => studentTCdf(1, 0)).toThrow(ConfigError);
    expect(() => studentTCdf(1, NaN)).toThrow(ConfigError);
    expect(() => regularizedIncompleteBeta(1.5, 1, 1)).toThrow(ConfigError);
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(ConfigError);
    expect(() => regularizedIncompleteBeta(0.5, 1, -1)).toThrow(ConfigError);
  });
});

describe('properties', () => {
  // Scores on a coarse grid make ties and zero differences common; finer ones exercise the exact path.
  const score = fc.oneof(
    fc.integer({ min: 0, max: 20 }).map((v) => v / 20),
    fc.double({ min: 0, max: 1, noNaN: true }),
  );
  const pairs = fc
    .integer({ min: 1, max: 60 })
    .chain((n) => fc.tuple(fc.array(score, { minLength: n, maxLength: n }), fc.array(score, { minLength: n, maxLength: n })))
    .filter(([a, b]) => a.some((v, i) => v !== b[i]));

  it('Wilcoxon: swapping a and b keeps the two-sided p and exchanges the one-sided ones; p is in [0, 1]', () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const twoSided = wilcoxonSignedRank(a, b).pValue;
        expect(wilcoxonSignedRank(b, a).pValue).toBe(twoSided);
        expect(wilcoxonSignedRank(a, b, 'greater').pValue).toBe(wilcoxonSignedRank(b, a, 'less').pValue);
        expect(wilcoxonSignedRank(a, b, 'less').pValue).toBe(wilcoxonSignedRank(b, a, 'greater').pValue);
        for (const alternative of ['two-sided', 'greater', 'less'] as const) {
          const p = wilcoxonSignedRank(a, b, alternative).pValue;
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('corrected t-test: swapping a and b negates t and keeps p in [0, 1]', () => {
    const tPairs = pairs.filter(([a]) => a.length >= 2);
    fc.assert(
      fc.property(tPairs, fc.double({ min: 0.01, max: 0.99, noNaN: true }), ([a, b], f) => {
        const forward = correctedResampledTTest(a, b, f);
        const backward = correctedResampledTTest(b, a, f);
        expect(backward.t === -forward.t).toBe(true); // === so that 0 and −0 agree
        expect(backward.pValue).toBe(forward.pValue);
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  const df = fc.oneof(fc.constantFrom(1, 2, 5, 30, 1000), fc.double({ min: 0.05, max: 5000, noNaN: true }));
  const tValue = fc.double({ min: -1e6, max: 1e6, noNaN: true });

  it('t CDF is symmetric: F(−t) = 1 − F(t)', () => {
    fc.assert(
      fc.property(tValue, df, (t, nu) => {
        expect(Math.abs(studentTCdf(-t, nu) - (1 - studentTCdf(t, nu)))).toBeLessThanOrEqual(1e-15);
      }),
      { numRuns: 500 },
    );
  });

  it('t CDF is monotone and within [0, 1]', () => {
    fc.assert(
      fc.property(tValue, tValue, df, (s, t, nu) => {
        const [lo, hi] = s <= t ? [s, t] : [t, s];
        const fLo = studentTCdf(lo, nu);
        const fHi = studentTCdf(hi, nu);
        expect(fLo).toBeLessThanOrEqual(fHi);
        expect(fLo).toBeGreaterThanOrEqual(0);
        expect(fHi).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});
