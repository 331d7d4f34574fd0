import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError, DataError } from '../errors';
import { createRng } from '../random';
import type { Matrix } from '../types';
import { kMeans } from './kmeans';

function blobs(centres: number[][], perBlob: number, spread: number, seed: number): { X: Matrix; truth: Int32Array } {
  const rng = createRng(seed);
  const d = centres[0].length;
  const n = centres.length * perBlob;
  const data = new Float64Array(n * d);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % centres.length;
    truth[i] = c;
    for (let j = 0; j < d; j++) data[i * d + j] = centres[c][j] + spread * rng.normal();
  }
  return { X: { data, rows: n, cols: d }, truth };
}

describe('kMeans', () => {
  it('recovers well-separated blobs (labels equal up to renaming, centroids near the true centres)', () => {
    const centres = [[0, 0], [10, 0], [0, 10], [10, 10]];
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { X, truth } = blobs(centres, 25, 0.5, seed);
        const res = kMeans(X, { nClusters: 4, nInit: 3 }, createRng(seed));
        const map = new Map<number, number>();
        for (let i = 0; i < X.rows; i++) {
          const seen = map.get(res.labels[i]);
          if (seen === undefined) map.set(res.labels[i], truth[i]);
          else expect(seen).toBe(truth[i]);
        }
        expect(new Set(map.values()).size).toBe(4);
        for (const [cluster, t] of map) {
          for (let j = 0; j < 2; j++) expect(Math.abs(res.centroids.data[cluster * 2 + j] - centres[t][j])).toBeLessThan(0.5);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('is deterministic per seed and does not mutate X', () => {
    const { X } = blobs([[0, 0], [3, 1], [1, 4]], 30, 1.5, 7);
    const copy = X.data.slice();
    const a = kMeans(X, { nClusters: 5 }, createRng(11));
    const b = kMeans(X, { nClusters: 5 }, createRng(11));
    expect(a.labels).toEqual(b.labels);
    expect(a.centroids).toEqual(b.centroids);
    expect(a.inertia).toBe(b.inertia);
    expect(X.data).toEqual(copy);
  });

  it('inertia is non-increasing across iterations and equals Σ‖x − μ_label‖² at the end', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 8, max: 80 }), fc.boolean(), (seed, k, n, grid) => {
        const rng = createRng(seed);
        const data = Float64Array.from({ length: n * 3 }, () => (grid ? rng.int(3) : rng.normal()));
        const X: Matrix = { data, rows: n, cols: 3 };
        const res = kMeans(X, { nClusters: k }, createRng(seed));
        const h = res.inertiaHistory;
        for (let t = 1; t < h.length; t++) expect(h[t]).toBeLessThanOrEqual(h[t - 1] * (1 + 1e-12) + 1e-12);
        let s = 0;
        for (let i = 0; i < n; i++) {
          const c = res.labels[i];
          expect(c).toBeGreaterThanOrEqual(0);
          expect(c).toBeLessThan(k);
          for (let j = 0; j < 3; j++) s += (data[i * 3 + j] - res.centroids.data[c * 3 + j]) ** 2;
        }
        expect(res.inertia).toBeCloseTo(s, 8);
        expect(res.inertia).toBe(h[h.length - 1]);
      }),
      { numRuns: 80 },
    );
  });

  it('k = n puts every distinct point in its own cluster (inertia 0); duplicates are fine', () => {
    const X: Matrix = { data: Float64Array.from([0, 0, 1, 1, 5, 5, 9, 0]), rows: 4, cols: 2 };
    expect(kMeans(X, { nClusters: 4 }, createRng(1)).inertia).toBe(0);
    const dup: Matrix = { data: new Float32Array(20).fill(2), rows: 10, cols: 2 };
    const res = kMeans(dup, { nClusters: 3 }, createRng(1));
    expect(res.inertia).toBe(0);
    expect(Array.from(res.centroids.data)).toEqual(new Array(6).fill(2));
  });

  it('refuses bad options with messages ending "Got X instead."', () => {
    const X: Matrix = { data: Float64Array.from([0, 1, 2]), rows: 3, cols: 1 };
    expect(() => kMeans(X, { nClusters: 4 }, createRng(1))).toThrow(DataError);
    expect(() => kMeans(X, { nClusters: 4 }, createRng(1))).toThrow('nClusters must be at most the number of samples (3). Got 4 instead.');
    expect(() => kMeans(X, { nClusters: 0 }, createRng(1))).toThrow(ConfigError);
    expect(() => kMeans(X, { nClusters: 2, nInit: 0 }, createRng(1))).toThrow('nInit must be a positive integer. Got 0 instead.');
    expect(() => kMeans(X, { nClusters: 2, tol: -1 }, createRng(1))).toThrow('tol must be a number >= 0. Got -1 instead.');
  });
});
