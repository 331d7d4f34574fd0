/**
 * Wilson's edited nearest neighbours and its two iterated forms (repeated ENN, All-k-NN).
 */
import type { ParamSpec } from '../params';
import type { Labels, Matrix } from '../types';
import { defineResampler } from './defineResampler';
import type { BaseResamplerOptions } from './defineResampler';
import { resolveSamplingStrategy } from './samplingStrategy';
import type { SamplingStrategy } from './samplingStrategy';
import { classCounts, ennRemoveMask, keptIndices, minorityClass, selectRows, subset, targetedMask } from './selection';
import type { KindSel } from './selection';
import { samplingStrategyParam } from './strategyParam';

export interface EnnOptions extends BaseResamplerOptions {
  /** Neighbours consulted per row (imbalanced-learn n_neighbors). Default 3. */
  nNeighbors?: number;
  /** 'all': every neighbour must agree; 'mode': the neighbours' most frequent label must agree. Default 'all'. */
  kindSel?: KindSel;
}

export interface RennOptions extends EnnOptions {
  /** Maximum number of ENN passes (imbalanced-learn max_iter). Default 100. */
  maxIter?: number;
}

export interface AllKnnOptions extends EnnOptions {
  /** Do not stop when a cleaned class falls below the original minority size. Default false. */
  allowMinority?: boolean;
}

export const ENN_CITATION = 'Wilson 1972, Asymptotic properties of nearest neighbor rules using edited data, IEEE Trans. SMC 2(3):408–421';
export const RENN_CITATION = 'Tomek 1976, An experiment with the edited nearest-neighbor rule, IEEE Trans. SMC 6(6):448–452 (repeated ENN)';
export const ALL_KNN_CITATION = 'Tomek 1976, An experiment with the edited nearest-neighbor rule, IEEE Trans. SMC 6(6):448–452 (All k-NN)';

const nNeighborsParam = (citation: string): ParamSpec => ({
  name: 'nNeighbors',
  kind: 'int',
  label: 'k neighbours',
  help: 'Number of nearest neighbours (in the whole data set) that vote on whether a row is kept (imbalanced-learn n_neighbors).',
  default: 3,
  min: 1,
  max: 50,
  citation,
});

const kindSelParam: ParamSpec = {
  name: 'kindSel',
  kind: 'enum',
  label: 'rule',
  help: "'all': a row is kept only if all its neighbours share its class; 'mode': kept if the most frequent neighbour class is its own (imbalanced-learn kind_sel).",
  default: 'all',
  options: ['all', 'mode'],
};

export const ennParams: readonly ParamSpec[] = [samplingStrategyParam('clean-sampling'), nNeighborsParam(ENN_CITATION), kindSelParam];

export const rennParams: readonly ParamSpec[] = [
  ...ennParams.slice(0, 1),
  nNeighborsParam(RENN_CITATION),
  kindSelParam,
  {
    name: 'maxIter',
    kind: 'int',
    label: 'max iterations',
    help: 'Maximum number of edit passes; the passes also stop when one removes nothing, when a class disappears, or when a cleaned class becomes smaller than the original minority (imbalanced-learn max_iter).',
    default: 100,
    min: 1,
    max: 1000,
  },
];

export const allKnnParams: readonly ParamSpec[] = [
  ...ennParams.slice(0, 1),
  nNeighborsParam(ALL_KNN_CITATION),
  kindSelParam,
  {
    name: 'allowMinority',
    kind: 'bool',
    label: 'allow minority',
    help: 'Keep editing even when a cleaned class becomes smaller than the original minority class (imbalanced-learn allow_minority).',
    default: false,
  },
];

/**
 * Edited nearest neighbours (imbalanced-learn `EditedNearestNeighbours`). For every row i of a
 * targeted class c (keys of the resolved strategy; 'auto' = every class but the minority), look at
 * its k nearest other rows in the whole data set (Euclidean, the shared `kNearest`):
 *
 *   kindSel 'all':  remove i unless all k neighbours are of class c;
 *   kindSel 'mode': remove i unless the most frequent neighbour class (smallest class index among
 *                   ties, like scipy.stats.mode) is c.
 *
 * Output: the kept rows in ascending input order (imbalanced-learn's `sample_indices_` holds the
 * same set, grouped by class).
 * Options: samplingStrategy (clean-sampling), nNeighbors (1..50, default 3), kindSel ('all' | 'mode').
 * @throws DataError when nNeighbors >= the number of rows: "nNeighbors must be < the number of samples (3). Got 3 instead."
 * @throws DataError / ConfigError from the template (one class, NaN, invalid options, …).
 * @see Wilson 1972, Asymptotic properties of nearest neighbor rules using edited data, IEEE Trans. SMC 2(3)
 */
export const editedNearestNeighbours = defineResampler<EnnOptions>({
  id: 'edited-nearest-neighbours',
  samplerType: 'clean-sampling',
  params: ennParams,
  body(X, y, options, ctx) {
    const remove = ennRemoveMask(X, y, targetedMask(ctx.targets, ctx.nClasses), options.nNeighbors as number, options.kindSel as KindSel, ctx.nClasses);
    return selectRows(X, y, keptIndices(remove));
  },
});

/**
 * One ENN pass on the current subset `rows` of (X, y), with the strategy re-resolved on the
 * current class counts (imbalanced-learn's inner `EditedNearestNeighbours` re-runs
 * `check_sampling_strategy` on the data it is given). Returns the surviving rows (ascending).
 */
function ennPass(X: Matrix, y: Labels, rows: Int32Array, strategy: SamplingStrategy, k: number, kindSel: KindSel, nClasses: number, classNames?: readonly string[]): Int32Array {
  const sub = subset(X, y, rows);
  const targets = resolveSamplingStrategy(strategy, classCounts(sub.y, nClasses), 'clean-sampling', classNames);
  const kept = keptIndices(ennRemoveMask(sub.X, sub.y, targetedMask(targets, nClasses), k, kindSel, nClasses));
  const out = new Int32Array(kept.length);
  for (let i = 0; i < kept.length; i++) out[i] = rows[kept[i]];
  return out;
}

/** Whether the stopping rules shared by RENN and All-k-NN fire after a pass. */
function classRules(y: Labels, rows: Int32Array, nClasses: number, originalCounts: readonly number[], minority: number): { belowMinority: boolean; classLost: boolean } {
  const counts = new Array<number>(nClasses).fill(0);
  for (let i = 0; i < rows.length; i++) counts[y[rows[i]]]++;
  let belowMinority = false;
  let classLost = false;
  for (let c = 0; c < nClasses; c++) {
    if (originalCounts[c] === 0) continue;
    if (counts[c] === 0) classLost = true;
    else if (c !== minority && counts[c] < originalCounts[minority]) belowMinority = true;
  }
  return { belowMinority, classLost };
}

/**
 * Repeated edited nearest neighbours (imbalanced-learn `RepeatedEditedNearestNeighbours`): apply
 * ENN (same nNeighbors, kindSel, samplingStrategy re-resolved on the current counts) to its own
 * output up to maxIter times. Each pass's result is kept; the passes stop after the pass in which
 * (1) nothing was removed, (2) some class other than the original minority has fewer rows than
 * the original minority had, or (3) a class disappeared.
 *
 * Output: the surviving rows in ascending input order.
 * Options: samplingStrategy (clean-sampling), nNeighbors (default 3), kindSel (default 'all'), maxIter (1..1000, default 100).
 * @throws DataError when nNeighbors >= the number of rows left for a pass.
 * @throws DataError / ConfigError from the template.
 * @see Tomek 1976, An experiment with the edited nearest-neighbor rule, IEEE Trans. SMC 6(6)
 */
export const repeatedEditedNearestNeighbours = defineResampler<RennOptions>({
  id: 'repeated-edited-nearest-neighbours',
  samplerType: 'clean-sampling',
  params: rennParams,
  body(X, y, options, ctx) {
    const minority = minorityClass(ctx.counts);
    const strategy = options.samplingStrategy ?? 'auto';
    let rows: Int32Array = Int32Array.from({ length: X.rows }, (_, i) => i);
    for (let iter = 0; iter < (options.maxIter as number); iter++) {
      const next = ennPass(X, y, rows, strategy, options.nNeighbors as number, options.kindSel as KindSel, ctx.nClasses, options.classNames);
      const converged = next.length === rows.length;
      const { belowMinority, classLost } = classRules(y, next, ctx.nClasses, ctx.counts, minority);
      rows = next;
      if (converged || belowMinority || classLost) break;
    }
    return selectRows(X, y, rows);
  },
});

/**
 * All k-NN (imbalanced-learn `AllKNN`): ENN passes with k = 1, 2, …, nNeighbors, each on the output
 * of the previous (samplingStrategy re-resolved on the current counts). The passes stop after the
 * pass in which a class other than the original minority falls below the original minority size
 * (unless allowMinority) or a class disappears.
 *
 * Output: the surviving rows in ascending input order.
 * Options: samplingStrategy (clean-sampling), nNeighbors (largest k, default 3), kindSel (default 'all'), allowMinority (default false).
 * @throws DataError when a pass's k >= the number of rows left.
 * @throws DataError / ConfigError from the template.
 * @see Tomek 1976, An experiment with the edited nearest-neighbor rule, IEEE Trans. SMC 6(6)
 */
export const allKnn = defineResampler<AllKnnOptions>({
  id: 'all-knn',
  samplerType: 'clean-sampling',
  params: allKnnParams,
  body(X, y, options, ctx) {
    const minority = minorityClass(ctx.counts);
    const strategy = options.samplingStrategy ?? 'auto';
    let rows: Int32Array = Int32Array.from({ length: X.rows }, (_, i) => i);
    for (let k = 1; k <= (options.nNeighbors as number); k++) {
      rows = ennPass(X, y, rows, strategy, k, options.kindSel as KindSel, ctx.nClasses, options.classNames);
      const { belowMinority, classLost } = classRules(y, rows, ctx.nClasses, ctx.counts, minority);
      if ((belowMinority && !options.allowMinority) || classLost) break;
    }
    return selectRows(X, y, rows);
  },
});

export const editedNearestNeighboursEntry = {
  id: 'edited-nearest-neighbours',
  label: 'Edited nearest neighbours (ENN)',
  samplerType: 'clean-sampling',
  params: ennParams,
  citation: ENN_CITATION,
  resample: editedNearestNeighbours,
} as const;

export const repeatedEditedNearestNeighboursEntry = {
  id: 'repeated-edited-nearest-neighbours',
  label: 'Repeated ENN',
  samplerType: 'clean-sampling',
  params: rennParams,
  citation: RENN_CITATION,
  resample: repeatedEditedNearestNeighbours,
} as const;

export const allKnnEntry = {
  id: 'all-knn',
  label: 'All k-NN',
  samplerType: 'clean-sampling',
  params: allKnnParams,
  citation: ALL_KNN_CITATION,
  resample: allKnn,
} as const;
