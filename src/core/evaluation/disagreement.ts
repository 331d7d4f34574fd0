/**
 * Do the metrics agree on which method is best? Accuracy rewards the majority class; the balanced
 * metrics do not, and under imbalance they often rank methods differently. This builds the
 * rank table and Kendall's tau of every metric's ranking against accuracy's.
 */
import { ConfigError, got } from '../errors';

export const RANKED_METRICS = ['accuracy', 'balancedAccuracy', 'f1Macro', 'gmean', 'mcc', 'rocAuc', 'averagePrecision'] as const;
export type RankedMetric = (typeof RANKED_METRICS)[number];

export interface MetricRanking {
  /** The columns, in RANKED_METRICS order. */
  metrics: RankedMetric[];
  /** values[j] and ranks[j] refer to metrics[j]; rank 1 is best. */
  methods: { index: number; label: string; values: number[]; ranks: number[] }[];
  /** Kendall's tau-b between the accuracy ranking and metric j's (NaN when either ranking is all ties). */
  kendallTauVsAccuracy: number[];
  /** True when no method that is best under metric j is also best under accuracy. */
  disagrees: boolean[];
}

/**
 * Fractional ranks, 1 = highest value: tied values share the mean of the ranks they span, NaN
 * values come after every number (tied among themselves).
 */
function rankDescending(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => {
    const na = Number.isNaN(values[a]);
    const nb = Number.isNaN(values[b]);
    if (na !== nb) return na ? 1 : -1;
    return na ? 0 : values[b] - values[a];
  });
  const same = (a: number, b: number): boolean => values[a] === values[b] || (Number.isNaN(values[a]) && Number.isNaN(values[b]));
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && same(order[end], order[start])) end++;
    const mean = (start + 1 + end) / 2; // ranks start+1 .. end
    for (let r = start; r < end; r++) ranks[order[r]] = mean;
    start = end;
  }
  return ranks;
}

/**
 * Kendall's tau-b = (n_c − n_d) / √((n_0 − n_1)(n_0 − n_2)), n_0 = n(n − 1)/2, n_c / n_d the
 * concordant / discordant pairs, n_1 / n_2 the pairs tied in x / in y. NaN when a denominator
 * factor is 0 (fewer than two items, or one ranking all ties), as scipy.stats.kendalltau.
 *
 * @see Kendall 1945, "The treatment of ties in ranking problems", Biometrika 33
 */
function kendallTauB(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign(x[i] - x[j]);
      const dy = Math.sign(y[i] - y[j]);
      if (dx === 0) tiesX++;
      if (dy === 0) tiesY++;
      if (dx * dy > 0) concordant++;
      else if (dx * dy < 0) discordant++;
    }
  }
  const n0 = (n * (n - 1)) / 2;
  const denom = Math.sqrt((n0 - tiesX) * (n0 - tiesY));
  return denom > 0 ? (concordant - discordant) / denom : NaN;
}

/**
 * Ranks every method under each metric in RANKED_METRICS (higher is better for all of them;
 * rank 1 = best, ties share their mean rank, NaN ranks last), Kendall's tau-b of each metric's
 * ranking against accuracy's, and whether the best method changes: `disagrees[j]` is true when
 * the methods ranked first under metric j and those ranked first under accuracy have none in
 * common (false when either has no numeric value).
 *
 * @throws ConfigError when a row lacks one of the metrics or has a non-number there.
 * @see Kendall 1945, "The treatment of ties in ranking problems", Biometrika 33
 * @see Luque et al. 2019, "The impact of class imbalance in classification performance metrics
 *   based on the binary confusion matrix", Pattern Recognition 91
 */
export function metricRanking(rows: readonly { index: number; label: string; metrics: Record<RankedMetric, number> }[]): MetricRanking {
  rows.forEach((r, i) => {
    for (const m of RANKED_METRICS) {
      const v: unknown = r.metrics[m];
      if (typeof v !== 'number') {
        throw new ConfigError(`rows[${i}].metrics.${m} must be a number (NaN when undefined). Got ${got(v)} instead.`, `rows[${i}].metrics.${m}`);
      }
    }
  });
  const metrics = [...RANKED_METRICS];
  const columns = metrics.map((m) => rows.map((r) => r.metrics[m]));
  const rankColumns = columns.map(rankDescending);
  const best = columns.map((col) => {
    const top = Math.max(...col.filter((v) => !Number.isNaN(v)));
    return new Set(col.flatMap((v, i) => (v === top ? [i] : [])));
  });
  return {
    metrics,
    methods: rows.map((r, i) => ({ index: r.index, label: r.label, values: columns.map((c) => c[i]), ranks: rankColumns.map((c) => c[i]) })),
    kendallTauVsAccuracy: rankColumns.map((ranks) => kendallTauB(rankColumns[0], ranks)),
    disagrees: best.map((b) => b.size > 0 && best[0].size > 0 && ![...b].some((i) => best[0].has(i))),
  };
}
