import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { ConfigError, DataError } from '../errors';
import { takeRows } from '../types';
import type { Matrix } from '../types';
import { kNearest, wasmKernelAvailable } from './knn';

interface KnnFixture {
  rows: number[];
  neighbors_as_row_indices: number[][];
}
interface Case {
  name: string;
  X: number[][];
  knn_k5_within_each_class: Record<string, KnnFixture>;
}
const fixture = JSON.parse(readFileSync(new URL('../../../../shared/fixtures/resampling.json', import.meta.url), 'utf8')) as { cases: Case[] };

/** O(n·m) reference: sort all candidates by (squared distance, index), as scikit-learn ranks squared distances. */
function naive(query: Matrix, reference: Matrix, k: number, excludeSelf: boolean): { indices: number[]; distances: number[] } {
  const indices: number[] = [];
  const distances: number[] = [];
  const d = query.cols;
  for (let i = 0; i < query.rows; i++) {
    const cand: { j: number; sq: number }[] = [];
    for (let j = 0; j < reference.rows; j++) {
      if (excludeSelf && i === j) continue;
      let s = 0;
      for (let t = 0; t < d; t++) s += (query.data[i * d + t] - reference.data[j * d + t]) ** 2;
      cand.push({ j, sq: s });
    }
    cand.sort((a, b) => a.sq - b.sq || a.j - b.j);
    for (const c of cand.slice(0, k)) {
      indices.push(c.j);
      distances.push(Math.sqrt(c.sq));
    }
  }
  return { indices, distances };
}

const matrixArb = (maxRows: number, grid: boolean) =>
  fc.integer({ min: 1, max: 6 }).chain((cols) =>
    fc.integer({ min: 2, max: maxRows }).chain((rows) =>
      fc
        .array(grid ? fc.integer({ min: -3, max: 3 }) : fc.double({ min: -1e3, max: 1e3, noNaN: true }), {
          minLength: rows * cols,
          maxLength: rows * cols,
        })
        .map((v): Matrix => ({ data: Float32Array.from(v), rows, cols })),
    ),
  );

describe('kNearest', () => {
  for (const c of fixture.cases) {
    it(`matches scikit-learn's within-class 5-NN lists on ${c.name} (float64 and float32)`, () => {
      for (const dtype of [Float64Array, Float32Array]) {
        const X: Matrix = { data: dtype.from(c.X.flat()), rows: c.X.length, cols: c.X[0].length };
        for (const fx of Object.values(c.knn_k5_within_each_class)) {
          const Xc = takeRows(X, fx.rows);
          const r = kNearest(Xc, Xc, 5, { excludeSelf: true });
          const lists = fx.rows.map((_, i) => Array.from(r.indices.subarray(i * 5, i * 5 + 5), (j) => fx.rows[j]));
          expect(lists).toEqual(fx.neighbors_as_row_indices);
        }
      }
    });
  }

  it('equals a naive O(n²) search, ties broken by lower index (random and tie-heavy grid data)', () => {
    for (const grid of [false, true]) {
      fc.assert(
        fc.property(matrixArb(60, grid), fc.integer({ min: 1, max: 8 }), fc.boolean(), fc.integer({ min: 1, max: 7 }), (X, kRaw, excludeSelf, block) => {
          const k = Math.min(kRaw, X.rows - (excludeSelf ? 1 : 0));
          fc.pre(k >= 1);
          const r = kNearest(X, X, k, { excludeSelf, blockSize: block });
          const ref = naive(X, X, k, excludeSelf);
          expect(Array.from(r.indices)).toEqual(ref.indices);
          r.distances.forEach((dist, t) => expect(dist).toBeCloseTo(ref.distances[t], 9));
        }),
        { numRuns: 150 },
      );
    }
  });

  it('works with a separate query set and large offsets (cancellation in the expansion)', () => {
    fc.assert(
      fc.property(matrixArb(40, false), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (X, offset) => {
        const shifted: Matrix = { data: Float64Array.from(X.data, (v) => v / 1000 + offset), rows: X.rows, cols: X.cols };
        const query: Matrix = { data: shifted.data.slice(0, X.cols * Math.ceil(X.rows / 2)), rows: Math.ceil(X.rows / 2), cols: X.cols };
        const k = Math.min(3, X.rows);
        const r = kNearest(query, shifted, k);
        expect(Array.from(r.indices)).toEqual(naive(query, shifted, k, false).indices);
      }),
      { numRuns: 100 },
    );
  });

  it('returns rows sorted by distance, blocked across many reference blocks', () => {
    const n = 1500;
    const X: Matrix = { data: Float32Array.from({ length: n * 3 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1), rows: n, cols: 3 };
    const r = kNearest(X, X, 4, { excludeSelf: true });
    const ref = naive(X, X, 4, true);
    expect(Array.from(r.indices)).toEqual(ref.indices);
    for (let i = 0; i < n; i++) for (let j = 1; j < 4; j++) expect(r.distances[i * 4 + j]).toBeGreaterThanOrEqual(r.distances[i * 4 + j - 1]);
  });

  it('keeps duplicates as neighbours at distance 0 and never returns the point itself with excludeSelf', () => {
    const X: Matrix = { data: Float32Array.from([0, 0, 0, 0, 1, 1, 0, 0]), rows: 4, cols: 2 };
    const r = kNearest(X, X, 2, { excludeSelf: true });
    expect(Array.from(r.indices)).toEqual([1, 3, 0, 3, 0, 1, 0, 1]);
    expect(Array.from(r.distances)).toEqual([0, 0, 0, 0, Math.SQRT2, Math.SQRT2, 0, 0]);
  });

  it('rejects bad arguments', () => {
    const X: Matrix = { data: Float32Array.from([0, 1, 2, 3, 4, 5]), rows: 3, cols: 2 };
    expect(() => kNearest(X, X, 0)).toThrow(ConfigError);
    expect(() => kNearest(X, X, 1.5)).toThrow(ConfigError);
    expect(() => kNearest(X, X, 3, { excludeSelf: true })).toThrow(DataError);
    expect(() => kNearest(X, X, 4)).toThrow(DataError);
    expect(() => kNearest(X, { ...X, data: X.data.slice() }, 1, { excludeSelf: true })).toThrow(ConfigError);
    expect(() => kNearest({ data: Float32Array.from([1, 2, 3]), rows: 1, cols: 3 }, X, 1)).toThrow(ConfigError);
  });

  it('gives identical indices and distances on the WebAssembly and JavaScript paths (ties, duplicates, several tiles)', () => {
    expect(wasmKernelAvailable()).toBe(true);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 2, max: 700 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom('gaussian', 'grid', 'duplicates', 'scaled'),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (d, rows, kRaw, kind, separate, seed) => {
          let state = seed >>> 0;
          const rand = (): number => {
            state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
            return state / 2 ** 32;
          };
          const data = new Float64Array(rows * d);
          for (let t = 0; t < data.length; t++) {
            if (kind === 'grid') data[t] = Math.floor(rand() * 4) - 2;
            else if (kind === 'duplicates') data[t] = t >= d * 3 && rand() < 0.6 ? data[t - d * (1 + Math.floor(rand() * 3))] : rand() * 2 - 1;
            else if (kind === 'scaled') data[t] = (rand() - 0.5) * 1e-3 + 1e5;
            else data[t] = (rand() + rand() + rand() - 1.5) * 10;
          }
          const X: Matrix = { data, rows, cols: d };
          const nq = separate ? Math.max(1, Math.floor(rows / 3)) : rows;
          const query: Matrix = separate ? { data: data.slice(0, nq * d).map((v) => v + 0.25), rows: nq, cols: d } : X;
          const excludeSelf = !separate && rows > 1;
          const k = Math.min(kRaw, rows - (excludeSelf ? 1 : 0));
          const w = kNearest(query, X, k, { excludeSelf, kernel: 'wasm' });
          const j = kNearest(query, X, k, { excludeSelf, kernel: 'js' });
          expect(Array.from(w.indices)).toEqual(Array.from(j.indices));
          expect(Array.from(w.distances)).toEqual(Array.from(j.distances));
          if (rows <= 80) expect(Array.from(w.indices)).toEqual(naive(query, X, k, excludeSelf).indices);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('uses the WebAssembly path by default on large inputs with the same result as the JavaScript path', () => {
    const n = 1200;
    const d = 8;
    const X: Matrix = { data: Float32Array.from({ length: n * d }, (_, i) => Math.round(Math.sin(i * 12.9898) * 43758.5453 % 1 * 8) / 8), rows: n, cols: d };
    const auto = kNearest(X, X, 5, { excludeSelf: true });
    const js = kNearest(X, X, 5, { excludeSelf: true, kernel: 'js' });
    expect(Array.from(auto.indices)).toEqual(Array.from(js.indices));
    expect(Array.from(auto.distances)).toEqual(Array.from(js.distances));
  });
});
