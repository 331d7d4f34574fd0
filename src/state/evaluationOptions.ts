/**
 * The evaluation views' options and their validation, apart from the selectors (evaluation.ts) so
 * the store does not pull the view builders into the first page load.
 */
import { ConfigError, got } from '../core/errors';
import { SPREAD_METRICS, type SpreadMetric } from '../core/metrics/spread';

/** The evaluation views, one shown at a time (each is a chart that costs a main-thread task to mount). */
export const EVALUATION_TABS = ['ranking', 'head-to-tail', 'roc', 'pr', 'threshold', 'calibration'] as const;
export type EvaluationTab = (typeof EVALUATION_TABS)[number];

export interface EvaluationOptions {
  /** Which evaluation view is open. */
  tab: EvaluationTab;
  /** One-vs-rest class of the ROC / PR views (two classes: the positive class); null = the minority class. */
  rocClass: number | null;
  /** Cost of a false negative relative to a false positive (iso-performance lines, cost-optimal threshold). */
  costRatio: number;
  /** Prior of the positive class for the iso-performance lines; null = its prevalence in the test split. */
  prior: number | null;
  /** Threshold explorer: which method (null = the first finished one) and the positive-class threshold. */
  thresholdMethod: number | null;
  threshold: number;
  /** Confusion matrices as counts or as row-normalised rates. */
  confusionMode: 'counts' | 'rows';
  /** The metric the significance marks compare (mean over splits). */
  significanceMetric: SpreadMetric;
  /** Many-shot: more than `many` training rows; few-shot: fewer than `few`. null: the literature's 100 / 20, scaled down for small data. */
  shotThresholds: { many: number; few: number } | null;
  /** The confusion-matrix cell whose test rows are listed (null: none). */
  cell: { method: number; actual: number; predicted: number } | null;
}

export const DEFAULT_EVALUATION: EvaluationOptions = {
  tab: 'ranking',
  rocClass: null,
  costRatio: 1,
  prior: null,
  thresholdMethod: null,
  threshold: 0.5,
  confusionMode: 'counts',
  significanceMetric: 'balancedAccuracy',
  cell: null,
  shotThresholds: null,
};

/** Validates a patch of options. @throws ConfigError naming the option and its valid range. */
export function checkEvaluationPatch(patch: Partial<EvaluationOptions>): void {
  if (patch.costRatio !== undefined && !(Number.isFinite(patch.costRatio) && patch.costRatio > 0 && patch.costRatio <= 1000)) {
    throw new ConfigError(`The cost ratio (false negative : false positive) must be a number above 0 and at most 1000. Got ${got(patch.costRatio)} instead.`, 'costRatio');
  }
  if (patch.prior !== undefined && patch.prior !== null && !(patch.prior > 0 && patch.prior < 1)) {
    throw new ConfigError(`The positive-class prior must be a number strictly between 0 and 1. Got ${got(patch.prior)} instead.`, 'prior');
  }
  if (patch.threshold !== undefined && !(patch.threshold >= 0 && patch.threshold <= 1)) {
    throw new ConfigError(`The threshold must be a number between 0 and 1. Got ${got(patch.threshold)} instead.`, 'threshold');
  }
  if (patch.tab !== undefined && !EVALUATION_TABS.includes(patch.tab)) {
    throw new ConfigError(`The evaluation view must be one of ${EVALUATION_TABS.join(', ')}. Got ${got(patch.tab)} instead.`, 'tab');
  }
  if (patch.shotThresholds) {
    const { many, few } = patch.shotThresholds;
    if (!(Number.isFinite(many) && Number.isFinite(few) && few >= 0 && few <= many)) {
      throw new ConfigError(`The shot thresholds need 0 ≤ few ≤ many (few-shot: fewer than 'few' training rows; many-shot: more than 'many'). Got many ${got(many)}, few ${got(few)} instead.`, 'shotThresholds');
    }
  }
  if (patch.cell) {
    const { method, actual, predicted } = patch.cell;
    if (![method, actual, predicted].every((v) => Number.isInteger(v) && v >= 0)) {
      throw new ConfigError(`A confusion cell is a method index and two class indices (integers ≥ 0). Got ${got(patch.cell)} instead.`, 'cell');
    }
  }
  if (patch.significanceMetric !== undefined && !SPREAD_METRICS.includes(patch.significanceMetric)) {
    throw new ConfigError(`The significance metric must be one of ${SPREAD_METRICS.join(', ')}. Got ${got(patch.significanceMetric)} instead.`, 'significanceMetric');
  }
}
