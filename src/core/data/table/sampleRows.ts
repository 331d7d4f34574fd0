/**
 * Stratified row sample for tables too large to work on whole in a browser tab.
 */
import { ConfigError, got } from '../../errors';
import type { Rng } from '../../random';
import { sampleWithoutReplacement } from '../indices';

export interface StratifiedSampleOptions {
  /** Every class keeps at least min(its size, minPerClass) rows (default 500). */
  minPerClass?: number;
}

/**
 * Row quotas of a stratified sample: class c (of size n_c) gets
 *
 *   q_c = min(n_c, max(f_c, s · n_c)),   f_c = min(n_c, minPerClass),
 *
 * with the largest scale s ≤ 1 for which Σ q_c ≤ maxRows (found by bisection, then rounded down and
 * the leftover rows handed out by largest remainder). So classes keep their proportions except that
 * no class drops below its floor: a minority of 0.17 % in 284,807 rows (492 rows) keeps all 492 rows
 * in a 50,000-row sample instead of the ~86 a purely proportional sample would keep. The sample's class
 * ratio is then less skewed than the file's; the UI says so. When the floors alone exceed maxRows,
 * the floor is lowered until they fit.
 */
export function stratifiedQuotas(sizes: readonly number[], maxRows: number, minPerClass: number): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= maxRows) return sizes.slice();
  let floor = minPerClass;
  const floorSum = (f: number) => sizes.reduce((a, n) => a + Math.min(n, f), 0);
  if (floorSum(floor) > maxRows) {
    // Largest uniform floor that fits.
    let lo = 0;
    let hi = floor;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (floorSum(mid) <= maxRows) lo = mid;
      else hi = mid - 1;
    }
    floor = lo;
  }
  const quota = (s: number) => sizes.map((n) => Math.min(n, Math.max(Math.min(n, floor), s * n)));
  const sum = (s: number) => quota(s).reduce((a, b) => a + b, 0);
  let lo = 0;
  let hi = 1;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (sum(mid) <= maxRows) lo = mid;
    else hi = mid;
  }
  const exact = quota(lo);
  const out = exact.map(Math.floor);
  let left = maxRows - out.reduce((a, b) => a + b, 0);
  const order = exact.map((_, c) => c).sort((a, b) => exact[b] - out[b] - (exact[a] - out[a]) || a - b);
  for (const c of order) {
    if (left <= 0) break;
    if (out[c] < sizes[c]) {
      out[c]++;
      left--;
    }
  }
  return out;
}

/**
 * At most `maxRows` row indices (ascending), drawn per class without replacement (see
 * `stratifiedQuotas` for how many per class). Rows labeled -1 (unlabeled) form their own stratum.
 *
 * @param y class index per row, -1 for unlabeled rows.
 * @throws ConfigError when maxRows is not a positive integer.
 */
export function stratifiedRowSample(y: Int32Array, nClasses: number, maxRows: number, rng: Rng, opts: StratifiedSampleOptions = {}): Int32Array {
  if (!(Number.isInteger(maxRows) && maxRows >= 1)) throw new ConfigError(`maxRows must be a whole number of at least 1. Got ${got(maxRows)} instead.`, 'maxRows');
  const minPerClass = opts.minPerClass ?? 500;
  if (y.length <= maxRows) return Int32Array.from({ length: y.length }, (_, i) => i);
  // Stratum nClasses holds the unlabeled rows.
  const sizes = new Array<number>(nClasses + 1).fill(0);
  for (let i = 0; i < y.length; i++) sizes[y[i] >= 0 && y[i] < nClasses ? y[i] : nClasses]++;
  const members = sizes.map((n) => new Int32Array(n));
  const fill = new Array<number>(nClasses + 1).fill(0);
  for (let i = 0; i < y.length; i++) {
    const c = y[i] >= 0 && y[i] < nClasses ? y[i] : nClasses;
    members[c][fill[c]++] = i;
  }
  const quotas = stratifiedQuotas(sizes, maxRows, minPerClass);
  const parts = members.map((rows, c) => (quotas[c] >= rows.length ? rows : sampleWithoutReplacement(rows, quotas[c], rng)));
  const out = new Int32Array(quotas.reduce((a, b) => a + b, 0));
  let k = 0;
  for (const p of parts) {
    out.set(p, k);
    k += p.length;
  }
  return out.sort();
}
