/**
 * Class sizes of a synthetic dataset: a binary split at a given imbalance ratio, or a long-tailed
 * multi-class profile.
 */
import type { SyntheticSpec } from './generators';
import { validateSyntheticSpec } from './syntheticSpec';

/**
 * Relative class sizes of a long-tailed profile, head first (w_0 = 1).
 *
 * - exponential: w_c = IR^(−c/(C−1)), so w_0 / w_{C−1} = IR (Cui et al. 2019; Cao et al. 2019).
 * - step: the first ⌈C/2⌉ classes get weight 1, the others 1/IR (Buda et al. 2018).
 *
 * @see Cui, Jia, Lin, Song & Belongie 2019, Class-Balanced Loss Based on Effective Number of Samples, CVPR
 * @see Cao, Wei, Gaidon, Arechiga & Ma 2019, Learning Imbalanced Datasets with Label-Distribution-Aware Margin Loss, NeurIPS
 * @see Buda, Maki & Mazurowski 2018, A systematic study of the class imbalance problem in CNNs, Neural Networks 106
 */
export function longTailWeights(classes: number, imbalanceRatio: number, profile: 'exponential' | 'step'): number[] {
  const w: number[] = [];
  const head = Math.ceil(classes / 2);
  for (let c = 0; c < classes; c++) {
    w.push(profile === 'exponential' ? Math.pow(imbalanceRatio, -c / (classes - 1)) : c < head ? 1 : 1 / imbalanceRatio);
  }
  return w;
}

/**
 * Scales weights to integer counts that sum exactly to `n` by largest-remainder (Hamilton)
 * rounding, ties to the lower class index; then lifts every empty class to 1 by taking from the
 * currently largest class (the last of equally large ones, which keeps the order). Requires
 * n >= weights.length. Non-increasing weights give non-increasing counts.
 */
export function apportion(n: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (n * w) / total);
  const counts = raw.map((r) => Math.floor(r));
  let left = n - counts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, c) => ({ c, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.c - b.c);
  for (let i = 0; left > 0; i = (i + 1) % order.length, left--) counts[order[i].c]++;
  for (let c = 0; c < counts.length; c++) {
    if (counts[c] > 0) continue;
    let big = 0;
    for (let j = 1; j < counts.length; j++) if (counts[j] >= counts[big]) big = j;
    counts[big]--;
    counts[c]++;
  }
  return counts;
}

/**
 * Number of points per class, class 0 the largest.
 *
 * - 2 classes: minority = clamp(round(n / (1 + IR)), 1, ⌊n/2⌋), majority = n − minority, so
 *   majority / minority ≈ IR (the clamp keeps class 0 the larger one when IR is close to 1 and n is odd).
 * - C > 2: `apportion(n, longTailWeights(C, IR, profile))`, so largest / smallest ≈ IR up to
 *   rounding, every class has at least one point and the counts sum exactly to n.
 *
 * @param spec only `n`, `classes`, `imbalanceRatio` and `profile` matter, but the whole spec is validated.
 * @throws ConfigError when the spec is invalid (see `validateSyntheticSpec`).
 */
export function classCounts(spec: SyntheticSpec): number[] {
  validateSyntheticSpec(spec);
  const { n, classes, imbalanceRatio } = spec;
  if (classes === 2) {
    const minority = Math.min(Math.floor(n / 2), Math.max(1, Math.round(n / (1 + imbalanceRatio))));
    return [n - minority, minority];
  }
  return apportion(n, longTailWeights(classes, imbalanceRatio, spec.profile));
}
