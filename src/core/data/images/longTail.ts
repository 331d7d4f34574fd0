/**
 * Long-tailed training sets from balanced data, the CIFAR-10-LT / CIFAR-100-LT protocol: set aside
 * a balanced test set first, then sub-sample each class of the rest to a long-tail profile, so a
 * method is judged on every class equally although it trained on few tail examples.
 * Works on any labels (image or tabular).
 *
 * @see Cao, Wei, Gaidon, Arechiga & Ma 2019, Learning Imbalanced Datasets with Label-Distribution-Aware Margin Loss, NeurIPS (the LT protocol and its `get_img_num_per_cls`)
 * @see Cui, Jia, Lin, Song & Belongie 2019, Class-Balanced Loss Based on Effective Number of Samples, CVPR
 * @see Buda, Maki & Mazurowski 2018, A systematic study of the class imbalance problem in CNNs, Neural Networks 106 (step imbalance)
 */
import { ConfigError, DataError, got } from '../../errors';
import type { Rng } from '../../random';
import type { Labels } from '../../types';
import { rowsByClass } from '../indices';
import { assertLabels } from '../validate';

export type LongTailProfile = 'exponential' | 'step';

export interface LongTailCountOptions {
  profile: LongTailProfile;
  /** Head size / tail size, ≥ 1 (1 = balanced). CIFAR-LT uses 10, 50, 100, 200. */
  imbalanceFactor: number;
  /** Step profile only: μ, the fraction of classes that are minority (tail) classes, in (0, 1). Default 0.5. */
  stepMinorityFraction?: number;
}

function isPositiveInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1;
}

function validateCountOptions(opts: LongTailCountOptions): void {
  if (opts.profile !== 'exponential' && opts.profile !== 'step') {
    throw new ConfigError(`profile must be 'exponential' or 'step'. Got ${got(opts.profile)} instead.`, 'profile');
  }
  const f = opts.imbalanceFactor;
  if (typeof f !== 'number' || !Number.isFinite(f) || f < 1) {
    throw new ConfigError(`imbalanceFactor must be a finite number of at least 1 (head size / tail size; 1 keeps the classes balanced). Got ${got(f)} instead.`, 'imbalanceFactor');
  }
  const mu = opts.stepMinorityFraction;
  if (mu !== undefined && (typeof mu !== 'number' || !(mu > 0 && mu < 1))) {
    throw new ConfigError(
      `stepMinorityFraction must be a fraction greater than 0 and less than 1 (the share of tail classes, μ in Buda et al. 2018). Got ${got(mu)} instead.`,
      'stepMinorityFraction',
    );
  }
}

/**
 * Images per class, head first.
 *
 * - exponential: n_i = ⌊nMax · factor^(−i/(C−1))⌋, at least 1 (Cao et al. 2019; Cui et al. 2019).
 *   Computed as `nMax * (1/factor) ** (i/(C−1))` like the reference code, so nMax 5000 and factor
 *   100 give CIFAR-10-LT's 5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50.
 * - step: the first ⌊C·(1−μ)⌋ classes (at least one) keep nMax, the rest get ⌊nMax / factor⌋,
 *   at least 1 (Buda et al. 2018; μ = stepMinorityFraction, default 0.5).
 *
 * Non-increasing in i; factor 1 gives nMax for every class.
 *
 * @throws ConfigError for a non-integer nMax or nClasses, factor < 1, an unknown profile, or μ outside (0, 1).
 */
export function longTailCounts(nMax: number, nClasses: number, opts: LongTailCountOptions): number[] {
  if (!isPositiveInteger(nMax)) throw new ConfigError(`nMax (images in the head class) must be a positive integer. Got ${got(nMax)} instead.`, 'nMax');
  if (!isPositiveInteger(nClasses)) throw new ConfigError(`nClasses must be a positive integer. Got ${got(nClasses)} instead.`, 'nClasses');
  validateCountOptions(opts);
  const { imbalanceFactor: factor } = opts;
  if (opts.profile === 'step') {
    const head = Math.max(1, Math.floor(nClasses * (1 - (opts.stepMinorityFraction ?? 0.5))));
    const tail = Math.max(1, Math.floor(nMax / factor));
    return Array.from({ length: nClasses }, (_, i) => (i < head ? nMax : tail));
  }
  if (nClasses === 1) return [nMax];
  return Array.from({ length: nClasses }, (_, i) => Math.max(1, Math.floor(nMax * (1 / factor) ** (i / (nClasses - 1)))));
}

export interface LongTailOptions extends LongTailCountOptions {
  /** Rows per class set aside for the balanced test set (0 for none). */
  testPerClass: number;
  /** Class indices head first (default 0, 1, …, C−1): a permutation of 0..C−1. */
  classOrder?: readonly number[];
  /** Used in error messages (default 'c0', 'c1', …). */
  classNames?: readonly string[];
}

export interface LongTailSplit {
  /** Training rows, ascending. */
  train: Int32Array;
  /** Balanced test rows, ascending; disjoint from `train`. */
  test: Int32Array;
  /** Training rows per class index (not per rank). */
  trainCounts: number[];
  /** Test rows per class index: testPerClass each. */
  testCounts: number[];
  /** Training size of the head class. */
  nMax: number;
}

/**
 * Balanced test set + long-tailed training set.
 *
 * 1. Each class's rows are shuffled with its own stream `rng.fork('long-tail:<class>')`; the first
 *    `testPerClass` go to test.
 * 2. nMax is the largest head size (at most what the head class has left) for which every class
 *    has enough rows left for its `longTailCounts` share, so the counts keep the profile's shape
 *    even when the input is not balanced (for balanced input it is simply what the head has left).
 * 3. Each class's training rows are the next n_i of its shuffled rows.
 *
 * @throws DataError when a label is outside [0, nClasses) or a class has fewer than testPerClass + 1
 *   rows (the message names the class and the largest testPerClass that would work).
 * @throws ConfigError for invalid options or a classOrder that is not a permutation of 0..C−1.
 */
export function buildLongTail(y: Labels, nClasses: number, opts: LongTailOptions, rng: Rng): LongTailSplit {
  if (!isPositiveInteger(nClasses)) throw new ConfigError(`nClasses must be a positive integer. Got ${got(nClasses)} instead.`, 'nClasses');
  validateCountOptions(opts);
  const t = opts.testPerClass;
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 0) {
    throw new ConfigError(`testPerClass must be a non-negative integer (rows per class in the balanced test set). Got ${got(t)} instead.`, 'testPerClass');
  }
  const order = opts.classOrder ? Array.from(opts.classOrder) : Array.from({ length: nClasses }, (_, c) => c);
  const sorted = order.slice().sort((a, b) => a - b);
  if (order.length !== nClasses || sorted.some((c, i) => c !== i)) {
    throw new ConfigError(`classOrder must list every class index 0..${nClasses - 1} exactly once, head first. Got ${got(opts.classOrder)} instead.`, 'classOrder');
  }
  assertLabels(y, y.length, nClasses);
  const name = (c: number) => `'${opts.classNames?.[c] ?? `c${c}`}'`;
  const byClass = rowsByClass(y, nClasses);
  let smallest = 0;
  for (let c = 1; c < nClasses; c++) if (byClass[c].length < byClass[smallest].length) smallest = c;
  const min = byClass[smallest].length;
  if (min < t + 1) {
    const fix = min >= 1 ? `Use testPerClass ${min - 1} or less (the smallest class, ${name(smallest)}, has ${min} row${min === 1 ? '' : 's'})` : 'Remove that class or add data to it';
    throw new DataError(
      `Class ${name(smallest)} has ${min} row${min === 1 ? '' : 's'}, but testPerClass ${t} needs ${t + 1} per class (${t} for the balanced test set and at least 1 for training). ${fix}. Got testPerClass ${t} instead.`,
    );
  }

  const shuffled = byClass.map((rows, c) => rng.fork(`long-tail:${c}`).shuffle(rows.slice()));
  const left = order.map((c) => byClass[c].length - t);
  const fits = (n: number) => longTailCounts(n, nClasses, opts).every((k, r) => k <= left[r]);
  let lo = 1; // always fits: every count is at least 1 and every class has at least 1 row left
  let hi = left[0];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  const counts = longTailCounts(lo, nClasses, opts);

  const train: number[] = [];
  const test: number[] = [];
  const trainCounts = new Array<number>(nClasses).fill(0);
  const testCounts = new Array<number>(nClasses).fill(0);
  order.forEach((c, r) => {
    const rows = shuffled[c];
    for (let i = 0; i < t; i++) test.push(rows[i]);
    for (let i = t; i < t + counts[r]; i++) train.push(rows[i]);
    trainCounts[c] = counts[r];
    testCounts[c] = t;
  });
  return { train: Int32Array.from(train).sort(), test: Int32Array.from(test).sort(), trainCounts, testCounts, nMax: lo };
}
