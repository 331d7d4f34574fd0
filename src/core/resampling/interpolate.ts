/**
 * The SMOTE family's interpolation step x_new = x_a + u · (x_b − x_a), shared by the samplers.
 */
import { kNearest } from '../neighbors/knn';
import type { Rng } from '../random';
import { takeRows } from '../types';
import type { Matrix } from '../types';
import type { ResampleResult } from './types';

/**
 * Writes output row `row` = x_a + u · (x_b − x_a) (computed in float64, stored in out's dtype),
 * with class c and parents (a, b) as input row indices. Draws nothing.
 */
export function writeInterpolated(X: Matrix, out: ResampleResult, row: number, a: number, b: number, u: number, c: number): void {
  const d = X.cols;
  const src = X.data;
  const dst = out.X.data;
  const ao = a * d;
  const bo = b * d;
  const ro = row * d;
  for (let j = 0; j < d; j++) {
    const xa = src[ao + j];
    dst[ro + j] = xa + u * (src[bo + j] - xa);
  }
  out.y[row] = c;
  out.parents[2 * row] = a;
  out.parents[2 * row + 1] = b;
}

/**
 * Plain SMOTE over the input rows `rows` (of class c): with their k nearest neighbours among
 * themselves (self excluded), `count` times draw one of the rows.length · k pairs (rng.int), then
 * u (rng.next), and write the interpolated sample to output rows row, row + 1, ….
 * Returns the next free output row.
 */
export function smoteRows(X: Matrix, out: ResampleResult, row: number, rows: ArrayLike<number>, k: number, count: number, c: number, rng: Rng): number {
  const Xc = takeRows(X, rows);
  const nn = kNearest(Xc, Xc, k, { excludeSelf: true }).indices;
  for (let t = 0; t < count; t++, row++) {
    const pair = rng.int(rows.length * k);
    const a = rows[Math.floor(pair / k)];
    const b = rows[nn[pair]];
    writeInterpolated(X, out, row, a, b, rng.next(), c);
  }
  return row;
}
