/**
 * Helpers shared by the resampling tests (imported by *.test.ts only). Compiled with the core, so
 * pure TypeScript: no vitest, no node modules — assertions take the test's `expect` as an argument.
 */
import { createRng } from '../random';
import type { Rng } from '../random';
import type { Labels, Matrix } from '../types';

/** The part of vitest's `expect` the helpers use (the tests pass theirs in). */
export type ExpectLike = (actual: unknown) => {
  toBe(expected: unknown): void;
  toBeLessThanOrEqual(expected: number): void;
  not: { toBe(expected: unknown): void };
};

/** A float64 matrix from its rows. */
export const toMatrix = (rows: number[][]): Matrix => ({ data: Float64Array.from(rows.flat()), rows: rows.length, cols: rows[0].length });

/**
 * A labelled data set with the given class sizes: rng = createRng(seed), labels shuffled by rng,
 * then value(t, y, rng) for every cell t = row · cols + column in order, stored as float64 or float32.
 */
export function labelledData(
  counts: number[],
  cols: number,
  f64: boolean,
  seed: number,
  value: (t: number, y: Int32Array, rng: Rng) => number,
): { X: Matrix; y: Int32Array; counts: number[] } {
  const rng = createRng(seed);
  const n = counts.reduce((a, b) => a + b, 0);
  const y = rng.shuffle(Int32Array.from(counts.flatMap((m, c) => Array<number>(m).fill(c))));
  const values = Array.from({ length: n * cols }, (_, t) => value(t, y, rng));
  const X: Matrix = { data: f64 ? Float64Array.from(values) : Float32Array.from(values), rows: n, cols };
  return { X, y, counts };
}

/** Squared Euclidean distance between rows a and b of X. */
export const sqDist = (X: Matrix, a: number, b: number): number => {
  let s = 0;
  for (let j = 0; j < X.cols; j++) s += (X.data[a * X.cols + j] - X.data[b * X.cols + j]) ** 2;
  return s;
};

/**
 * The u with x_new = x_a + u (x_b − x_a) (0 when a and b coincide), after checking with `expect`
 * that output row i of `out` is on that line (tolerance 1e-4 for float32 data, 1e-9 for float64).
 */
export function segmentParameter(X: Matrix, out: { X: Matrix }, i: number, a: number, b: number, expect: ExpectLike): number {
  const d = X.cols;
  const tol = X.data instanceof Float32Array ? 1e-4 : 1e-9;
  let dot = 0;
  let len = 0;
  for (let j = 0; j < d; j++) {
    const xa = X.data[a * d + j];
    dot += (out.X.data[i * d + j] - xa) * (X.data[b * d + j] - xa);
    len += (X.data[b * d + j] - xa) ** 2;
  }
  const u = len === 0 ? 0 : dot / len;
  for (let j = 0; j < d; j++) {
    const xa = X.data[a * d + j];
    const expected = xa + u * (X.data[b * d + j] - xa);
    expect(Math.abs(out.X.data[i * d + j] - expected)).toBeLessThanOrEqual(tol * (1 + Math.abs(expected)));
  }
  return u;
}

/**
 * Checks with `expect` that output row i is synthetic (origin −1) with two distinct parents of its
 * class; returns the parents (a, b).
 */
export function syntheticParents(y: Labels, out: { y: Labels; origin: Int32Array; parents: Int32Array }, i: number, expect: ExpectLike): [number, number] {
  expect(out.origin[i]).toBe(-1);
  const a = out.parents[2 * i];
  const b = out.parents[2 * i + 1];
  expect(y[a]).toBe(out.y[i]);
  expect(y[b]).toBe(out.y[i]);
  expect(b).not.toBe(a);
  return [a, b];
}

/** The k-th smallest squared distance from row a to the other rows of its class. */
export function kthSameClassSqDist(X: Matrix, y: Labels, a: number, k: number): number {
  const others: number[] = [];
  for (let j = 0; j < X.rows; j++) if (j !== a && y[j] === y[a]) others.push(sqDist(X, a, j));
  others.sort((p, q) => p - q);
  return others[k - 1];
}
