/**
 * Hart's condensed nearest neighbour: keep only the rows a k-NN classifier needs.
 */
import { sampleWithoutReplacement } from '../data/indices';
import { DataError } from '../errors';
import { kNearest } from '../neighbors/knn';
import type { ParamSpec } from '../params';
import type { Rng } from '../random';
import { takeRows } from '../types';
import type { Labels, Matrix } from '../types';
import { defineResampler } from './defineResampler';
import type { BaseResamplerOptions, ResampleContext } from './defineResampler';
import { concatSorted, minorityClass, modeLabel, selectRows } from './selection';
import { samplingStrategyParam } from './strategyParam';

export interface CnnOptions extends BaseResamplerOptions {
  /** Neighbours of the k-NN classifier (imbalanced-learn n_neighbors; None = 1). Default 1. */
  nNeighbors?: number;
  /** Rows of each cleaned class drawn at random to seed its store (imbalanced-learn n_seeds_S). Default 1. */
  nSeedsS?: number;
}

export const CNN_CITATION = 'Hart 1968, The condensed nearest neighbor rule, IEEE Trans. Information Theory 14(3):515–516';

export const nSeedsSParam = (citation: string): ParamSpec => ({
  name: 'nSeedsS',
  kind: 'int',
  label: 'seeds',
  help: 'Number of rows of each cleaned class drawn at random to start its store (imbalanced-learn n_seeds_S). Must not exceed the size of any cleaned class.',
  default: 1,
  min: 1,
  max: 1000,
  citation,
});

export const classifierNeighboursParam = (citation: string): ParamSpec => ({
  name: 'nNeighbors',
  kind: 'int',
  label: 'k neighbours',
  help: 'Neighbours of the k-nearest-neighbour classifier that decides whether a row is misclassified (imbalanced-learn n_neighbors; 1 = the 1-NN rule of the paper).',
  default: 1,
  min: 1,
  max: 50,
  citation,
});

export const cnnParams: readonly ParamSpec[] = [samplingStrategyParam('clean-sampling'), classifierNeighboursParam(CNN_CITATION), nSeedsSParam(CNN_CITATION)];

/**
 * The nSeedsS distinct random positions within class c that seed its store (CNN, OSS), with the
 * size checks shared by both. imbalanced-learn draws the seeds with replacement (`randint`), which
 * for nSeedsS > 1 can duplicate a row in the output; here they are distinct, so the methods only
 * ever remove rows (identical for the default nSeedsS = 1).
 */
export function drawSeeds(ctx: ResampleContext, c: number, nSeeds: number, k: number, rng: Rng): Int32Array {
  const n = ctx.counts[c];
  if (nSeeds > n) throw new DataError(`nSeedsS must be <= the number of samples in class ${ctx.className(c)} (${n}). Got ${nSeeds} instead.`);
  const store = ctx.counts[minorityClass(ctx.counts)] + nSeeds;
  if (k > store) {
    throw new DataError(`nNeighbors must be <= the number of minority samples plus nSeedsS (${store}). Got ${k} instead.`);
  }
  return sampleWithoutReplacement(Int32Array.from({ length: n }, (_, i) => i), nSeeds, rng);
}

/**
 * Hart's CNN for class c, one pass as imbalanced-learn: returns the kept rows of c (input indices).
 * `seeds` are positions within the class.
 *
 * Speed: the k nearest store rows of every row of c come from one `kNearest` call; when a row
 * joins the store, each later row's list is updated in place (the newcomer enters only if it is
 * strictly closer than the current k-th, after any equally distant ones, exactly where `kNearest`
 * on the grown store would put it), so a pass costs O(n·|store|·d) instead of one search per addition.
 */
export function condenseClass(X: Matrix, y: Labels, ctx: ResampleContext, c: number, seeds: ArrayLike<number>, k: number): Int32Array {
  const rows = ctx.classRows[c];
  const n = rows.length;
  const d = X.cols;
  const data = X.data;
  const store: number[] = [...ctx.classRows[minorityClass(ctx.counts)]];
  const selected = new Uint8Array(n);
  for (let s = 0; s < seeds.length; s++) {
    selected[seeds[s]] = 1;
    store.push(rows[seeds[s]]);
  }
  const sqDist = (a: number, b: number): number => {
    let e = 0;
    for (let t = 0; t < d; t++) {
      const diff = data[a * d + t] - data[b * d + t];
      e += diff * diff;
    }
    return e;
  };
  // nb[q·k + j]: input row of the j-th nearest store row of class row q; sq: its squared distance.
  const nb = kNearest(takeRows(X, rows), takeRows(X, store), k).indices.map((j) => store[j]);
  const sq = new Float64Array(n * k);
  for (let q = 0; q < n; q++) for (let j = 0; j < k; j++) sq[q * k + j] = sqDist(rows[q], nb[q * k + j]);
  const labels = new Int32Array(k);
  const scratch = new Int32Array(ctx.nClasses);
  const predict = (q: number): number => {
    for (let j = 0; j < k; j++) labels[j] = y[nb[q * k + j]];
    return k === 1 ? labels[0] : modeLabel(labels, 0, k, scratch);
  };
  for (let p = 0; p < n; p++) {
    if (selected[p] || predict(p) === c) continue;
    // Misclassified by the current store: add it and update the lists of the rows still to visit.
    selected[p] = 1;
    const r = rows[p];
    store.push(r);
    for (let q = p + 1; q < n; q++) {
      if (selected[q]) continue;
      const e = sqDist(rows[q], r);
      const base = q * k;
      if (e >= sq[base + k - 1]) continue;
      let pos = k - 1;
      while (pos > 0 && sq[base + pos - 1] > e) {
        sq[base + pos] = sq[base + pos - 1];
        nb[base + pos] = nb[base + pos - 1];
        pos--;
      }
      sq[base + pos] = e;
      nb[base + pos] = r;
    }
  }
  const kept: number[] = [];
  for (let p = 0; p < n; p++) if (selected[p]) kept.push(rows[p]);
  return Int32Array.from(kept);
}

/**
 * Condensed nearest neighbour (imbalanced-learn `CondensedNearestNeighbour`). For every targeted
 * class c (keys of the resolved strategy, ascending; 'auto' = all but the minority):
 *
 *   store ← all minority rows + nSeedsS random rows of c;
 *   for each row x of c in input order: if the k-NN rule (k = nNeighbors, majority vote, smallest
 *   class among ties) on the store misclassifies x, add x to the store;
 *
 * keep the rows of c that ended in the store (one pass, as imbalanced-learn; Hart repeats passes
 * until none adds a row). Other classes are kept whole. When the minority class itself is
 * targeted ('all') every minority row is already in its store, so only its seeds survive, as in
 * imbalanced-learn.
 *
 * Deviations from imbalanced-learn 0.10: seeds are distinct (see `drawSeeds`); and imbalanced-learn
 * decides which rows to skip by comparing positions within the class with a list that mixes those
 * positions and the seeds' row indices in the whole data set, so it can skip a misclassified row
 * whose position equals a seed's row index — here the skip list holds positions only (Hart's rule).
 *
 * Output: kept rows in ascending input order. Randomness: the seeds, drawn from `rng` class by class.
 * Options: samplingStrategy (clean-sampling), nNeighbors (default 1), nSeedsS (default 1).
 * @throws DataError when nSeedsS exceeds a targeted class or nNeighbors the store's first size.
 * @throws DataError / ConfigError from the template.
 * @see Hart 1968, The condensed nearest neighbor rule, IEEE Trans. Information Theory 14(3)
 */
export const condensedNearestNeighbour = defineResampler<CnnOptions>({
  id: 'condensed-nearest-neighbour',
  samplerType: 'clean-sampling',
  params: cnnParams,
  body(X, y, options, ctx, rng) {
    const k = options.nNeighbors as number;
    const parts: Int32Array[] = [];
    for (let c = 0; c < ctx.nClasses; c++) {
      if (!ctx.targets.has(c)) parts.push(ctx.classRows[c]);
      else parts.push(condenseClass(X, y, ctx, c, drawSeeds(ctx, c, options.nSeedsS as number, k, rng), k));
    }
    return selectRows(X, y, concatSorted(parts));
  },
});

export const condensedNearestNeighbourEntry = {
  id: 'condensed-nearest-neighbour',
  label: 'Condensed nearest neighbour (CNN)',
  samplerType: 'clean-sampling',
  params: cnnParams,
  citation: CNN_CITATION,
  resample: condensedNearestNeighbour,
} as const;
