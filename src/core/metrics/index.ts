/**
 * Evaluation metrics for imbalanced classification, matching scikit-learn 1.2.1 and
 * imbalanced-learn 0.10 (checked against `shared/fixtures/metrics.json` and `roc_hull.json`).
 * Pure functions over plain arrays: they run in a worker, in Node and on the main thread.
 */
export type { LabelArray, ScoreArray } from './validate';
export { argmaxRows, confusionMatrix } from './confusion';
export type { PerClassMetrics } from './classification';
export {
  accuracy,
  balancedAccuracy,
  f1Macro,
  f1PerClass,
  f1Positive,
  f1Weighted,
  gmeanBinary,
  gmeanMulticlass,
  mcc,
  perClassMetrics,
  precisionPerClass,
  recallPerClass,
  specificityPerClass,
  supportPerClass,
} from './classification';
export type { PrecisionRecallCurve, RocCurve, RocCurveOptions } from './ranking';
export {
  averagePrecision,
  averagePrecisionMacro,
  averagePrecisionPerClass,
  precisionRecallCurve,
  rocAucBinary,
  rocAucOvoHandTill,
  rocAucOvr,
  rocCurve,
  scoreColumn,
} from './ranking';
export type { CalibrationResult, LogLossOptions, ReliabilityBin } from './probabilistic';
export { brierMulticlass, ece, expectedCalibrationError, logLoss } from './probabilistic';
export type { RocPoint } from './hull';
export { rocConvexHull } from './hull';
export type { MetricSummary, SummaryOptions } from './summary';
export { summarizeClassification } from './summary';
export { meanStd, metricSpread, SPREAD_METRICS, type MeanStd, type SpreadMetric } from './spread';
export { METRIC_NAMES } from './metricNames';
export { metricsReport, type MetricsReport } from './report';
export { cohenKappa, indexBalancedAccuracy } from './classification';
