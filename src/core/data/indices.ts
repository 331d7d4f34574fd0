/**
 * Index helpers shared by the generators, the split and the resamplers.
 */
import type { Rng } from '../random';
import type { Labels } from '../types';

/** [0, 1, …, n − 1] as an Int32Array. */
export function range(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/**
 * `k` distinct elements of `pool`, uniformly at random, in random order (a partial Fisher–Yates
 * shuffle of a copy: O(|pool|) memory, k draws). Does not modify `pool`.
 * Requires 0 <= k <= pool.length.
 */
export function sampleWithoutReplacement(pool: ArrayLike<number>, k: number, rng: Rng): Int32Array {
  const a = Int32Array.from(pool);
  const n = a.length;
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a.slice(0, k);
}

/** `k` elements of `pool` drawn independently and uniformly (with replacement). */
export function sampleWithReplacement(pool: ArrayLike<number>, k: number, rng: Rng): Int32Array {
  const out = new Int32Array(k);
  for (let i = 0; i < k; i++) out[i] = pool[rng.int(pool.length)];
  return out;
}

/** Row indices of each class 0..nClasses−1, ascending. Labels outside the range are ignored. */
export function rowsByClass(y: Labels, nClasses: number): Int32Array[] {
  const counts = new Int32Array(nClasses);
  for (let i = 0; i < y.length; i++) if (y[i] >= 0 && y[i] < nClasses) counts[y[i]]++;
  const out = Array.from(counts, (n) => new Int32Array(n));
  const fill = new Int32Array(nClasses);
  for (let i = 0; i < y.length; i++) {
    const c = y[i];
    if (c >= 0 && c < nClasses) out[c][fill[c]++] = i;
  }
  return out;
}
