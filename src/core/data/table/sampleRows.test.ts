import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../errors';
import { createRng } from '../../random';
import { stratifiedQuotas, stratifiedRowSample } from './sampleRows';

describe('stratifiedQuotas', () => {
  it('keeps every row of a small minority and samples the rest in proportion', () => {
    // Credit-card shape: 284,315 legitimate, 492 fraud; 50,000 rows kept.
    const q = stratifiedQuotas([284_315, 492], 50_000, 500);
    expect(q).toEqual([49_508, 492]);
  });

  it('is proportional when no class is near its floor', () => {
    expect(stratifiedQuotas([6000, 3000, 1000], 1000, 10)).toEqual([600, 300, 100]);
  });

  it('lowers the floor when the floors alone do not fit', () => {
    const q = stratifiedQuotas([1000, 1000, 1000, 1000], 100, 500);
    expect(q).toEqual([25, 25, 25, 25]);
  });

  it('always sums to maxRows (or the total) and respects sizes and floors', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(5000), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 20000 }), fc.nat(800), (sizes, maxRows, floor) => {
        const q = stratifiedQuotas(sizes, maxRows, floor);
        const total = sizes.reduce((a, b) => a + b, 0);
        expect(q.reduce((a, b) => a + b, 0)).toBe(Math.min(total, maxRows));
        q.forEach((x, c) => {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(sizes[c]);
          expect(Number.isInteger(x)).toBe(true);
        });
        const floorsFit = sizes.reduce((a, n) => a + Math.min(n, floor), 0) <= maxRows;
        if (floorsFit) q.forEach((x, c) => expect(x).toBeGreaterThanOrEqual(Math.min(sizes[c], floor)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('stratifiedRowSample', () => {
  const y = Int32Array.from({ length: 10_000 }, (_, i) => (i % 100 === 0 ? 1 : i % 333 === 0 ? -1 : 0));

  it('returns distinct ascending rows, every class present, reproducibly', () => {
    const s = stratifiedRowSample(y, 2, 1000, createRng(1));
    expect(s.length).toBe(1000);
    for (let k = 1; k < s.length; k++) expect(s[k]).toBeGreaterThan(s[k - 1]);
    const ones = Array.from(s).filter((i) => y[i] === 1).length;
    expect(ones).toBe(100); // all 100 minority rows (floor 500 > 100)
    expect(Array.from(s).some((i) => y[i] === -1)).toBe(true); // unlabeled rows are a stratum too
    expect(stratifiedRowSample(y, 2, 1000, createRng(1))).toEqual(s);
    expect(stratifiedRowSample(y, 2, 1000, createRng(2))).not.toEqual(s);
  });

  it('returns every row when they fit', () => {
    expect(Array.from(stratifiedRowSample(Int32Array.from([0, 1, 0]), 2, 5, createRng(0)))).toEqual([0, 1, 2]);
  });

  it('refuses a bad maxRows', () => {
    expect(() => stratifiedRowSample(y, 2, 0, createRng(0))).toThrow(ConfigError);
  });
});
