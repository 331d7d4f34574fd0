import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError, DataError } from '../errors';
import { createRng } from '../random';
import { fitSvc } from '../svm/svc';
import { countClasses } from '../types';
import type { Matrix } from '../types';
import { resolveSamplingStrategy } from './samplingStrategy';
import type { SamplingStrategy } from './samplingStrategy';
import { svmSmote, svmSmoteEntry } from './svmSmote';
import { kthSameClassSqDist, labelledData, segmentParameter, sqDist, syntheticParents } from './testSupport';

/** Classes centred at (2c, 0, …) with unit noise: overlapping but rarely all-noise. */
const datasetArb = fc
  .record({
    counts: fc.array(fc.integer({ min: 8, max: 40 }), { minLength: 2, maxLength: 3 }),
    cols: fc.integer({ min: 1, max: 3 }),
    f64: fc.boolean(),
    seed: fc.integer(),
  })
  .map(({ counts, cols, f64, seed }) => labelledData(counts, cols, f64, seed, (t, y, rng) => (t % cols === 0 ? 2 * y[Math.floor(t / cols)] : 0) + rng.normal()));

describe('svmSmote', () => {
  it('honours the strategy, never mutates inputs, reproduces with a seed; every synthetic point lies on the line through its parents within [−outStep, 1]', () => {
    fc.assert(
      fc.property(
        datasetArb,
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(0.5, 0, 1.5),
        fc.constantFrom<SamplingStrategy>('auto', 'minority', 'all'),
        fc.integer(),
        ({ X, y, counts }, k, outStep, strategy, seed) => {
          const Xcopy = X.data.slice();
          const ycopy = y.slice();
          const options = { kNeighbors: k, outStep, samplingStrategy: strategy, mNeighbors: 6 };
          let out;
          try {
            out = svmSmote(X, y, options, createRng(seed));
          } catch (e) {
            // Legitimate refusal: every support vector is noise (rare with this data).
            expect(e).toBeInstanceOf(DataError);
            expect((e as Error).message).toContain('is noise');
            return;
          }
          expect(X.data).toEqual(Xcopy);
          expect(y).toEqual(ycopy);
          expect(out.X.data).toBeInstanceOf(X.data.constructor as typeof Float32Array);
          const targets = resolveSamplingStrategy(strategy, counts, 'over-sampling');
          expect(countClasses(out.y, counts.length)).toEqual(counts.map((n, c) => n + (targets.get(c) ?? 0)));
          expect(svmSmote(X, y, options, createRng(seed))).toEqual(out);
          for (let i = 0; i < X.rows; i++) expect(out.origin[i]).toBe(i);
          for (let i = X.rows; i < out.X.rows; i++) {
            const [a, b] = syntheticParents(y, out, i, expect);
            expect(sqDist(X, a, b)).toBeLessThanOrEqual(kthSameClassSqDist(X, y, a, k));
            const t = segmentParameter(X, out, i, a, b, expect);
            expect(t).toBeGreaterThanOrEqual(-outStep - 1e-6);
            expect(t).toBeLessThanOrEqual(1 + 1e-6);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('seeds only from minority support vectors; danger seeds interpolate (t ∈ [0, 1]) and safe seeds extrapolate (t ∈ [−outStep, 0])', () => {
    const rng = createRng(5);
    const n0 = 120;
    const n1 = 30;
    const rows: number[] = [];
    const y = new Int32Array(n0 + n1);
    for (let i = 0; i < n0 + n1; i++) {
      y[i] = i < n0 ? 0 : 1;
      rows.push((i < n0 ? 0 : 1.5) + rng.normal(), rng.normal());
    }
    const X: Matrix = { data: Float64Array.from(rows), rows: n0 + n1, cols: 2 };
    const m = 10;
    const out = svmSmote(X, y, { mNeighbors: m }, createRng(1));
    const sv = new Set(Array.from(fitSvc(X, Int32Array.from(y, (c) => (c === 1 ? 1 : -1))).supportIndices));
    let danger = 0;
    let safe = 0;
    for (let i = X.rows; i < out.X.rows; i++) {
      const a = out.parents[2 * i];
      expect(sv.has(a)).toBe(true);
      // classify a as imbalanced-learn does: m nearest rows of X (itself excluded)
      const dist = Array.from({ length: X.rows }, (_, j) => [sqDist(X, a, j), j] as const)
        .filter(([, j]) => j !== a)
        .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
      const other = dist.slice(0, m).filter(([, j]) => y[j] !== 1).length;
      expect(other).toBeLessThan(m);
      const t = segmentParameter(X, out, i, a, out.parents[2 * i + 1], expect);
      if (other >= m / 2) {
        danger++;
        expect(t).toBeGreaterThanOrEqual(0);
      } else {
        safe++;
        expect(t).toBeLessThanOrEqual(0);
        expect(t).toBeGreaterThanOrEqual(-0.5 - 1e-9);
      }
    }
    expect(danger + safe).toBe(n0 - n1);
    expect(danger).toBeGreaterThan(0);
    expect(safe).toBeGreaterThan(0);
  });

  it('refuses too few samples for kNeighbors / mNeighbors and all-noise support vectors, with "Got X instead."', () => {
    const X: Matrix = { data: Float64Array.from({ length: 40 }, (_, i) => i % 7), rows: 20, cols: 2 };
    const y = Int32Array.from({ length: 20 }, (_, i) => (i < 15 ? 0 : 1));
    const names = { classNames: ['majority', 'minority'] };
    expect(() => svmSmote(X, y, { ...names, kNeighbors: 5 }, createRng(1))).toThrow(
      "kNeighbors must be < the number of samples in class 'minority' (5). Got 5 instead. Lower kNeighbors to at most 4 or pick random over-sampling.",
    );
    expect(() => svmSmote(X, y, { kNeighbors: 2, mNeighbors: 20 }, createRng(1))).toThrow(
      'mNeighbors must be < the number of samples (20). Got 20 instead. Lower mNeighbors to at most 19.',
    );
    expect(() => svmSmote(X, y, { outStep: -1 }, createRng(1))).toThrow(ConfigError);
    // Minority points each alone inside a block of majority points: every support vector is noise.
    const pts: number[] = [];
    const lab: number[] = [];
    for (let blob = 0; blob < 4; blob++) {
      for (let t = 0; t < 8; t++) {
        pts.push(blob * 100 + Math.cos(t), Math.sin(t));
        lab.push(0);
      }
      pts.push(blob * 100, 0);
      lab.push(1);
    }
    const noisy: Matrix = { data: Float64Array.from(pts), rows: lab.length, cols: 2 };
    expect(() => svmSmote(noisy, Int32Array.from(lab), { kNeighbors: 2, mNeighbors: 5 }, createRng(1))).toThrow(DataError);
    expect(() => svmSmote(noisy, Int32Array.from(lab), { kNeighbors: 2, mNeighbors: 5 }, createRng(1))).toThrow(/is noise.*Got mNeighbors = 5 instead\.$/);
  });

  it('has a registry entry with imbalanced-learn defaults', () => {
    expect(svmSmoteEntry.id).toBe('svm-smote');
    expect(Object.fromEntries(svmSmoteEntry.params.map((p) => [p.name, p.default]))).toEqual({
      kNeighbors: 5,
      mNeighbors: 10,
      outStep: 0.5,
      samplingStrategy: 'auto',
    });
  });
});
