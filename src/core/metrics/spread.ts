/**
 * Mean ± standard deviation of the scalar metrics over the splits of a protocol (repeated
 * hold-out, k-fold cross-validation): what every results table shows when there is more than
 * one split. The standard deviation is the sample one (n − 1), as reported for k-fold estimates;
 * it is 0 for a single split. NaN values (an AUC with a class absent from a fold) are skipped,
 * and `n` says how many values each mean is over.
 */
import type { MetricSummary } from './summary';

export const SPREAD_METRICS = ['accuracy', 'balancedAccuracy', 'f1Macro', 'f1Weighted', 'gmean', 'mcc', 'minorityRecall', 'rocAuc', 'averagePrecision'] as const;
export type SpreadMetric = (typeof SPREAD_METRICS)[number];

export interface MeanStd {
  mean: number;
  std: number;
  n: number;
}

export function metricSpread(summaries: readonly MetricSummary[]): Record<SpreadMetric, MeanStd> {
  const out = {} as Record<SpreadMetric, MeanStd>;
  for (const name of SPREAD_METRICS) out[name] = meanStd(summaries.map((s) => s[name]));
  return out;
}

export function meanStd(values: readonly number[]): MeanStd {
  const finite = values.filter((v) => Number.isFinite(v));
  const n = finite.length;
  if (n === 0) return { mean: NaN, std: NaN, n: 0 };
  const mean = finite.reduce((a, b) => a + b, 0) / n;
  const std = n > 1 ? Math.sqrt(finite.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, std, n };
}
