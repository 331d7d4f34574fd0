/**
 * Instance hardness threshold: drop the rows a cross-validated classifier finds hardest.
 */
import { DataError } from '../errors';
import { kNearest } from '../neighbors/knn';
import type { ParamSpec } from '../params';
import type { Rng } from '../random';
import type { Labels, Matrix } from '../types';
import { defineResampler } from './defineResampler';
import type { BaseResamplerOptions } from './defineResampler';
import { concatSorted, selectRows, subset } from './selection';
import { samplingStrategyParam } from './strategyParam';

export interface IhtOptions extends BaseResamplerOptions {
  /** Neighbours of the k-NN probability classifier. Default 5. */
  nNeighbors?: number;
  /** Folds of the stratified cross-validation (imbalanced-learn cv). Default 5. */
  cv?: number;
}

export const IHT_CITATION =
  'Smith, Martinez & Giraud-Carrier 2014, An instance level analysis of data complexity, Machine Learning 95(2):225–256';

export const ihtParams: readonly ParamSpec[] = [
  samplingStrategyParam('under-sampling'),
  {
    name: 'nNeighbors',
    kind: 'int',
    label: 'k neighbours',
    help: "Neighbours of the k-NN classifier whose cross-validated probability of a row's own class measures how easy the row is (imbalanced-learn uses a random forest here).",
    default: 5,
    min: 1,
    max: 50,
    citation: IHT_CITATION,
  },
  {
    name: 'cv',
    kind: 'int',
    label: 'CV folds',
    help: 'Number of stratified cross-validation folds used to estimate the probabilities (imbalanced-learn cv).',
    default: 5,
    min: 2,
    max: 20,
    citation: IHT_CITATION,
  },
];

/**
 * Fold of every row, as scikit-learn's `StratifiedKFold(n_splits, shuffle=True)`: the sorted labels
 * are dealt round-robin to the folds to fix how many rows of each class each fold gets, then each
 * class's fold numbers are shuffled (here with `rng`) and given to its rows in input order.
 */
export function stratifiedFolds(y: Labels, nClasses: number, nSplits: number, rng: Rng): Int32Array {
  const counts = new Array<number>(nClasses).fill(0);
  for (let i = 0; i < y.length; i++) counts[y[i]]++;
  const present = counts.filter((n) => n > 0);
  if (present.every((n) => nSplits > n)) {
    throw new DataError(`cv cannot be greater than the number of members in each class (largest: ${Math.max(...present)}). Got ${nSplits} instead.`);
  }
  // allocation[f][c]: rows of class c in fold f, from dealing the sorted labels round-robin.
  const allocation = Array.from({ length: nSplits }, () => new Array<number>(nClasses).fill(0));
  let pos = 0;
  for (let c = 0; c < nClasses; c++) for (let t = 0; t < counts[c]; t++, pos++) allocation[pos % nSplits][c]++;
  const folds = new Int32Array(y.length);
  const fill = new Array<number>(nClasses).fill(0);
  const perClass = counts.map((_, c) => {
    const f: number[] = [];
    for (let s = 0; s < nSplits; s++) for (let t = 0; t < allocation[s][c]; t++) f.push(s);
    return rng.shuffle(f);
  });
  for (let i = 0; i < y.length; i++) folds[i] = perClass[y[i]][fill[y[i]]++];
  return folds;
}

/**
 * Cross-validated probability of each row's own class under a k-NN classifier (fraction of its k
 * nearest training-fold rows sharing its label).
 */
export function crossValidatedOwnClassProbability(X: Matrix, y: Labels, nClasses: number, k: number, nSplits: number, rng: Rng): Float64Array {
  const folds = stratifiedFolds(y, nClasses, nSplits, rng);
  const proba = new Float64Array(X.rows);
  for (let f = 0; f < nSplits; f++) {
    const test: number[] = [];
    const train: number[] = [];
    for (let i = 0; i < X.rows; i++) (folds[i] === f ? test : train).push(i);
    if (test.length === 0) continue;
    if (k > train.length) throw new DataError(`nNeighbors must be <= the number of rows in a training fold (${train.length}). Got ${k} instead.`);
    const tr = subset(X, y, train);
    const te = subset(X, y, test);
    const nn = kNearest(te.X, tr.X, k).indices;
    for (let t = 0; t < test.length; t++) {
      let same = 0;
      for (let j = 0; j < k; j++) if (tr.y[nn[t * k + j]] === te.y[t]) same++;
      proba[test[t]] = same / k;
    }
  }
  return proba;
}

/** `np.percentile(values, q)` with the default linear method, including numpy's two-sided lerp. */
export function percentile(values: ArrayLike<number>, q: number): number {
  const a = Float64Array.from(values).sort();
  const n = a.length;
  const vi = (n - 1) * (q / 100);
  const lo = Math.min(Math.max(Math.floor(vi), 0), n - 1);
  const hi = Math.min(lo + 1, n - 1);
  const t = vi - lo;
  const diff = a[hi] - a[lo];
  return t >= 0.5 ? a[hi] - diff * (1 - t) : a[lo] + diff * t;
}

/**
 * Instance hardness threshold (imbalanced-learn `InstanceHardnessThreshold`). Estimate, for every
 * row i, p_i = the cross-validated probability of its own class (stratified, shuffled cv-fold
 * CV); for every class c in the resolved strategy with N_c rows and n_c = targets[c] to keep,
 *
 *   τ_c = percentile({p_i : y_i = c}, (1 − n_c / N_c) · 100)   (numpy's linear interpolation)
 *
 * and keep the rows of c with p_i >= τ_c. As in imbalanced-learn, ties at τ_c are all kept, so a
 * class can keep more than n_c rows.
 *
 * Deviation: imbalanced-learn's default classifier is a random forest (100 trees); here the
 * probabilities come from a k-NN classifier (k = nNeighbors, fraction of the k nearest training-fold
 * rows sharing the row's class), which is cheap and exact in the browser. Only the folds are random.
 *
 * Output: kept rows in ascending input order. Randomness: the fold assignment.
 * Options: samplingStrategy (under-sampling), nNeighbors (default 5), cv (2..20, default 5).
 * @throws DataError when cv exceeds every class's size or nNeighbors a training fold's size.
 * @throws DataError / ConfigError from the template.
 * @see Smith, Martinez & Giraud-Carrier 2014, An instance level analysis of data complexity, Machine Learning 95(2)
 */
export const instanceHardnessThreshold = defineResampler<IhtOptions>({
  id: 'instance-hardness-threshold',
  samplerType: 'under-sampling',
  params: ihtParams,
  body(X, y, options, ctx, rng) {
    const proba = crossValidatedOwnClassProbability(X, y, ctx.nClasses, options.nNeighbors as number, options.cv as number, rng);
    const parts: Int32Array[] = [];
    for (let c = 0; c < ctx.nClasses; c++) {
      const rows = ctx.classRows[c];
      const keep = ctx.targets.get(c);
      if (keep === undefined || rows.length === 0) {
        parts.push(rows);
        continue;
      }
      const p = Array.from(rows, (r) => proba[r]);
      const tau = percentile(p, (1 - keep / rows.length) * 100);
      parts.push(rows.filter((_, t) => p[t] >= tau));
    }
    return selectRows(X, y, concatSorted(parts));
  },
});

export const instanceHardnessThresholdEntry = {
  id: 'instance-hardness-threshold',
  label: 'Instance hardness threshold',
  samplerType: 'under-sampling',
  params: ihtParams,
  citation: IHT_CITATION,
  resample: instanceHardnessThreshold,
} as const;
