/**
 * Evaluation protocols beyond the single stratified hold-out (`split.ts`): stratified k-fold
 * cross-validation, repeated cross-validation with a validation split carved from each training
 * part, repeated hold-out, and the class-balanced test split of long-tailed recognition.
 *
 * Every function returns ascending Int32Array row indices, draws all randomness from the `rng`
 * argument (same seed → same output) and never mutates its inputs. Repeat r always draws from
 * `rng.fork(`repeat:${r}`)`, so asking for more repeats never changes the earlier ones.
 */
import { ConfigError, DataError, got } from '../errors';
import type { Rng } from '../random';
import type { Labels } from '../types';
import { rowsByClass } from './indices';
import { stratifiedSplit, validateSplitFractions, type SplitFractions, type SplitIndices } from './split';
import { assertAtLeastTwoClasses, assertLabels } from './validate';

export interface CrossValidationOptions {
  /** Number of folds k, an integer ≥ 2. */
  folds: number;
  /** Fraction of each training part (the rows outside the test fold) held out for validation, in [0, 0.5). */
  validation: number;
  /** Number of independent repetitions of the whole k-fold partition, an integer ≥ 1. */
  repeats: number;
}

/** One train / validation / test split of a cross-validation run. `test` is fold `fold` of repeat `repeat`. */
export interface CrossValidationSplit extends SplitIndices {
  repeat: number;
  fold: number;
}

export interface RepeatedHoldoutOptions extends SplitFractions {
  /** Number of independent hold-out splits, an integer ≥ 1. */
  repeats: number;
}

/** One split of a repeated hold-out. */
export interface HoldoutRepeat extends SplitIndices {
  repeat: number;
}

export interface BalancedTestOptions {
  /** Rows of every class in the test split, an integer ≥ 1. */
  testPerClass: number;
  /** Fraction of the remaining rows (per class) held out for validation, in [0, 0.5). */
  validation: number;
}

const className = (c: number, classNames?: readonly string[]): string => classNames?.[c] ?? `c${c}`;

/** Rows of each class (at least two classes present), and the smallest present class: its size and name. */
function classesAndSmallest(y: Labels, nClasses: number, classNames?: readonly string[]): { byClass: Int32Array[]; m: number; name: string } {
  const byClass = rowsByClass(y, nClasses);
  assertAtLeastTwoClasses(
    byClass.map((r) => r.length),
    classNames,
  );
  const small = smallestClass(byClass);
  return { byClass, m: byClass[small].length, name: className(small, classNames) };
}

function assertFolds(k: number): void {
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 2) {
    throw new ConfigError(`folds must be an integer of at least 2. Got ${got(k)} instead.`, 'folds');
  }
}

function assertRepeats(repeats: number): void {
  if (typeof repeats !== 'number' || !Number.isInteger(repeats) || repeats < 1) {
    throw new ConfigError(`repeats must be an integer of at least 1. Got ${got(repeats)} instead.`, 'repeats');
  }
}

function assertValidationFraction(v: number): void {
  if (typeof v !== 'number' || !(v >= 0 && v < 0.5)) {
    throw new ConfigError(`validation must be a fraction of at least 0 and less than 0.5. Got ${got(v)} instead.`, 'validation');
  }
}

/** The present class with the fewest rows (lowest index on ties), or -1 when no class is present. */
function smallestClass(byClass: readonly Int32Array[]): number {
  let best = -1;
  for (let c = 0; c < byClass.length; c++) {
    if (byClass[c].length > 0 && (best < 0 || byClass[c].length < byClass[best].length)) best = c;
  }
  return best;
}

/**
 * Rows of each class per fold, as scikit-learn 1.2 allocates them: classes are taken in order of
 * first appearance in `y`, their rows laid end to end, and position p dealt to fold p mod k (sklearn's
 * `np.bincount(y_order[i::n_splits])`). So each class's fold counts differ by at most one, and because
 * the round robin runs over all rows, so do the fold totals. Closed form for a class of n rows that
 * starts at position s: fold f gets ⌊n/k⌋ + [(f − s) mod k < n mod k].
 *
 * @returns counts[f][c].
 * @see scikit-learn 1.2.1 `StratifiedKFold._make_test_folds`
 */
export function stratifiedFoldCounts(y: Labels, nClasses: number, k: number): number[][] {
  const n = new Array<number>(nClasses).fill(0);
  const order: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const c = y[i];
    if (c < 0 || c >= nClasses) continue;
    if (n[c]++ === 0) order.push(c);
  }
  const counts = Array.from({ length: k }, () => new Array<number>(nClasses).fill(0));
  let start = 0;
  for (const c of order) {
    const base = Math.floor(n[c] / k);
    const extra = n[c] % k;
    for (let f = 0; f < k; f++) counts[f][c] = base + ((((f - start) % k) + k) % k < extra ? 1 : 0);
    start += n[c];
  }
  return counts;
}

/**
 * Stratified k-fold cross-validation: the test rows of each of k folds. Each class's rows are
 * shuffled with `rng` and dealt to the folds in the per-class counts of scikit-learn's
 * `StratifiedKFold(shuffle=True)` (see `stratifiedFoldCounts`), so every fold has the class
 * proportions of the whole set up to one row per class, and fold sizes differ by at most one.
 * Stratification matters most under imbalance: an unstratified fold can miss a rare class entirely,
 * and Kohavi found stratified 10-fold CV the best trade-off of bias and variance for model selection.
 * The rows assigned to each fold come from our `rng`, so they differ from sklearn's; the counts do not.
 *
 * @param y class index per row, in [0, nClasses).
 * @param k number of folds, an integer ≥ 2.
 * @param classNames used in error messages (default 'c0', 'c1', …).
 * @returns k ascending, disjoint row-index arrays that together cover every row.
 * @throws ConfigError when k is not an integer ≥ 2.
 * @throws DataError when a label is outside [0, nClasses), when k exceeds the number of rows, when only
 *   one class is present, or when a present class has fewer than k rows (some fold would test none of it;
 *   scikit-learn only warns there, we refuse because its per-class metrics would be undefined).
 * @see Kohavi 1995, "A Study of Cross-Validation and Bootstrap for Accuracy Estimation and Model Selection", IJCAI
 * @see scikit-learn 1.2.1 `StratifiedKFold(shuffle=True)`
 */
export function stratifiedKFold(y: Labels, nClasses: number, k: number, rng: Rng, classNames?: readonly string[]): Int32Array[] {
  assertFolds(k);
  assertLabels(y, y.length, nClasses);
  if (k > y.length) {
    throw new DataError(
      `k-fold cross-validation needs at least as many rows as folds, or some fold tests no row; this dataset has ${y.length} row${y.length === 1 ? '' : 's'}. Use fewer folds, or the hold-out split. Got k = ${k} instead.`,
    );
  }
  const { byClass, m, name } = classesAndSmallest(y, nClasses, classNames);
  if (m < k) {
    const advice = m >= 2 ? `Use at most ${m} folds, or the hold-out split.` : 'Use the hold-out split, or drop or merge this class.';
    throw new DataError(
      `Class '${name}' has ${m} row${m === 1 ? '' : 's'}, fewer than the ${k} folds, so some folds would test no '${name}' row. ${advice} Got k = ${k} instead.`,
    );
  }
  const counts = stratifiedFoldCounts(y, nClasses, k);
  const foldOf = new Int32Array(y.length);
  for (let c = 0; c < nClasses; c++) {
    if (byClass[c].length === 0) continue;
    const rows = rng.shuffle(byClass[c].slice());
    let i = 0;
    for (let f = 0; f < k; f++) for (let j = 0; j < counts[f][c]; j++) foldOf[rows[i++]] = f;
  }
  return collect(foldOf, k);
}

/** Row indices grouped by `group[i]` ∈ [0, nGroups); ascending within each group because rows are scanned in order. */
function collect(group: Int32Array | Int8Array, nGroups: number): Int32Array[] {
  const sizes = new Int32Array(nGroups);
  for (let i = 0; i < group.length; i++) sizes[group[i]]++;
  const out = Array.from(sizes, (s) => new Int32Array(s));
  const fill = new Int32Array(nGroups);
  for (let i = 0; i < group.length; i++) out[group[i]][fill[group[i]]++] = i;
  return out;
}

const TRAIN = 0;
const VALIDATION = 1;
const TEST = 2;

/**
 * Moves a stratified fraction of the rows marked TRAIN in `role` to VALIDATION. Per class, with m
 * rows still in train: round(m · fraction) rows, at least one when fraction > 0, and at most m − 1 so
 * that the class keeps a training row (a class with a single remaining row keeps it for training).
 */
function carveValidation(role: Int8Array, byClass: readonly Int32Array[], fraction: number, rng: Rng): void {
  if (fraction === 0) return;
  for (const rows of byClass) {
    const pool = rows.filter((i) => role[i] === TRAIN);
    const m = pool.length;
    const nVal = Math.min(m - 1, Math.max(1, Math.round(m * fraction)));
    if (nVal <= 0) continue;
    rng.shuffle(pool);
    for (let j = 0; j < nVal; j++) role[pool[j]] = VALIDATION;
  }
}

function splitsFromRoles(role: Int8Array): SplitIndices {
  const [train, validation, test] = collect(role, 3);
  return { train, validation, test };
}

/**
 * Repeated stratified k-fold cross-validation with a validation split. Repeat r partitions the rows
 * into `folds` test folds exactly as `stratifiedKFold(y, nClasses, folds, rng.fork(`repeat:${r}`))`;
 * for each fold f, the rows outside the fold are split per class into validation (round(m · validation)
 * of a class's m rows, at least one when validation > 0, never all of them; drawn from
 * `rng.fork(`repeat:${r}`).fork(`validation:${f}`)`) and train (the rest). Within a repeat every row
 * is tested exactly once. Repeating the partition averages out the luck of one partition; the
 * variance of the k·repeats estimates is not that of independent samples, because training sets
 * overlap, which is why a corrected resampled t-test is needed to compare methods on them.
 *
 * @returns `folds · repeats` splits, repeat-major, each with ascending, disjoint, covering index arrays.
 * @throws ConfigError when folds is not an integer ≥ 2, repeats not an integer ≥ 1, or validation ∉ [0, 0.5).
 * @throws DataError as `stratifiedKFold`.
 * @see Kohavi 1995, "A Study of Cross-Validation and Bootstrap for Accuracy Estimation and Model Selection", IJCAI
 * @see Nadeau & Bengio 2003, "Inference for the Generalization Error", Machine Learning 52
 */
export function crossValidationSplits(
  y: Labels,
  nClasses: number,
  options: CrossValidationOptions,
  rng: Rng,
  classNames?: readonly string[],
): CrossValidationSplit[] {
  assertFolds(options.folds);
  assertValidationFraction(options.validation);
  assertRepeats(options.repeats);
  const byClass = rowsByClass(y, nClasses);
  const out: CrossValidationSplit[] = [];
  for (let r = 0; r < options.repeats; r++) {
    const repeatRng = rng.fork(`repeat:${r}`);
    const testFolds = stratifiedKFold(y, nClasses, options.folds, repeatRng, classNames);
    for (let f = 0; f < testFolds.length; f++) {
      const role = new Int8Array(y.length);
      for (const i of testFolds[f]) role[i] = TEST;
      carveValidation(role, byClass, options.validation, repeatRng.fork(`validation:${f}`));
      out.push({ repeat: r, fold: f, ...splitsFromRoles(role) });
    }
  }
  return out;
}

/**
 * Repeated stratified hold-out: `repeats` independent `stratifiedSplit`s, repeat r drawn from
 * `rng.fork(`repeat:${r}`)`. Unlike k-fold, a row can be tested in several repeats or in none; the
 * test sets overlap, so (as with repeated CV) the spread of the scores understates the uncertainty.
 *
 * @throws ConfigError when the fractions are out of range (see `validateSplitFractions`) or repeats is not an integer ≥ 1.
 * @throws DataError as `stratifiedSplit`.
 * @see Nadeau & Bengio 2003, "Inference for the Generalization Error", Machine Learning 52
 */
export function repeatedHoldout(
  y: Labels,
  nClasses: number,
  options: RepeatedHoldoutOptions,
  rng: Rng,
  classNames?: readonly string[],
): HoldoutRepeat[] {
  const fractions = { test: options.test, validation: options.validation };
  validateSplitFractions(fractions);
  assertRepeats(options.repeats);
  const out: HoldoutRepeat[] = [];
  for (let r = 0; r < options.repeats; r++) {
    out.push({ repeat: r, ...stratifiedSplit(y, nClasses, fractions, rng.fork(`repeat:${r}`), classNames) });
  }
  return out;
}

/**
 * Class-balanced test split, the evaluation protocol of long-tailed recognition: the test split holds
 * exactly `testPerClass` rows of every present class, so head and tail classes weigh the same in every
 * test metric (plain accuracy on it equals mean per-class recall), while train keeps the long-tailed
 * distribution. The rest of each class is split into validation (round(m · validation) of its m
 * remaining rows, at least one when validation > 0, never all of them) and train. Rows come from one
 * per-class shuffle with `rng`; classes without rows are ignored.
 *
 * @throws ConfigError when testPerClass is not an integer ≥ 1 or validation ∉ [0, 0.5).
 * @throws DataError when a label is outside [0, nClasses), when only one class is present, or when a class
 *   has testPerClass rows or fewer (it must keep at least one training row); the message names the
 *   smallest class and the largest testPerClass that works.
 * @see Cao et al. 2019, "Learning Imbalanced Datasets with Label-Distribution-Aware Margin Loss", NeurIPS
 * @see Liu et al. 2019, "Large-Scale Long-Tailed Recognition in an Open World", CVPR
 */
export function balancedTestSplit(
  y: Labels,
  nClasses: number,
  options: BalancedTestOptions,
  rng: Rng,
  classNames?: readonly string[],
): SplitIndices {
  const t = options.testPerClass;
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 1) {
    throw new ConfigError(`testPerClass must be an integer of at least 1. Got ${got(t)} instead.`, 'testPerClass');
  }
  assertValidationFraction(options.validation);
  assertLabels(y, y.length, nClasses);
  const { byClass, m, name } = classesAndSmallest(y, nClasses, classNames);
  if (m <= t) {
    const advice = m >= 2 ? `Use testPerClass of at most ${m - 1}.` : 'Use the stratified hold-out split, or drop or merge this class.';
    throw new DataError(
      `Class '${name}' has ${m} row${m === 1 ? '' : 's'}, so it cannot give ${t} test row${t === 1 ? '' : 's'} and keep one for training. ${advice} Got testPerClass = ${t} instead.`,
    );
  }
  const role = new Int8Array(y.length);
  for (const rows of byClass) {
    if (rows.length === 0) continue;
    const shuffled = rng.shuffle(rows.slice());
    for (let j = 0; j < t; j++) role[shuffled[j]] = TEST;
  }
  carveValidation(role, byClass, options.validation, rng.fork('validation'));
  return splitsFromRoles(role);
}
