/**
 * ClusterCentroids: prototype-generation under-sampling — replace a class by the centroids of a
 * k-means clustering of it (or by the real samples nearest to those centroids).
 */
import { kMeans } from '../clustering/kmeans';
import { kNearest } from '../neighbors/knn';
import type { ParamSpec } from '../params';
import { takeRows } from '../types';
import { allocateResult, copyRow, defineResampler } from './defineResampler';
import type { BaseResamplerOptions } from './defineResampler';
import type { ResamplerEntry } from './registry';
import { samplingStrategyParam } from './strategyParam';

export interface ClusterCentroidsOptions extends BaseResamplerOptions {
  /**
   * 'soft' (default; imbalanced-learn's 'auto' on dense data): the centroids themselves, new
   * synthetic rows; 'hard': the real sample nearest to each centroid.
   */
  voting?: 'soft' | 'hard';
}

export const CLUSTER_CENTROIDS_CITATION =
  'imbalanced-learn ClusterCentroids (Lemaître et al. 2017); Yen & Lee 2009, Cluster-based under-sampling approaches for imbalanced data distributions, Expert Systems with Applications 36(3)';

export const clusterCentroidsParams: readonly ParamSpec[] = [
  samplingStrategyParam('under-sampling'),
  {
    name: 'voting',
    kind: 'enum',
    label: 'voting',
    help: "'soft' replaces each under-sampled class by the k-means centroids (new points); 'hard' by the real sample nearest to each centroid (imbalanced-learn voting).",
    default: 'soft',
    options: ['soft', 'hard'],
    citation: CLUSTER_CENTROIDS_CITATION,
  },
];

/**
 * ClusterCentroids (imbalanced-learn `ClusterCentroids`, 0.10). For every class c in the resolved
 * strategy with n = targets[c] samples to keep, run k-means with n clusters on the rows of c
 * (this core's `kMeans`: k-means++ seeding, Lloyd iterations, one init) and replace the class by
 *
 * - soft voting: the n centroids μ_h = mean of the rows of cluster h (stored in X's dtype).
 *   These are new points: origin −1, parents (r, −1) with r the input row of c nearest to μ_h
 *   (the row hard voting would keep), so provenance always names a real sample;
 * - hard voting: the input row nearest to each centroid (origin = that row; two centroids may pick
 *   the same row, which is then kept twice, as in imbalanced-learn).
 *
 * Classes not in the strategy are copied unchanged. Output: class by class ascending (as
 * imbalanced-learn), a kept class in ascending row order, an under-sampled class in cluster order.
 *
 * Deviations: imbalanced-learn 0.10 uses scikit-learn KMeans (n_init = 10 on scikit-learn 1.2,
 * 'auto' = 1 from 1.4); this uses one k-means++ init. With soft voting imbalanced-learn records no
 * provenance (sample_indices unsupported); the parents above are this app's addition.
 *
 * Options: samplingStrategy (under-sampling semantics: counts to keep), voting ('soft' | 'hard').
 * @throws DataError / ConfigError from the template (one class, NaN, invalid samplingStrategy or voting).
 * @see Yen & Lee 2009, Cluster-based under-sampling approaches for imbalanced data distributions,
 *   Expert Systems with Applications 36(3); Lemaître, Nogueira & Aridas 2017, Imbalanced-learn, JMLR 18(17)
 */
export const clusterCentroids = defineResampler<ClusterCentroidsOptions>({
  id: 'cluster-centroids',
  samplerType: 'under-sampling',
  params: clusterCentroidsParams,
  body(X, y, options, ctx, rng) {
    const hard = options.voting === 'hard';
    let total = 0;
    for (let c = 0; c < ctx.nClasses; c++) total += ctx.targets.get(c) ?? ctx.counts[c];
    const out = allocateResult(X, total);
    const d = X.cols;
    let row = 0;
    for (let c = 0; c < ctx.nClasses; c++) {
      const rows = ctx.classRows[c];
      const target = ctx.targets.get(c);
      if (target === undefined) {
        for (const r of rows) copyRow(X, y, r, out, row++);
        continue;
      }
      if (target === 0) continue;
      const Xc = takeRows(X, rows);
      const centroids = kMeans(Xc, { nClusters: target }, rng.fork(`class-${c}`)).centroids;
      const nearest = kNearest(centroids, Xc, 1).indices;
      for (let h = 0; h < target; h++, row++) {
        const r = rows[nearest[h]];
        if (hard) {
          copyRow(X, y, r, out, row);
        } else {
          for (let j = 0; j < d; j++) out.X.data[row * d + j] = centroids.data[h * d + j];
          out.y[row] = c;
          out.parents[2 * row] = r;
        }
      }
    }
    return out;
  },
});

export const clusterCentroidsEntry = {
  id: 'cluster-centroids',
  label: 'Cluster centroids',
  samplerType: 'under-sampling',
  params: clusterCentroidsParams,
  citation: CLUSTER_CENTROIDS_CITATION,
  resample: clusterCentroids,
} as const satisfies ResamplerEntry<ClusterCentroidsOptions>;
