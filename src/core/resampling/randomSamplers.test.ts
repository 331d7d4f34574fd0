import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError } from '../errors';
import { createRng } from '../random';
import { countClasses } from '../types';
import type { Matrix } from '../types';
import { randomOverSampler } from './randomOverSampler';
import { randomUnderSampler } from './randomUnderSampler';

function imbalanced(nMajor: number, nMinor: number, cols = 2): { X: Matrix; y: Int32Array } {
  const n = nMajor + nMinor;
  const rng = createRng(99);
  const y = rng.shuffle(Int32Array.from({ length: n }, (_, i) => (i < nMajor ? 0 : 1)));
  const X: Matrix = { data: Float64Array.from({ length: n * cols }, (_, k) => y[Math.floor(k / cols)] * 5 + rng.normal() * (1 + (k % cols))), rows: n, cols };
  return { X, y };
}

describe('randomOverSampler', () => {
  it('appends bootstrap copies of the over-sampled class', () => {
    const { X, y } = imbalanced(90, 10);
    const out = randomOverSampler(X, y, {}, createRng(1));
    expect(countClasses(out.y, 2)).toEqual([90, 90]);
    for (let i = 100; i < out.X.rows; i++) {
      const src = out.origin[i];
      expect(y[src]).toBe(1);
      expect(Array.from(out.X.data.subarray(i * 2, i * 2 + 2))).toEqual(Array.from(X.data.subarray(src * 2, src * 2 + 2)));
      expect([out.parents[2 * i], out.parents[2 * i + 1]]).toEqual([-1, -1]);
    }
  });

  it('shrinkage: smoothed bootstrap with per-feature sd = s · h · σ_class (ROSE)', () => {
    const { X, y } = imbalanced(2000, 500, 3);
    const s = 1.5;
    const out = randomOverSampler(X, y, { shrinkage: s }, createRng(2));
    const d = 3;
    const h = Math.pow(4 / ((d + 2) * X.rows), 1 / (d + 4));
    const rows = Array.from({ length: X.rows }, (_, i) => i).filter((i) => y[i] === 1);
    for (let j = 0; j < d; j++) {
      const mean = rows.reduce((acc, i) => acc + X.data[i * d + j], 0) / rows.length;
      const sigma = Math.sqrt(rows.reduce((acc, i) => acc + (X.data[i * d + j] - mean) ** 2, 0) / rows.length);
      let sum = 0;
      let count = 0;
      for (let i = X.rows; i < out.X.rows; i++) {
        expect(out.origin[i]).toBe(-1);
        const a = out.parents[2 * i];
        expect(y[a]).toBe(1);
        expect(out.parents[2 * i + 1]).toBe(-1);
        sum += (out.X.data[i * d + j] - X.data[a * d + j]) ** 2;
        count++;
      }
      expect(Math.sqrt(sum / count) / (s * h * sigma)).toBeCloseTo(1, 1);
    }
  });

  it('shrinkage per class: needs every over-sampled class, refuses negatives', () => {
    const { X, y } = imbalanced(30, 10);
    expect(() => randomOverSampler(X, y, { shrinkage: { 0: 1 } }, createRng(1))).toThrow(ConfigError);
    expect(() => randomOverSampler(X, y, { shrinkage: { 1: -1 } }, createRng(1))).toThrow(ConfigError);
    expect(() => randomOverSampler(X, y, { shrinkage: -1 }, createRng(1))).toThrow(ConfigError);
    const byName = randomOverSampler(X, y, { shrinkage: { minority: 0.5 }, classNames: ['majority', 'minority'] }, createRng(1));
    expect(byName.origin[X.rows]).toBe(-1);
    // Shrinkage 0 is a plain bootstrap.
    expect(randomOverSampler(X, y, { shrinkage: 0 }, createRng(1))).toEqual(randomOverSampler(X, y, {}, createRng(1)));
  });
});

describe('randomUnderSampler', () => {
  it('keeps a random subset of the majority, in input order, every row a copy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), fc.boolean(), fc.integer(), (a, b, replacement, seed) => {
        const { X, y } = imbalanced(a, b);
        const out = randomUnderSampler(X, y, { replacement }, createRng(seed));
        const m = Math.min(a, b);
        expect(countClasses(out.y, 2)).toEqual([m, m]);
        for (let i = 0; i < out.X.rows; i++) {
          expect(out.origin[i]).toBeGreaterThanOrEqual(0);
          if (i > 0) expect(out.origin[i]).toBeGreaterThanOrEqual(out.origin[i - 1]);
          expect(out.y[i]).toBe(y[out.origin[i]]);
        }
        if (!replacement) expect(new Set(out.origin).size).toBe(out.origin.length);
      }),
      { numRuns: 100 },
    );
  });

  it('with replacement draws a bootstrap of the kept class', () => {
    const { X, y } = imbalanced(200, 100);
    const out = randomUnderSampler(X, y, { replacement: true }, createRng(5));
    const majority = Array.from(out.origin).filter((o) => y[o] === 0);
    expect(majority).toHaveLength(100);
    expect(new Set(majority).size).toBeLessThan(100); // duplicates with overwhelming probability
  });
});
