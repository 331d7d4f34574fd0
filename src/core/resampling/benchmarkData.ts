/**
 * The fixed SMOTE benchmark workload (`npm run bench`): Node, the browser worker and the
 * imbalanced-learn comparison all time exactly this. Not an algorithm of the product.
 */
import { createRng } from '../random';
import type { Matrix } from '../types';
import { smote } from './smote';

export interface SmoteBenchCase {
  rows: number;
  cols: number;
  minorityFraction: number;
  kNeighbors: number;
}

export const SMOTE_BENCH_CASES: readonly SmoteBenchCase[] = [
  { rows: 300_000, cols: 30, minorityFraction: 0.05, kNeighbors: 5 },
  { rows: 100_000, cols: 30, minorityFraction: 0.01, kNeighbors: 5 },
];

/** Seeded Gaussian data: the first ⌊fraction · rows⌋ rows are class 1 (minority, mean +1), the rest class 0. */
export function smoteBenchData(c: SmoteBenchCase, seed = 0): { X: Matrix; y: Int32Array } {
  const rng = createRng(seed);
  const nMin = Math.floor(c.rows * c.minorityFraction);
  const data = new Float64Array(c.rows * c.cols);
  const y = new Int32Array(c.rows);
  for (let i = 0; i < c.rows; i++) {
    const minority = i < nMin;
    y[i] = minority ? 1 : 0;
    for (let j = 0; j < c.cols; j++) data[i * c.cols + j] = rng.normal() + (minority ? 1 : 0);
  }
  return { X: { data, rows: c.rows, cols: c.cols }, y };
}

/** Best-of-`rounds` wall time of `smote` (k from the case) on the case's data, in ms. */
export function timeSmote(c: SmoteBenchCase, rounds = 3, now: () => number = () => Date.now()): { ms: number; rounds: number[]; rowsOut: number } {
  const { X, y } = smoteBenchData(c);
  const times: number[] = [];
  let rowsOut = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = now();
    rowsOut = smote(X, y, { kNeighbors: c.kNeighbors }, createRng(0)).X.rows;
    times.push(now() - t0);
  }
  return { ms: Math.min(...times), rounds: times, rowsOut };
}
