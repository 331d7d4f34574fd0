/**
 * Input checks shared by the data pipeline and the resamplers. They throw DataError with a message
 * that names the offending row / column, so a user can find the bad cell in their CSV.
 */
import { DataError, got } from '../errors';
import type { Labels, Matrix } from '../types';

/**
 * Checks that every value of `X` is finite.
 *
 * @param featureNames column names used in the message (falls back to the column index).
 * @throws DataError naming the first row (0-based) and column holding NaN or ±Infinity.
 */
export function assertFinite(X: Matrix, featureNames?: readonly string[]): void {
  const { data, cols } = X;
  for (let k = 0; k < data.length; k++) {
    const v = data[k];
    if (v - v !== 0) {
      // v − v is NaN exactly when v is NaN or ±Infinity: one comparison per value on the hot path.
      const row = Math.floor(k / cols);
      const col = k % cols;
      const name = featureNames?.[col] !== undefined ? `'${featureNames[col]}'` : `${col}`;
      throw new DataError(
        `Every feature value must be a finite number (impute or drop missing values first), but row ${row}, column ${name} is not. Got ${got(v)} instead.`,
      );
    }
  }
}

/**
 * Checks that `X` is a consistent row-major matrix: non-negative integer rows/cols and
 * data.length = rows · cols.
 *
 * @throws DataError otherwise.
 */
export function assertMatrix(X: Matrix): void {
  if (!Number.isInteger(X.rows) || !Number.isInteger(X.cols) || X.rows < 0 || X.cols < 0) {
    throw new DataError(`A matrix needs non-negative integer rows and cols. Got ${got({ rows: X.rows, cols: X.cols })} instead.`);
  }
  if (X.data.length !== X.rows * X.cols) {
    throw new DataError(`A ${X.rows} × ${X.cols} matrix needs ${X.rows * X.cols} values. Got ${X.data.length} instead.`);
  }
}

/**
 * Checks that `y` has one label per row of `X` and every label is an integer class index in
 * [0, nClasses).
 *
 * @throws DataError naming the first bad row, or the length mismatch.
 */
export function assertLabels(y: Labels, rows: number, nClasses: number): void {
  if (y.length !== rows) {
    throw new DataError(`X and y must have the same number of rows (${rows}). Got ${y.length} labels instead.`);
  }
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0 || y[i] >= nClasses) {
      throw new DataError(`Every label must be a class index between 0 and ${nClasses - 1}, but row ${i} is not. Got ${y[i]} instead.`);
    }
  }
}

/**
 * Checks that at least two classes have rows.
 *
 * @param counts rows per class index.
 * @param classNames used to name the single class (default 'c0', 'c1', …).
 * @throws DataError "The dataset has only one class ('c0'); a classifier needs at least two. Got 1 class instead."
 */
export function assertAtLeastTwoClasses(counts: readonly number[], classNames?: readonly string[]): void {
  const present = counts.map((n, c) => (n > 0 ? c : -1)).filter((c) => c >= 0);
  if (present.length >= 2) return;
  const which = present.length === 1 ? ` ('${classNames?.[present[0]] ?? `c${present[0]}`}')` : '';
  throw new DataError(
    `The dataset has only one class${which}; a classifier needs at least two. Got ${present.length} class${present.length === 1 ? '' : 'es'} instead.`,
  );
}
