/**
 * The metric panel shown for one trained model: every headline number from one pass over
 * (yTrue, scores), so the UI, the CLI and the reports always show the same values.
 */
import {
  accuracy,
  balancedAccuracy,
  f1Macro,
  f1Weighted,
  gmeanMulticlass,
  mcc,
  perClassMetrics,
} from './classification';
import type { PerClassMetrics } from './classification';
import { argmaxRows, confusionMatrix } from './confusion';
import { averagePrecision, averagePrecisionMacro, rocAucBinary, rocAucOvr, scoreColumn } from './ranking';
import type { LabelArray, ScoreArray } from './validate';
import { checkClassIndex, checkLabelsAndScores } from './validate';

export interface MetricSummary {
  /** Rows = true class, columns = predicted class (argmax of the scores). */
  confusion: number[][];
  accuracy: number;
  balancedAccuracy: number;
  f1Macro: number;
  f1Weighted: number;
  /** Multi-class G-mean (geometric mean of per-class recalls). */
  gmean: number;
  mcc: number;
  /** The class `minorityRecall` refers to. */
  minorityClass: number;
  /** Recall of `minorityClass`. */
  minorityRecall: number;
  /**
   * C = 2: binary ROC AUC of class 1. C > 2: one-vs-rest macro ROC AUC.
   * NaN when some class has no true sample (then some AUC is undefined).
   */
  rocAuc: number;
  /**
   * C = 2: average precision of class 1. C > 2: one-vs-rest macro average precision.
   * NaN when some class has no true sample, like `rocAuc` (the lower-level functions return
   * scikit-learn's 0 there, which would read as a terrible model rather than a missing class).
   */
  averagePrecision: number;
  /** Precision, recall, F1, specificity and support of every class 0..C-1. */
  perClass: PerClassMetrics[];
}

export interface SummaryOptions {
  /**
   * Class whose recall is reported as `minorityRecall`. Default: the class with the fewest true
   * samples among those present in `yTrue` (lowest index on ties).
   */
  minorityClass?: number;
}

/**
 * Computes the headline metrics of one set of predictions. Predictions are the argmax of each
 * score row (first maximum on ties). Threshold metrics follow scikit-learn's `zero_division=0`.
 *
 * @param yTrue class index per sample, 0..nClasses-1.
 * @param scores row-major per-class probabilities, length n·nClasses (binary: column 1 is the
 *   positive class).
 * @throws ConfigError on empty input, wrong lengths, `nClasses < 2`, labels out of range or a
 *   `minorityClass` that is not a class index.
 * @throws DataError on a non-finite score.
 * @see ./classification.ts, ./ranking.ts for each metric's formula and source.
 */
export function summarizeClassification(
  yTrue: LabelArray,
  scores: ScoreArray,
  nClasses: number,
  opts: SummaryOptions = {},
): MetricSummary {
  checkLabelsAndScores(yTrue, scores, nClasses);
  const yPred = argmaxRows(scores, nClasses);
  const confusion = confusionMatrix(yTrue, yPred, nClasses);
  const perClass = perClassMetrics(confusion);

  let minorityClass: number;
  if (opts.minorityClass !== undefined) {
    checkClassIndex(opts.minorityClass, nClasses, 'minorityClass');
    minorityClass = opts.minorityClass;
  } else {
    minorityClass = -1;
    for (let k = 0; k < nClasses; k++) {
      const s = perClass[k].support;
      if (s > 0 && (minorityClass < 0 || s < perClass[minorityClass].support)) minorityClass = k;
    }
  }

  const everyClassPresent = perClass.every((m) => m.support > 0);
  let rocAuc = NaN;
  let ap = NaN;
  if (everyClassPresent) {
    if (nClasses === 2) {
      const positive = scoreColumn(scores, 2, 1);
      rocAuc = rocAucBinary(yTrue, positive);
      ap = averagePrecision(yTrue, positive);
    } else {
      rocAuc = rocAucOvr(yTrue, scores, nClasses, 'macro');
      ap = averagePrecisionMacro(yTrue, scores, nClasses);
    }
  }

  return {
    confusion,
    accuracy: accuracy(confusion),
    balancedAccuracy: balancedAccuracy(confusion),
    f1Macro: f1Macro(confusion),
    f1Weighted: f1Weighted(confusion),
    gmean: gmeanMulticlass(confusion),
    mcc: mcc(confusion),
    minorityClass,
    minorityRecall: perClass[minorityClass].recall,
    rocAuc,
    averagePrecision: ap,
    perClass,
  };
}
