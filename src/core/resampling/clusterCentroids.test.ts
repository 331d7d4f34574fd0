import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError } from '../errors';
import { createRng } from '../random';
import { countClasses } from '../types';
import type { Matrix } from '../types';
import { clusterCentroids, clusterCentroidsEntry } from './clusterCentroids';
import { resolveSamplingStrategy } from './samplingStrategy';
import type { SamplingStrategy } from './samplingStrategy';
import { labelledData } from './testSupport';

const datasetArb = fc
  .record({
    counts: fc.array(fc.integer({ min: 2, max: 50 }), { minLength: 2, maxLength: 4 }),
    cols: fc.integer({ min: 1, max: 3 }),
    grid: fc.boolean(),
    f64: fc.boolean(),
    seed: fc.integer(),
  })
  .map(({ counts, cols, grid, f64, seed }) => labelledData(counts, cols, f64, seed, (_t, _y, rng) => (grid ? rng.int(3) : rng.normal() * 10)));

const row = (M: Matrix, i: number) => Array.from(M.data.subarray(i * M.cols, (i + 1) * M.cols));

describe('clusterCentroids', () => {
  it('keeps exactly the resolved counts, never mutates inputs, reproduces with a seed; soft rows are centroids inside their class box, hard rows are copies', () => {
    fc.assert(
      fc.property(
        datasetArb,
        fc.constantFrom<SamplingStrategy>('auto', 'majority', 'not majority', 'all'),
        fc.constantFrom<'soft' | 'hard'>('soft', 'hard'),
        fc.integer(),
        ({ X, y, counts }, strategy, voting, seed) => {
          const Xcopy = X.data.slice();
          const ycopy = y.slice();
          const out = clusterCentroids(X, y, { samplingStrategy: strategy, voting }, createRng(seed));
          expect(X.data).toEqual(Xcopy);
          expect(y).toEqual(ycopy);
          expect(out.X.data).toBeInstanceOf(X.data.constructor as typeof Float32Array);
          const targets = resolveSamplingStrategy(strategy, counts, 'under-sampling');
          expect(countClasses(out.y, counts.length)).toEqual(counts.map((n, c) => targets.get(c) ?? n));
          expect(clusterCentroids(X, y, { samplingStrategy: strategy, voting }, createRng(seed))).toEqual(out);
          // class by class ascending
          for (let i = 1; i < out.y.length; i++) expect(out.y[i]).toBeGreaterThanOrEqual(out.y[i - 1]);
          const d = X.cols;
          for (let i = 0; i < out.X.rows; i++) {
            const c = out.y[i];
            const o = out.origin[i];
            if (o >= 0) {
              expect(y[o]).toBe(c);
              expect(row(out.X, i)).toEqual(row(X, o));
              expect([out.parents[2 * i], out.parents[2 * i + 1]]).toEqual([-1, -1]);
              continue;
            }
            expect(voting).toBe('soft');
            expect(targets.has(c)).toBe(true);
            const a = out.parents[2 * i];
            expect(y[a]).toBe(c);
            expect(out.parents[2 * i + 1]).toBe(-1);
            const tol = X.data instanceof Float32Array ? 1e-4 : 1e-9;
            for (let j = 0; j < d; j++) {
              let lo = Infinity;
              let hi = -Infinity;
              for (let r = 0; r < X.rows; r++) {
                if (y[r] !== c) continue;
                lo = Math.min(lo, X.data[r * d + j]);
                hi = Math.max(hi, X.data[r * d + j]);
              }
              expect(out.X.data[i * d + j]).toBeGreaterThanOrEqual(lo - tol * (1 + Math.abs(lo)));
              expect(out.X.data[i * d + j]).toBeLessThanOrEqual(hi + tol * (1 + Math.abs(hi)));
            }
          }
          // untargeted classes are copied in ascending row order
          for (let c = 0; c < counts.length; c++) {
            if (targets.has(c)) continue;
            const kept = Array.from(out.origin).filter((o, i) => out.y[i] === c);
            expect(kept).toEqual(Array.from(y.keys()).filter((r) => y[r] === c));
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('recovers blob centres with soft voting; hard voting keeps the sample nearest to each centroid', () => {
    const rng = createRng(9);
    const centres = [[0, 0], [20, 0], [0, 20]];
    const pts: number[] = [];
    const lab: number[] = [];
    for (let i = 0; i < 60; i++) {
      const c = centres[i % 3];
      pts.push(c[0] + 0.3 * rng.normal(), c[1] + 0.3 * rng.normal());
      lab.push(0);
    }
    pts.push(5, 5, 6, 5, 5, 6);
    lab.push(1, 1, 1);
    const X: Matrix = { data: Float64Array.from(pts), rows: lab.length, cols: 2 };
    const y = Int32Array.from(lab);
    const soft = clusterCentroids(X, y, {}, createRng(1));
    expect(soft.X.rows).toBe(6);
    const found = [0, 1, 2].map((i) => row(soft.X, i));
    for (const c of centres) expect(found.some((f) => Math.hypot(f[0] - c[0], f[1] - c[1]) < 0.2)).toBe(true);
    // the minority is copied unchanged at the end
    expect(Array.from(soft.origin.subarray(3))).toEqual([60, 61, 62]);
    const hard = clusterCentroids(X, y, { voting: 'hard' }, createRng(1));
    for (let i = 0; i < 3; i++) {
      const o = hard.origin[i];
      expect(o).toBeGreaterThanOrEqual(0);
      // the kept sample is the one soft voting named as the centroid's nearest row
      expect(o).toBe(soft.parents[2 * i]);
      // and it is the nearest class-0 row to that centroid
      const dist = (r: number) => Math.hypot(X.data[2 * r] - soft.X.data[2 * i], X.data[2 * r + 1] - soft.X.data[2 * i + 1]);
      for (let r = 0; r < 60; r++) expect(dist(o)).toBeLessThanOrEqual(dist(r));
    }
  });

  it('refuses an unknown voting with ConfigError ending "Got X instead."', () => {
    const X: Matrix = { data: Float64Array.from([0, 1, 2, 3, 4, 5]), rows: 6, cols: 1 };
    const y = Int32Array.from([0, 0, 0, 0, 1, 1]);
    expect(() => clusterCentroids(X, y, { voting: 'medium' as 'soft' }, createRng(1))).toThrow(ConfigError);
    expect(() => clusterCentroids(X, y, { voting: 'medium' as 'soft' }, createRng(1))).toThrow("voting must be one of 'soft', 'hard'. Got 'medium' instead.");
  });

  it('has a registry entry', () => {
    expect(clusterCentroidsEntry.id).toBe('cluster-centroids');
    expect(clusterCentroidsEntry.samplerType).toBe('under-sampling');
    expect(clusterCentroidsEntry.params.map((p) => p.name)).toEqual(['samplingStrategy', 'voting']);
  });
});
