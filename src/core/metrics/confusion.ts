/**
 * Confusion matrix and hard predictions: the counting step every threshold metric starts from.
 */
import { ConfigError, got } from '../errors';
import type { LabelArray, ScoreArray } from './validate';
import { checkLabels, checkNClasses, checkNonEmpty, checkSameLength } from './validate';

/**
 * Confusion matrix `C[i][j]` = number of samples whose true class is `i` and predicted class is `j`
 * (rows = truth, columns = prediction), over all classes 0..nClasses-1 even when a class is absent.
 * Same layout as `sklearn.metrics.confusion_matrix(y_true, y_pred, labels=range(nClasses))`.
 *
 * @throws ConfigError if the lengths differ, `nClasses < 2`, there are no samples, or a label is
 *   outside 0..nClasses-1.
 * @see scikit-learn 1.2.1 `sklearn.metrics.confusion_matrix`
 */
export function confusionMatrix(yTrue: LabelArray, yPred: LabelArray, nClasses: number): number[][] {
  checkNClasses(nClasses);
  checkSameLength(yTrue, yPred, 'yTrue', 'yPred');
  checkNonEmpty(yTrue.length, 'yTrue');
  checkLabels(yTrue, nClasses, 'yTrue');
  checkLabels(yPred, nClasses, 'yPred');
  const cm: number[][] = [];
  for (let i = 0; i < nClasses; i++) cm.push(new Array<number>(nClasses).fill(0));
  for (let i = 0; i < yTrue.length; i++) cm[yTrue[i]][yPred[i]]++;
  return cm;
}

/**
 * Hard prediction per row: `argmax_k scores[i * nClasses + k]`. Ties go to the lowest index and a
 * NaN wins at its first occurrence, exactly like `numpy.argmax`.
 *
 * @throws ConfigError if `nClasses < 2` or `scores.length` is not a multiple of `nClasses`.
 */
export function argmaxRows(scores: ScoreArray, nClasses: number): Int32Array {
  checkNClasses(nClasses);
  if (scores.length % nClasses !== 0) {
    throw new ConfigError(
      `scores must hold a multiple of nClasses (${nClasses}) values (row-major). Got ${got(scores.length)} instead.`,
      'scores',
    );
  }
  const n = scores.length / nClasses;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const off = i * nClasses;
    let best = 0;
    let bestV = scores[off];
    if (!Number.isNaN(bestV)) {
      for (let k = 1; k < nClasses; k++) {
        const v = scores[off + k];
        if (Number.isNaN(v)) {
          best = k;
          break;
        }
        if (v > bestV) {
          best = k;
          bestV = v;
        }
      }
    }
    out[i] = best;
  }
  return out;
}

/**
 * Throws ConfigError unless `cm` is a square matrix of at least 2x2 with non-negative finite
 * entries and a positive total. Returns the number of classes.
 */
export function checkConfusion(cm: readonly (readonly number[])[]): number {
  const c = cm.length;
  if (c < 2) {
    throw new ConfigError(`The confusion matrix must be at least 2x2. Got ${c}x${c} instead.`, 'confusion');
  }
  let total = 0;
  for (let i = 0; i < c; i++) {
    if (cm[i].length !== c) {
      throw new ConfigError(
        `The confusion matrix must be square (${c}x${c}). Got row ${i} of length ${cm[i].length} instead.`,
        'confusion',
      );
    }
    for (let j = 0; j < c; j++) {
      const v = cm[i][j];
      if (!Number.isFinite(v) || v < 0) {
        throw new ConfigError(
          `Confusion matrix entries must be non-negative counts. Got ${got(v)} at [${i}][${j}] instead.`,
          'confusion',
        );
      }
      total += v;
    }
  }
  if (total <= 0) {
    throw new ConfigError(`The confusion matrix must count at least one sample. Got ${got(total)} instead.`, 'confusion');
  }
  return c;
}
