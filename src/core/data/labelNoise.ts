/**
 * Symmetric label noise (annotation errors).
 */
import type { Rng } from '../random';
import type { Labels } from '../types';
import { range, sampleWithoutReplacement } from './indices';

/**
 * Returns a copy of `y` in which exactly round(fraction · n) rows, chosen uniformly without
 * replacement, get a different class drawn uniformly from the other C − 1 classes
 * (uniform / symmetric label noise, Frénay & Verleysen 2014). Does not modify `y`.
 *
 * @param fraction in [0, 1]; the caller validates the product range (the generators allow 0..0.5).
 * @returns the noisy labels and the flipped row indices (ascending).
 * @see Frénay & Verleysen 2014, Classification in the Presence of Label Noise: a Survey, IEEE TNNLS 25(5)
 */
export function flipLabels(y: Labels, nClasses: number, fraction: number, rng: Rng): { y: Labels; flipped: Int32Array } {
  const out = y.slice();
  const m = Math.round(fraction * y.length);
  const flipped = sampleWithoutReplacement(range(y.length), m, rng);
  for (let t = 0; t < m; t++) {
    const i = flipped[t];
    out[i] = (y[i] + 1 + rng.int(nClasses - 1)) % nClasses;
  }
  return { y: out, flipped: flipped.sort() };
}
