/**
 * Training one variant of the SMOTE paper's sweep (the grid and the view: sweepGrid.ts).
 * @see Chawla, Bowyer, Hall & Kegelmeyer 2002, SMOTE: Synthetic Minority Over-sampling Technique, JAIR 16
 */
import { ConfigError } from '../errors';
import { runMethod, type PreparedExperiment, type RunMethodOptions } from '../experiment';
import type { MethodSpec } from '../methods';
import type { SweepPoint, SweepVariant } from './sweepGrid';

export * from './sweepGrid';

/** The method spec of a variant: the registry's SMOTE + random under-sampling resampler. */
export function variantMethod(v: SweepVariant, kNeighbors = 5): MethodSpec {
  return { id: 'smote-rus', params: { smotePercent: v.smotePercent, underPercent: v.underPercent, kNeighbors } } as MethodSpec;
}

/**
 * Trains the classifier of one variant on split `prep` (the experiment's model and seed) and
 * returns its operating point. Data problems become `error` on the point; cancellation throws.
 * @throws ConfigError unless the data has exactly two classes.
 */
export async function runSweepVariant(prep: PreparedExperiment, v: SweepVariant, opts: Pick<RunMethodOptions, 'signal' | 'now'> = {}): Promise<SweepPoint> {
  if (prep.nClasses !== 2) {
    throw new ConfigError(`The SMOTE paper's sweep is defined for two classes (minority against majority); this data has ${prep.nClasses}. Got ${prep.nClasses} classes instead.`);
  }
  const method = variantMethod(v);
  const single: PreparedExperiment = { ...prep, config: { ...prep.config, methods: [method] } };
  const r = await runMethod(single, 0, { ...opts, gridResolution: 0 });
  if (r.status === 'error' || !r.metrics) return { ...v, fpr: NaN, tpr: NaN, auc: NaN, trainCounts: r.trainCountsAfter, error: r.error?.message ?? 'failed' };
  const m = prep.minorityClass;
  const cm = r.metrics.confusion;
  const other = 1 - m;
  const positives = cm[m][0] + cm[m][1];
  const negatives = cm[other][0] + cm[other][1];
  return {
    ...v,
    tpr: positives > 0 ? cm[m][m] / positives : NaN,
    fpr: negatives > 0 ? cm[other][m] / negatives : NaN,
    auc: r.metrics.rocAuc,
    trainCounts: r.trainCountsAfter,
  };
}

