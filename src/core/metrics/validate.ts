/**
 * Input checks shared by the metric functions. Internal to `metrics/` (not re-exported): every
 * public metric validates its arguments once, then runs loops that assume clean input.
 */
import { ConfigError, DataError, got } from '../errors';

/** Class indices 0..C-1, one per sample. */
export type LabelArray = Int32Array | readonly number[];

/** Row-major scores, `n * C` long: element (i, k) is `scores[i * C + k]`. */
export type ScoreArray = Float32Array | Float64Array | readonly number[];

/** Throws ConfigError unless `nClasses` is an integer >= 2. */
export function checkNClasses(nClasses: number, field = 'nClasses'): void {
  if (typeof nClasses !== 'number' || !Number.isInteger(nClasses) || nClasses < 2) {
    throw new ConfigError(`${field} must be an integer >= 2. Got ${got(nClasses)} instead.`, field);
  }
}

/** Throws ConfigError unless there is at least one sample. */
export function checkNonEmpty(n: number, field: string): void {
  if (n < 1) {
    throw new ConfigError(`${field} must hold at least one sample. Got 0 samples instead.`, field);
  }
}

/** Throws ConfigError unless the two arrays have the same length. */
export function checkSameLength(a: { length: number }, b: { length: number }, nameA: string, nameB: string): void {
  if (a.length !== b.length) {
    throw new ConfigError(
      `${nameB} must have the same length as ${nameA} (${a.length}). Got ${b.length} instead.`,
      nameB,
    );
  }
}

/** Throws ConfigError unless every label is an integer in [0, nClasses). */
export function checkLabels(y: LabelArray, nClasses: number, field: string): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (!Number.isInteger(v) || v < 0 || v >= nClasses) {
      throw new ConfigError(
        `${field}[${i}] must be a class index between 0 and ${nClasses - 1}. Got ${got(v)} instead.`,
        `${field}[${i}]`,
      );
    }
  }
}

/**
 * Throws ConfigError unless `scores` holds `n * nClasses` values, and DataError if any of them is
 * not finite (a NaN score usually means the model diverged; no ranking metric is meaningful then).
 */
export function checkScores(scores: ScoreArray, n: number, nClasses: number, field = 'scores'): void {
  if (scores.length !== n * nClasses) {
    throw new ConfigError(
      `${field} must hold n * nClasses = ${n} * ${nClasses} = ${n * nClasses} values (row-major). Got ${scores.length} instead.`,
      field,
    );
  }
  checkFinite(scores, field);
}

/** Throws DataError if any value is NaN or infinite. */
export function checkFinite(values: ScoreArray, field: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new DataError(`${field}[${i}] must be a finite number. Got ${got(values[i])} instead.`);
    }
  }
}

/** Validates the common (yTrue, scores, nClasses) triple. */
export function checkLabelsAndScores(yTrue: LabelArray, scores: ScoreArray, nClasses: number): void {
  checkNClasses(nClasses);
  checkNonEmpty(yTrue.length, 'yTrue');
  checkLabels(yTrue, nClasses, 'yTrue');
  checkScores(scores, yTrue.length, nClasses);
}

/** Throws ConfigError unless `k` is an integer class index in 0..nClasses-1. */
export function checkClassIndex(k: number, nClasses: number, field: string): void {
  if (!Number.isInteger(k) || k < 0 || k >= nClasses) {
    throw new ConfigError(`${field} must be a class index between 0 and ${nClasses - 1}. Got ${got(k)} instead.`, field);
  }
}
