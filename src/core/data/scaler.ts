/**
 * Standardisation (z-scores). Fit it on the training split only, then apply it to every split, so
 * no statistic of the test data leaks into training.
 */
import { DataError } from '../errors';
import type { Matrix } from '../types';

export interface StandardScaler {
  mean: Float64Array;
  scale: Float64Array;
}

/**
 * Per-column mean μ_j = (1/n) Σ_i x_ij and population standard deviation
 * σ_j = sqrt((1/n) Σ_i (x_ij − μ_j)²), both in float64 with a two-pass algorithm, exactly like
 * scikit-learn's StandardScaler (ddof = 0). A column whose variance is within rounding error of
 * zero, var <= n·ε·var + (n·μ·ε)² (scikit-learn's `_is_constant_feature`), gets scale 1, so
 * constant columns map to 0 instead of NaN.
 *
 * @throws DataError when X has no rows (nothing to estimate from).
 * @see scikit-learn `sklearn.preprocessing.StandardScaler`
 */
export function fitStandardScaler(X: Matrix): StandardScaler {
  const { data, rows: n, cols } = X;
  if (n === 0) throw new DataError('A scaler needs at least one row to estimate means and deviations. Got 0 rows instead.');
  const mean = new Float64Array(cols);
  for (let i = 0; i < n; i++) for (let j = 0; j < cols; j++) mean[j] += data[i * cols + j];
  for (let j = 0; j < cols; j++) mean[j] /= n;
  const variance = new Float64Array(cols);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < cols; j++) {
      const d = data[i * cols + j] - mean[j];
      variance[j] += d * d;
    }
  }
  const scale = new Float64Array(cols);
  for (let j = 0; j < cols; j++) scale[j] = scaleOf(variance[j] / n, mean[j], n);
  return { mean, scale };
}

/**
 * The standardisation scale of a column with population variance `variance` and mean `mean` over
 * `n` rows: √variance, or 1 when the variance is within rounding error of zero — values that differ
 * only in their last bits are a constant column, not a signal to blow up to unit variance
 * (scikit-learn's `_is_constant_feature`: var <= n·ε·var + (n·μ·ε)²).
 */
export function scaleOf(variance: number, mean: number, n: number): number {
  const eps = Number.EPSILON;
  const bound = n * eps * variance + (n * mean * eps) ** 2;
  return !(variance > bound) ? 1 : Math.sqrt(variance);
}

/**
 * z_ij = (x_ij − μ_j) / σ_j into a new Float32 matrix; X is not modified.
 *
 * @throws DataError when X has a different number of columns than the scaler was fitted on.
 */
export function applyScaler(X: Matrix, scaler: StandardScaler): Matrix {
  const { data, rows, cols } = X;
  if (cols !== scaler.mean.length) {
    throw new DataError(`The scaler was fitted on ${scaler.mean.length} columns; the data must have as many. Got ${cols} instead.`);
  }
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[i * cols + j] = (data[i * cols + j] - scaler.mean[j]) / scaler.scale[j];
  }
  return { data: out, rows, cols };
}
