/**
 * One-sided selection: a one-shot condensing step followed by Tomek-link cleaning.
 */
import type { ParamSpec } from '../params';
import { takeRows } from '../types';
import type { Labels, Matrix } from '../types';
import { classifierNeighboursParam, drawSeeds, nSeedsSParam } from './condensedNearestNeighbour';
import { defineResampler } from './defineResampler';
import type { BaseResamplerOptions, ResampleContext } from './defineResampler';
import { concatSorted, keptIndices, knnPredict, minorityClass, selectRows, subset, targetedMask, tomekLinkMask } from './selection';
import { samplingStrategyParam } from './strategyParam';

export interface OssOptions extends BaseResamplerOptions {
  /** Neighbours of the k-NN classifier (imbalanced-learn n_neighbors; None = 1). Default 1. */
  nNeighbors?: number;
  /** Rows of each cleaned class drawn at random as its seeds (imbalanced-learn n_seeds_S). Default 1. */
  nSeedsS?: number;
}

export const OSS_CITATION =
  'Kubat & Matwin 1997, Addressing the curse of imbalanced training sets: one-sided selection, ICML 1997:179–186';

export const ossParams: readonly ParamSpec[] = [samplingStrategyParam('clean-sampling'), classifierNeighboursParam(OSS_CITATION), nSeedsSParam(OSS_CITATION)];

/** The condensing step of OSS for class c: its seeds plus the rows the seeded store misclassifies. */
export function ossClass(X: Matrix, y: Labels, ctx: ResampleContext, c: number, seeds: ArrayLike<number>, k: number): Int32Array {
  const rows = ctx.classRows[c];
  const isSeed = new Uint8Array(rows.length);
  for (let s = 0; s < seeds.length; s++) isSeed[seeds[s]] = 1;
  const store = [...ctx.classRows[minorityClass(ctx.counts)], ...Array.from(seeds, (p) => rows[p])];
  const rest = rows.filter((_, p) => !isSeed[p]);
  const pred = knnPredict(takeRows(X, rest), takeRows(X, store), store.map((r) => y[r]), k, ctx.nClasses);
  const kept = Array.from(seeds, (p) => rows[p]);
  for (let t = 0; t < rest.length; t++) if (pred[t] !== c) kept.push(rest[t]);
  return Int32Array.from(kept);
}

/**
 * One-sided selection (imbalanced-learn `OneSidedSelection`). For every targeted class c (keys of
 * the resolved strategy, ascending; 'auto' = all but the minority): draw nSeedsS random rows of c,
 * classify the other rows of c with the k-NN rule (k = nNeighbors, default the paper's 1-NN) on
 * {all minority rows} ∪ {seeds}, and keep the seeds plus the misclassified rows. Then remove,
 * from the rows kept so far, the members of Tomek links that belong to targeted classes.
 *
 * Deviation: seeds are distinct (see `drawSeeds`; identical for the default nSeedsS = 1).
 * Output: kept rows in ascending input order. Randomness: the seeds, drawn from `rng` class by class.
 * Options: samplingStrategy (clean-sampling), nNeighbors (default 1), nSeedsS (default 1).
 * @throws DataError when nSeedsS exceeds a targeted class or nNeighbors the store's size.
 * @throws DataError / ConfigError from the template.
 * @see Kubat & Matwin 1997, Addressing the curse of imbalanced training sets: one-sided selection, ICML
 */
export const oneSidedSelection = defineResampler<OssOptions>({
  id: 'one-sided-selection',
  samplerType: 'clean-sampling',
  params: ossParams,
  body(X, y, options, ctx, rng) {
    const k = options.nNeighbors as number;
    const parts: Int32Array[] = [];
    for (let c = 0; c < ctx.nClasses; c++) {
      if (!ctx.targets.has(c)) parts.push(ctx.classRows[c]);
      else parts.push(ossClass(X, y, ctx, c, drawSeeds(ctx, c, options.nSeedsS as number, k, rng), k));
    }
    const rows = concatSorted(parts);
    const sub = subset(X, y, rows);
    const kept = keptIndices(tomekLinkMask(sub.X, sub.y, targetedMask(ctx.targets, ctx.nClasses)));
    return selectRows(X, y, kept.map((i) => rows[i]));
  },
});

export const oneSidedSelectionEntry = {
  id: 'one-sided-selection',
  label: 'One-sided selection',
  samplerType: 'clean-sampling',
  params: ossParams,
  citation: OSS_CITATION,
  resample: oneSidedSelection,
} as const;
