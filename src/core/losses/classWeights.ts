/**
 * Per-class weight schemes for the loss family, from the training class counts n_c. Only the
 * ratios matter (the loss is a weighted mean), so each scheme is normalised to mean 1 over the
 * classes present. A class with no training rows gets weight 0.
 */
import { ConfigError, DataError, got } from '../errors';

export type WeightScheme = 'inverse' | 'inverse-sqrt' | 'effective-number';

function checkCounts(counts: readonly number[]): void {
  if (counts.some((c) => !Number.isInteger(c) || c < 0) || counts.every((c) => c === 0)) {
    throw new DataError(`Class counts must be non-negative integers with at least one sample. Got ${got(counts)} instead.`);
  }
}

function meanOne(w: number[]): number[] {
  const present = w.filter((v) => v > 0);
  const mean = present.reduce((a, b) => a + b, 0) / present.length;
  return w.map((v) => v / mean);
}

/**
 * - inverse: w_c ∝ 1 / n_c (scikit-learn's class_weight='balanced' up to a constant; King & Zeng 2001).
 * - inverse-sqrt: w_c ∝ 1 / √n_c, a milder re-weighting (Mahajan et al. 2018; Mikolov et al. 2013).
 * - effective-number: w_c ∝ (1 − β) / (1 − β^{n_c}), the inverse of the "effective number of
 *   samples" E_n = (1 − β^n)/(1 − β); β → 0 gives equal weights, β → 1 the inverse frequency.
 * @see Cui, Jia, Lin, Song & Belongie 2019, Class-Balanced Loss Based on Effective Number of Samples, CVPR
 * @throws ConfigError for β outside [0, 1); DataError for bad counts.
 */
export function classWeightsFor(counts: readonly number[], scheme: WeightScheme, beta = 0.999): number[] {
  checkCounts(counts);
  if (scheme === 'effective-number' && !(typeof beta === 'number' && beta >= 0 && beta < 1)) {
    throw new ConfigError(`beta must be a number in [0, 1). Got ${got(beta)} instead.`, 'beta');
  }
  const raw = counts.map((n) => {
    if (n === 0) return 0;
    if (scheme === 'inverse') return 1 / n;
    if (scheme === 'inverse-sqrt') return 1 / Math.sqrt(n);
    return (1 - beta) / (1 - beta ** n);
  });
  return meanOne(raw);
}

/**
 * LDAM margins Δ_c = m_max · n_c^{−1/4} / max_k n_k^{−1/4}: the rarest class gets margin m_max.
 * @see Cao, Wei, Gaidon, Arechiga & Ma 2019, Learning Imbalanced Datasets with Label-Distribution-Aware Margin Loss, NeurIPS
 */
export function ldamMargins(counts: readonly number[], maxMargin: number): number[] {
  checkCounts(counts);
  const raw = counts.map((n) => (n > 0 ? n ** -0.25 : 0));
  const top = Math.max(...raw);
  return raw.map((v) => (maxMargin * v) / top);
}

/** log π_c with π_c = n_c / n (class priors of the training rows); −∞ never appears: absent classes get log(1/(2n)). */
export function logPriors(counts: readonly number[]): number[] {
  checkCounts(counts);
  const n = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => Math.log((c > 0 ? c : 0.5) / n));
}
