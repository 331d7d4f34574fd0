/**
 * How each summary metric is named wherever it is shown — the metrics table, the evaluation views,
 * saved-run comparisons, reports — in one place: `name` in full, `short` for narrow table columns,
 * `help` for a tooltip.
 */
import type { SpreadMetric } from './spread';

export const METRIC_NAMES: Readonly<Record<SpreadMetric, { name: string; short: string; help: string }>> = {
  accuracy: { name: 'accuracy', short: 'accuracy', help: 'Share of test rows predicted correctly. Misleading under imbalance.' },
  balancedAccuracy: { name: 'balanced accuracy', short: 'balanced acc.', help: 'Mean of per-class recalls.' },
  f1Macro: { name: 'macro-F1', short: 'macro-F1', help: 'Unweighted mean of per-class F1.' },
  f1Weighted: { name: 'weighted F1', short: 'weighted F1', help: 'Mean of per-class F1 weighted by each class’s test rows.' },
  gmean: { name: 'G-mean', short: 'G-mean', help: 'Geometric mean of per-class recalls (0 if any class is never found).' },
  mcc: { name: 'MCC', short: 'MCC', help: 'Matthews correlation coefficient: the correlation between predicted and true classes, from −1 to 1.' },
  minorityRecall: { name: 'minority recall', short: 'minority recall', help: 'Recall of the class with the fewest training rows.' },
  rocAuc: { name: 'ROC AUC', short: 'ROC AUC', help: 'Binary AUC, or one-vs-rest macro AUC for more classes. — when the test split lacks a class.' },
  averagePrecision: { name: 'PR AUC (AP)', short: 'PR AUC (AP)', help: 'Average precision: the area under the precision–recall curve, as scikit-learn computes it.' },
};
