/**
 * Data behind the precision–recall view: one-vs-rest PR curves and average precision of every
 * method, with the prevalence line a random classifier gets. Under heavy imbalance PR curves show
 * differences that ROC curves compress near the origin (Davis & Goadrich 2006; Saito & Rehmsmeier 2015).
 */
import { averagePrecision, precisionRecallCurve, scoreColumn } from '../metrics';
import type { ScoredMethod } from './scoredMethod';
import { checkClass, checkMaxPoints, checkScoredMethods, countOnes, oneVsRest } from './scoredMethod';

export interface PrSeries {
  index: number;
  label: string;
  /** Average precision (NaN when the test set has no positive). */
  ap: number;
  /** By increasing recall; the first is (recall 0, precision 1) with threshold null. Empty when ap is NaN. */
  points: { recall: number; precision: number; threshold: number | null }[];
}

export interface PrView {
  positiveClass: number;
  /** Positives / n of the first method's test set: the precision of a random classifier (NaN with no methods). */
  prevalence: number;
  series: PrSeries[];
}

/** `maxPoints` evenly spaced indices of 0..n-1 including both ends (all of them when n ≤ maxPoints). */
function evenlySpacedIndices(n: number, maxPoints: number): number[] {
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  // The step (n − 1)/(maxPoints − 1) exceeds 1, so the rounded indices are distinct.
  return Array.from({ length: maxPoints }, (_, j) => Math.round((j * (n - 1)) / (maxPoints - 1)));
}

/**
 * PR view of class `positiveClass` against the rest. Each curve is scikit-learn's
 * `precision_recall_curve` on column `positiveClass`: at each distinct score t,
 * precision = TP(t) / (TP(t) + FP(t)) and recall = TP(t) / P (predict positive iff score ≥ t),
 * listed by increasing recall and starting at the conventional point (recall 0, precision 1).
 * AP = Σ_n (R_n − R_{n−1}) P_n (step-wise, no interpolation) on the full curve; drawn curves are
 * thinned to `maxPoints` evenly spaced points keeping both ends. A method whose test set has no
 * positive gets ap NaN and no points (precision is undefined, as in the metric summary).
 *
 * @param maxPoints longest curve to draw (integer >= 2), default 200.
 * @throws ConfigError on bad `nClasses`, `positiveClass`, `maxPoints`, labels or score lengths.
 * @throws DataError on a non-finite score.
 * @see Davis & Goadrich 2006, "The relationship between precision-recall and ROC curves", ICML
 * @see Saito & Rehmsmeier 2015, "The precision-recall plot is more informative than the ROC plot
 *   when evaluating binary classifiers on imbalanced datasets", PLoS ONE 10
 */
export function prView(methods: readonly ScoredMethod[], nClasses: number, positiveClass: number, maxPoints = 200): PrView {
  checkScoredMethods(methods, nClasses);
  checkClass(positiveClass, nClasses, 'positiveClass');
  checkMaxPoints(maxPoints);
  const series = methods.map((m): PrSeries => {
    const y = oneVsRest(m.yTrue, positiveClass);
    if (countOnes(y) === 0) return { index: m.index, label: m.label, ap: NaN, points: [] };
    const s = scoreColumn(m.scores, nClasses, positiveClass);
    const { precision, recall, thresholds } = precisionRecallCurve(y, s);
    // scikit-learn lists recall decreasing and ends with (0, 1) without a threshold; reverse it.
    const full: PrSeries['points'] = [];
    for (let i = recall.length - 1; i >= 0; i--) {
      full.push({ recall: recall[i], precision: precision[i], threshold: i < thresholds.length ? thresholds[i] : null });
    }
    return { index: m.index, label: m.label, ap: averagePrecision(y, s), points: evenlySpacedIndices(full.length, maxPoints).map((i) => full[i]) };
  });
  const first = methods[0];
  const prevalence = first === undefined ? NaN : countOnes(oneVsRest(first.yTrue, positiveClass)) / first.yTrue.length;
  return { positiveClass, prevalence, series };
}
