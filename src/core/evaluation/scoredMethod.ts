/**
 * The common input of the evaluation views: one trained method's test labels and scores. Also the
 * input checks and one-vs-rest helpers the view builders share (not re-exported from the index).
 */
import { ConfigError, DataError, got } from '../errors';

/** One method's predictions on its test split. */
export interface ScoredMethod {
  /** Stable id of the method (its position in the experiment); ties between methods go to the lowest. */
  index: number;
  /** Name shown in legends. */
  label: string;
  /** True class per test row, 0..C-1. */
  yTrue: Int32Array | readonly number[];
  /** Row-major n × C class probabilities: element (i, k) is `scores[i * C + k]`. */
  scores: Float32Array | Float64Array;
}

/** Throws ConfigError unless `nClasses` is an integer >= 2. */
export function checkNClasses(nClasses: number): void {
  if (!Number.isInteger(nClasses) || nClasses < 2) {
    throw new ConfigError(`nClasses must be an integer >= 2. Got ${got(nClasses)} instead.`, 'nClasses');
  }
}

/** Throws ConfigError unless `k` is a class index 0..nClasses-1. */
export function checkClass(k: number, nClasses: number, field: string): void {
  if (!Number.isInteger(k) || k < 0 || k >= nClasses) {
    throw new ConfigError(`${field} must be a class index between 0 and ${nClasses - 1}. Got ${got(k)} instead.`, field);
  }
}

/** Throws ConfigError unless `maxPoints` is an integer >= 2 (a curve needs both its ends). */
export function checkMaxPoints(maxPoints: number): void {
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new ConfigError(`maxPoints must be an integer >= 2. Got ${got(maxPoints)} instead.`, 'maxPoints');
  }
}

/** Throws ConfigError unless the false-negative / false-positive cost ratio is finite and > 0. */
export function checkCostRatio(costFnOverFp: number): void {
  if (!(Number.isFinite(costFnOverFp) && costFnOverFp > 0)) {
    throw new ConfigError(
      `costFnOverFp must be a finite number > 0 (the cost of a false negative over a false positive). Got ${got(costFnOverFp)} instead.`,
      'costFnOverFp',
    );
  }
}

/**
 * Validates labels and scores of one set of predictions: at least one row, labels in 0..C-1,
 * `scores` n·C long and finite. `field` prefixes the names in messages (e.g. `methods[2]`; '' for none).
 *
 * @throws ConfigError on an empty test set, a bad label or a scores array of the wrong length.
 * @throws DataError on a non-finite score (a diverged model: no curve is meaningful then).
 */
export function checkLabelsScores(yTrue: ArrayLike<number>, scores: ArrayLike<number>, nClasses: number, field: string): void {
  const n = yTrue.length;
  const at = field === '' ? '' : `${field}.`;
  if (n < 1) {
    throw new ConfigError(`${at}yTrue must hold at least one test row; evaluate on a non-empty split. Got 0 rows instead.`, `${at}yTrue`);
  }
  for (let i = 0; i < n; i++) {
    const y = yTrue[i];
    if (!Number.isInteger(y) || y < 0 || y >= nClasses) {
      throw new ConfigError(
        `${at}yTrue[${i}] must be a class index between 0 and ${nClasses - 1}. Got ${got(y)} instead.`,
        `${at}yTrue[${i}]`,
      );
    }
  }
  if (scores.length !== n * nClasses) {
    throw new ConfigError(
      `${at}scores must hold n × C = ${n} × ${nClasses} = ${n * nClasses} values (row-major). Got ${scores.length} instead.`,
      `${at}scores`,
    );
  }
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) {
      throw new DataError(`${at}scores[${i}] must be a finite probability; the model may have diverged. Got ${got(scores[i])} instead.`);
    }
  }
}

/** Validates every method (see `checkLabelsScores`) and `nClasses`. */
export function checkScoredMethods(methods: readonly ScoredMethod[], nClasses: number): void {
  checkNClasses(nClasses);
  methods.forEach((m, i) => checkLabelsScores(m.yTrue, m.scores, nClasses, `methods[${i}]`));
}

/** One-vs-rest 0/1 labels: 1 where `yTrue[i] === k`. */
export function oneVsRest(yTrue: ArrayLike<number>, k: number): Int32Array {
  const out = new Int32Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) out[i] = yTrue[i] === k ? 1 : 0;
  return out;
}

/** Number of ones in a 0/1 array. */
export function countOnes(y01: Int32Array): number {
  let s = 0;
  for (let i = 0; i < y01.length; i++) s += y01[i];
  return s;
}

/** Methods in increasing `index` (stable), so "lowest index wins" rules are one pass. */
export function byIndex<M extends { index: number }>(methods: readonly M[]): M[] {
  return [...methods].sort((a, b) => a.index - b.index);
}
