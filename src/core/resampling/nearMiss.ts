/**
 * NearMiss 1, 2 and 3: distance-based under-sampling towards the minority class.
 */
import { DataError } from '../errors';
import { kNearest } from '../neighbors/knn';
import type { ParamSpec } from '../params';
import { takeRows } from '../types';
import type { Labels, Matrix } from '../types';
import { defineResampler } from './defineResampler';
import type { BaseResamplerOptions, ResampleContext } from './defineResampler';
import { concatSorted, minorityClass, selectRows } from './selection';
import { samplingStrategyParam } from './strategyParam';
import type { Resampler } from './types';

export interface NearMissOptions extends BaseResamplerOptions {
  /** Minority neighbours whose distances are averaged (imbalanced-learn n_neighbors). Default 3. */
  nNeighbors?: number;
  /** NearMiss-3 only: neighbours of each minority sample short-listed in each class (n_neighbors_ver3). Default 3. */
  nNeighborsVer3?: number;
}

export const NEAR_MISS_CITATION =
  'Mani & Zhang 2003, kNN approach to unbalanced data distributions: a case study involving information extraction, ICML Workshop on Learning from Imbalanced Datasets';

const nNeighborsParam: ParamSpec = {
  name: 'nNeighbors',
  kind: 'int',
  label: 'k neighbours',
  help: 'Number of nearest minority samples whose distances are summed to score a sample (imbalanced-learn n_neighbors).',
  default: 3,
  min: 1,
  max: 50,
  citation: NEAR_MISS_CITATION,
};

export const nearMiss1Params: readonly ParamSpec[] = [samplingStrategyParam('under-sampling'), nNeighborsParam];
export const nearMiss2Params: readonly ParamSpec[] = nearMiss1Params;
export const nearMiss3Params: readonly ParamSpec[] = [
  ...nearMiss1Params,
  {
    name: 'nNeighborsVer3',
    kind: 'int',
    label: 'k short-list',
    help: 'NearMiss-3: for every minority sample, its this-many nearest samples of the class are short-listed before scoring (imbalanced-learn n_neighbors_ver3).',
    default: 3,
    min: 1,
    max: 50,
    citation: NEAR_MISS_CITATION,
  },
];

/** Stable ascending (or descending) order of `score`, as Python's `sorted(..., reverse=...)`. */
function stableOrder(score: Float64Array, descending: boolean): number[] {
  const idx = Array.from(score, (_, i) => i);
  return idx.sort((a, b) => (descending ? score[b] - score[a] : score[a] - score[b]) || a - b);
}

/** Row sums of the last k columns of a row-major matrix with `cols` columns. */
function sumLast(distances: Float64Array, rows: number, cols: number, k: number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = cols - k; j < cols; j++) s += distances[i * cols + j];
    out[i] = s;
  }
  return out;
}

function tooFew(what: string, ctx: ResampleContext, c: number, n: number, k: number): DataError {
  return new DataError(`${what} must be <= the number of samples in class ${ctx.className(c)} (${n}). Got ${k} instead.`);
}

/** Kept rows of class c (ascending input indices) for the given NearMiss version. */
function selectClass(version: 1 | 2 | 3, X: Matrix, ctx: ResampleContext, c: number, keep: number, options: NearMissOptions): Int32Array {
  const minority = minorityClass(ctx.counts);
  const minRows = ctx.classRows[minority];
  const rows = ctx.classRows[c];
  const k = options.nNeighbors as number;
  if (k > minRows.length) throw tooFew('nNeighbors', ctx, minority, minRows.length, k);
  const Xmin = takeRows(X, minRows);
  let candidates: Int32Array = rows;
  let order: number[];
  if (version === 3) {
    const k3 = options.nNeighborsVer3 as number;
    if (k3 > rows.length) throw tooFew('nNeighborsVer3', ctx, c, rows.length, k3);
    const near = kNearest(Xmin, takeRows(X, rows), k3).indices;
    candidates = Int32Array.from(new Set(near)).sort().map((p) => rows[p]);
    const res = kNearest(takeRows(X, candidates), Xmin, k);
    order = stableOrder(sumLast(res.distances, candidates.length, k, k), true);
  } else {
    const m = version === 1 ? k : minRows.length;
    const res = kNearest(takeRows(X, rows), Xmin, m);
    order = stableOrder(sumLast(res.distances, rows.length, m, k), false);
  }
  return Int32Array.from(order.slice(0, keep), (p) => candidates[p]).sort();
}

function nearMissBody(version: 1 | 2 | 3) {
  return (X: Matrix, y: Labels, options: NearMissOptions, ctx: ResampleContext) => {
    const parts: Int32Array[] = [];
    for (let c = 0; c < ctx.nClasses; c++) {
      const keep = ctx.targets.get(c);
      parts.push(keep === undefined ? ctx.classRows[c] : selectClass(version, X, ctx, c, keep, options));
    }
    return selectRows(X, y, concatSorted(parts));
  };
}

/**
 * NearMiss-1 (imbalanced-learn `NearMiss(version=1)`): for every class c in the resolved strategy
 * keep the targets[c] rows whose summed (imbalanced-learn: "average") Euclidean distance to their
 * k = nNeighbors nearest minority samples is smallest (ties: lower row first, Python's stable sort).
 * The minority class is the smallest present class; when it is itself targeted ('all') its rows
 * count themselves as neighbours at distance 0, as in imbalanced-learn.
 *
 * Output: kept rows in ascending input order. Options: samplingStrategy (under-sampling), nNeighbors (default 3).
 * @throws DataError when nNeighbors exceeds the minority class size.
 * @throws DataError / ConfigError from the template.
 * @see Mani & Zhang 2003, kNN approach to unbalanced data distributions, ICML-KDD Workshop
 */
export const nearMiss1: Resampler<NearMissOptions> = defineResampler<NearMissOptions>({
  id: 'near-miss-1',
  samplerType: 'under-sampling',
  params: nearMiss1Params,
  body: nearMissBody(1),
});

/**
 * NearMiss-2 (imbalanced-learn `NearMiss(version=2)`): as NearMiss-1, but the score of a row is the
 * summed distance to its k = nNeighbors *farthest* minority samples (the last k of its distances to
 * all minority samples, sorted); keep the targets[c] smallest scores.
 *
 * Output: kept rows in ascending input order. Options: samplingStrategy (under-sampling), nNeighbors (default 3).
 * @throws DataError when nNeighbors exceeds the minority class size.
 * @throws DataError / ConfigError from the template.
 * @see Mani & Zhang 2003, kNN approach to unbalanced data distributions, ICML-KDD Workshop
 */
export const nearMiss2: Resampler<NearMissOptions> = defineResampler<NearMissOptions>({
  id: 'near-miss-2',
  samplerType: 'under-sampling',
  params: nearMiss2Params,
  body: nearMissBody(2),
});

/**
 * NearMiss-3 (imbalanced-learn `NearMiss(version=3)`): short-list, for every minority sample, its
 * nNeighborsVer3 nearest rows of class c; score every short-listed row by its summed distance to
 * its nNeighbors nearest minority samples and keep the targets[c] *largest* scores (ties: lower
 * row first). When the short list has fewer than targets[c] rows all of them are kept, so the
 * class may end up smaller than asked (imbalanced-learn only warns).
 *
 * Output: kept rows in ascending input order. Options: samplingStrategy (under-sampling),
 * nNeighbors (default 3), nNeighborsVer3 (default 3).
 * @throws DataError when nNeighbors exceeds the minority class size or nNeighborsVer3 a targeted class's size.
 * @throws DataError / ConfigError from the template.
 * @see Mani & Zhang 2003, kNN approach to unbalanced data distributions, ICML-KDD Workshop
 */
export const nearMiss3: Resampler<NearMissOptions> = defineResampler<NearMissOptions>({
  id: 'near-miss-3',
  samplerType: 'under-sampling',
  params: nearMiss3Params,
  body: nearMissBody(3),
});

export const nearMiss1Entry = {
  id: 'near-miss-1',
  label: 'NearMiss-1',
  samplerType: 'under-sampling',
  params: nearMiss1Params,
  citation: NEAR_MISS_CITATION,
  resample: nearMiss1,
} as const;

export const nearMiss2Entry = {
  id: 'near-miss-2',
  label: 'NearMiss-2',
  samplerType: 'under-sampling',
  params: nearMiss2Params,
  citation: NEAR_MISS_CITATION,
  resample: nearMiss2,
} as const;

export const nearMiss3Entry = {
  id: 'near-miss-3',
  label: 'NearMiss-3',
  samplerType: 'under-sampling',
  params: nearMiss3Params,
  citation: NEAR_MISS_CITATION,
  resample: nearMiss3,
} as const;
