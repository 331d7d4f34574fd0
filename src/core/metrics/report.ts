/**
 * Every metric of this module for one set of held-out predictions, as one JSON-ready object keyed
 * with the names of `shared/fixtures/metrics.json` (scikit-learn / imbalanced-learn names), plus
 * `cohen_kappa`, `iba_gmean_*`, `reliability_bins`, `roc_curve`, `pr_curve` and `roc_convex_hull`.
 * What the CLI's `score` command prints and what a results file stores per method.
 *
 * Two classes: class 1 is the positive class of the binary metrics and curves. More classes: the
 * curves and hulls are one-vs-rest, one per class; the AUCs are one-vs-rest (macro, weighted) and
 * Hand & Till's one-vs-one.
 */
import { cohenKappa, accuracy, balancedAccuracy, f1Macro, f1PerClass, f1Positive, f1Weighted, gmeanBinary, gmeanMulticlass, indexBalancedAccuracy, mcc, precisionPerClass, recallPerClass, specificityPerClass, supportPerClass } from './classification';
import { argmaxRows, confusionMatrix } from './confusion';
import { rocConvexHull, type RocPoint } from './hull';
import { brierMulticlass, expectedCalibrationError, logLoss, type ReliabilityBin } from './probabilistic';
import { averagePrecision, averagePrecisionMacro, averagePrecisionPerClass, precisionRecallCurve, rocAucBinary, rocAucOvoHandTill, rocAucOvr, rocCurve, scoreColumn, type PrecisionRecallCurve, type RocCurve } from './ranking';
import { checkLabelsAndScores } from './validate';
import type { LabelArray, ScoreArray } from './validate';

export interface MetricsReport {
  n: number;
  n_classes: number;
  confusion_matrix: number[][];
  accuracy: number;
  balanced_accuracy: number;
  precision_per_class: number[];
  recall_per_class: number[];
  f1_per_class: number[];
  support_per_class: number[];
  specificity_per_class: number[];
  f1_macro: number;
  f1_weighted: number;
  gmean_multiclass: number;
  iba_gmean_multiclass: number;
  cohen_kappa: number;
  mcc: number;
  ece_15_bins: number;
  reliability_bins: ReliabilityBin[];
  brier_multiclass: number;
  log_loss: number;
  // Two classes (class 1 positive):
  roc_auc?: number;
  average_precision?: number;
  gmean_binary?: number;
  iba_gmean_binary?: number;
  f1_positive?: number;
  // More classes:
  roc_auc_ovr_macro?: number;
  roc_auc_ovr_weighted?: number;
  roc_auc_ovo_macro_hand_till?: number;
  average_precision_per_class?: number[];
  average_precision_macro?: number;
  /** Two classes: class 1's curve and hull vertices; more: one per class, one-vs-rest. */
  roc_curve: RocCurve | RocCurve[];
  pr_curve: PrecisionRecallCurve | PrecisionRecallCurve[];
  roc_convex_hull: RocPoint[] | RocPoint[][];
}

/** The vertices of the convex hull of one ROC curve's points, as plain {fpr, tpr}. */
function hullOf(curve: RocCurve): RocPoint[] {
  const points: RocPoint[] = [];
  for (let i = 0; i < curve.fpr.length; i++) if (!Number.isNaN(curve.fpr[i]) && !Number.isNaN(curve.tpr[i])) points.push({ fpr: curve.fpr[i], tpr: curve.tpr[i] });
  return rocConvexHull(points).map((p) => ({ fpr: p.fpr, tpr: p.tpr }));
}

/** 0/1 labels of class k against the rest. */
function oneVsRest(yTrue: LabelArray, k: number): Int32Array {
  return Int32Array.from(yTrue, (y) => (y === k ? 1 : 0));
}

/**
 * All metrics of `scores` (row-major n × C probabilities) against `yTrue` (0 … C − 1); the
 * predicted class is the first maximum of each row (as numpy's argmax).
 * @throws ConfigError / DataError on mismatched lengths, labels out of range or non-finite scores.
 */
export function metricsReport(yTrue: LabelArray, scores: ScoreArray, nClasses: number): MetricsReport {
  checkLabelsAndScores(yTrue, scores, nClasses);
  const cm = confusionMatrix(yTrue, argmaxRows(scores, nClasses), nClasses);
  const calibration = expectedCalibrationError(yTrue, scores, nClasses, 15);
  const base = {
    n: yTrue.length,
    n_classes: nClasses,
    confusion_matrix: cm,
    accuracy: accuracy(cm),
    balanced_accuracy: balancedAccuracy(cm),
    precision_per_class: precisionPerClass(cm),
    recall_per_class: recallPerClass(cm),
    f1_per_class: f1PerClass(cm),
    support_per_class: supportPerClass(cm),
    specificity_per_class: specificityPerClass(cm),
    f1_macro: f1Macro(cm),
    f1_weighted: f1Weighted(cm),
    gmean_multiclass: gmeanMulticlass(cm),
    iba_gmean_multiclass: indexBalancedAccuracy(cm, 'multiclass'),
    cohen_kappa: cohenKappa(cm),
    mcc: mcc(cm),
    ece_15_bins: calibration.ece,
    reliability_bins: calibration.bins,
    brier_multiclass: brierMulticlass(yTrue, scores, nClasses),
    log_loss: logLoss(yTrue, scores, nClasses),
  };
  if (nClasses === 2) {
    const positive = scoreColumn(scores, 2, 1);
    const roc = rocCurve(yTrue, positive);
    return {
      ...base,
      roc_auc: rocAucBinary(yTrue, positive),
      average_precision: averagePrecision(yTrue, positive),
      gmean_binary: gmeanBinary(cm),
      iba_gmean_binary: indexBalancedAccuracy(cm, 'binary'),
      f1_positive: f1Positive(cm),
      roc_curve: roc,
      pr_curve: precisionRecallCurve(yTrue, positive),
      roc_convex_hull: hullOf(roc),
    };
  }
  const curves = Array.from({ length: nClasses }, (_, k) => {
    const labels = oneVsRest(yTrue, k);
    const column = scoreColumn(scores, nClasses, k);
    const roc = rocCurve(labels, column);
    return { roc, pr: precisionRecallCurve(labels, column) };
  });
  return {
    ...base,
    roc_auc_ovr_macro: rocAucOvr(yTrue, scores, nClasses, 'macro'),
    roc_auc_ovr_weighted: rocAucOvr(yTrue, scores, nClasses, 'weighted'),
    roc_auc_ovo_macro_hand_till: rocAucOvoHandTill(yTrue, scores, nClasses),
    average_precision_per_class: averagePrecisionPerClass(yTrue, scores, nClasses),
    average_precision_macro: averagePrecisionMacro(yTrue, scores, nClasses),
    roc_curve: curves.map((c) => c.roc),
    pr_curve: curves.map((c) => c.pr),
    roc_convex_hull: curves.map((c) => hullOf(c.roc)),
  };
}
