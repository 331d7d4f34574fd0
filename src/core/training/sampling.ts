/**
 * Class-aware batch sampling: which training rows one epoch visits, in order. With class counts
 * n_c and q ≥ 0, a class is drawn with probability p_c ∝ n_c^q and then one of its rows uniformly:
 *
 *   instance (q = 1):          every row equally likely — the usual shuffle (no replacement)
 *   class-balanced (q = 0):    every class equally likely
 *   square-root (q = ½):       in between (Mahajan et al. 2018; Mikolov et al. 2013)
 *   progressively-balanced:    p_c(t) = (1 − t/T)·p_c^{instance} + (t/T)·p_c^{balanced} over the
 *                              epochs t = 0..T−1, from instance to class-balanced
 *
 * An epoch draws as many rows as the training set has (with replacement, except for instance
 * sampling), so the epoch length and the step count do not change with the scheme.
 * @see Kang, Xie, Rohrbach, Yan, Gordo, Feng & Kalantidis 2020, Decoupling Representation and Classifier for Long-Tailed Recognition, ICLR
 */
import { ConfigError, got } from '../errors';
import type { Rng } from '../random';
import type { Labels } from '../types';

export type SamplingScheme = 'instance' | 'class-balanced' | 'square-root' | 'progressive';
export const SAMPLING_SCHEMES: readonly SamplingScheme[] = ['instance', 'class-balanced', 'square-root', 'progressive'];

/** p_c of the scheme at epoch `epoch` (0-based) of `epochs`. */
export function classProbabilities(counts: readonly number[], scheme: SamplingScheme, epoch = 0, epochs = 1): number[] {
  const n = counts.reduce((a, b) => a + b, 0);
  const present = counts.filter((c) => c > 0).length;
  const instance = counts.map((c) => c / n);
  const balanced = counts.map((c) => (c > 0 ? 1 / present : 0));
  if (scheme === 'instance') return instance;
  if (scheme === 'class-balanced') return balanced;
  if (scheme === 'square-root') {
    const s = counts.reduce((a, c) => a + Math.sqrt(c), 0);
    return counts.map((c) => Math.sqrt(c) / s);
  }
  const t = epochs > 1 ? epoch / (epochs - 1) : 1;
  return instance.map((p, c) => (1 - t) * p + t * balanced[c]);
}

/**
 * Row order of one epoch. `order` (length n) is filled in place and returned.
 * @throws ConfigError for an unknown scheme.
 */
export function epochOrder(y: Labels, nClasses: number, scheme: SamplingScheme, epoch: number, epochs: number, rng: Rng, order: Int32Array): Int32Array {
  if (!SAMPLING_SCHEMES.includes(scheme)) throw new ConfigError(`sampling must be one of ${SAMPLING_SCHEMES.join(', ')}. Got ${got(scheme)} instead.`, 'sampling');
  const n = y.length;
  if (scheme === 'instance') {
    for (let i = 0; i < n; i++) order[i] = i;
    return rng.shuffle(order);
  }
  const byClass: number[][] = Array.from({ length: nClasses }, () => []);
  for (let i = 0; i < n; i++) byClass[y[i]].push(i);
  const p = classProbabilities(byClass.map((r) => r.length), scheme, epoch, epochs);
  const cdf: number[] = [];
  let acc = 0;
  for (const v of p) cdf.push((acc += v));
  for (let k = 0; k < n; k++) {
    const u = rng.next() * acc;
    let c = 0;
    while (c < nClasses - 1 && (u >= cdf[c] || byClass[c].length === 0)) c++;
    const rows = byClass[c];
    order[k] = rows[rng.int(rows.length)];
  }
  return order;
}
