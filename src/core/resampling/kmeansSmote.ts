/**
 * KMeans-SMOTE: cluster the whole data set, then SMOTE only inside clusters where the class to
 * over-sample is well represented, more points into sparser clusters.
 */
import { DataError } from '../errors';
import { kMeans } from '../clustering/kmeans';
import type { ParamSpec } from '../params';
import type { Matrix } from '../types';
import { allocateResult, copyAllRows, defineResampler } from './defineResampler';
import type { BaseResamplerOptions } from './defineResampler';
import type { ResamplerEntry } from './registry';
import { samplingStrategyParam } from './strategyParam';
import type { Resampler } from './types';
import { smoteRows } from './interpolate';
import { assertEnoughNeighbours } from './neighbourChecks';

export interface KMeansSmoteOptions extends BaseResamplerOptions {
  /** Nearest same-class neighbours (within a cluster) to interpolate towards (imbalanced-learn k_neighbors). Default 2. */
  kNeighbors?: number;
  /** Number of k-means clusters (imbalanced-learn kmeans_estimator given as an int). Default 8. */
  kmeansEstimator?: number;
  /** Minimum share of the class in a cluster for it to be over-sampled, or 'auto' (default). */
  clusterBalanceThreshold?: number | 'auto';
  /** Exponent of the mean distance in the cluster density, or 'auto' (default). */
  densityExponent?: number | 'auto';
}

export const KMEANS_SMOTE_CITATION =
  'Douzas, Bacao & Last 2018, Improving imbalanced learning through a heuristic oversampling method based on k-means and SMOTE, Information Sciences 465:1–20';

export const kmeansSmoteParams: readonly ParamSpec[] = [
  {
    name: 'kNeighbors',
    kind: 'int',
    label: 'k neighbours',
    help: 'Number of nearest same-class neighbours inside a cluster to interpolate towards (imbalanced-learn k_neighbors). A cluster needs at least k + 1 samples of the class to be used.',
    default: 2,
    min: 1,
    max: 50,
    citation: KMEANS_SMOTE_CITATION,
  },
  {
    name: 'kmeansEstimator',
    kind: 'int',
    label: 'clusters',
    help: 'Number of k-means clusters of the whole data set (imbalanced-learn kmeans_estimator as an int; its default MiniBatchKMeans uses 8).',
    default: 8,
    min: 1,
    max: 100,
    citation: KMEANS_SMOTE_CITATION,
  },
  {
    name: 'clusterBalanceThreshold',
    kind: 'float',
    label: 'cluster balance threshold',
    help: "Minimum fraction of the over-sampled class in a cluster for it to receive new points, or 'auto' = (points to generate for the class) / (points to generate in total) / 2, as imbalanced-learn. Ignored with one cluster.",
    default: 'auto',
    allowAuto: true,
    min: 0,
    max: 1,
    step: 0.01,
    citation: KMEANS_SMOTE_CITATION,
  },
  {
    name: 'densityExponent',
    kind: 'float',
    label: 'density exponent',
    help: "Exponent e of the mean distance in a cluster's density n / mean_dist^e, or 'auto' = 0.16 · log_1.6(n)^1.8 (n = class samples in the cluster), as imbalanced-learn.",
    default: 'auto',
    allowAuto: true,
    min: 0,
    max: 20,
    step: 0.1,
    citation: KMEANS_SMOTE_CITATION,
  },
  samplingStrategyParam('over-sampling'),
];

/** Mean pairwise Euclidean distance over the n(n − 1) ordered pairs of distinct rows (0 for n = 1). */
function meanDistance(X: Matrix, rows: readonly number[]): number {
  const n = rows.length;
  if (n < 2) return 0;
  const d = X.cols;
  let s = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      let q = 0;
      for (let j = 0; j < d; j++) q += (X.data[rows[a] * d + j] - X.data[rows[b] * d + j]) ** 2;
      s += Math.sqrt(q);
    }
  }
  return (2 * s) / (n * (n - 1));
}

/**
 * Splits `total` into integer parts proportional to `weights` that sum exactly to `total`
 * (largest remainder; ties to the lower index).
 */
function apportion(total: number, weights: readonly number[]): number[] {
  const parts = weights.map((w) => Math.floor(total * w));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = weights.map((w, i) => [total * w - parts[i], i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let t = 0; left > 0; t = (t + 1) % order.length, left--) parts[order[t][1]]++;
  return parts;
}

const body = defineResampler<KMeansSmoteOptions>({
  id: 'kmeans-smote',
  samplerType: 'over-sampling',
  params: kmeansSmoteParams,
  body(X, y, options, ctx, rng) {
    const k = options.kNeighbors as number;
    const nClusters = options.kmeansEstimator as number;
    const thresholdOpt = options.clusterBalanceThreshold as number | 'auto';
    const exponentOpt = options.densityExponent as number | 'auto';
    // A class with at most k samples can never fill a cluster with k + 1 of them: say so, and which k works.
    for (const [c, num] of ctx.targets) if (num > 0) assertEnoughNeighbours(ctx, c, k, 'KMeans-SMOTE');
    let generate = 0;
    for (const num of ctx.targets.values()) generate += num;
    const out = allocateResult(X, X.rows + generate);
    copyAllRows(X, y, out);
    if (generate === 0) return out;
    if (nClusters > X.rows) {
      throw new DataError(`kmeansEstimator (clusters) must be at most the number of samples (${X.rows}). Got ${nClusters} instead.`);
    }
    // imbalanced-learn refits the same seeded k-means for every class; once is the same clustering.
    const labels = kMeans(X, { nClusters }, rng.fork('kmeans')).labels;
    const members: number[][] = Array.from({ length: nClusters }, () => []);
    for (let i = 0; i < X.rows; i++) members[labels[i]].push(i);
    const smoteRng = rng.fork('smote');
    let row = X.rows;
    for (const [c, num] of ctx.targets) {
      if (num === 0) continue;
      const threshold = nClusters === 1 ? -Infinity : thresholdOpt === 'auto' ? num / generate / 2 : thresholdOpt;
      const valid: number[][] = [];
      const sparsity: number[] = [];
      let bestShare = 0;
      let bestCount = 0;
      for (const cluster of members) {
        if (cluster.length === 0) continue;
        const classRows = cluster.filter((i) => y[i] === c);
        const share = classRows.length / cluster.length;
        if (share > bestShare || (share === bestShare && classRows.length > bestCount)) {
          bestShare = share;
          bestCount = classRows.length;
        }
        if (share < threshold || classRows.length < k + 1) continue;
        const nc = classRows.length;
        const exponent = exponentOpt === 'auto' ? 0.16 * (Math.log(nc) / Math.log(1.6)) ** 1.8 : exponentOpt;
        valid.push(classRows);
        sparsity.push(meanDistance(X, classRows) ** exponent / nc);
      }
      if (valid.length === 0) {
        throw new DataError(
          `No clusters found with sufficient samples of class ${ctx.className(c)}: a cluster needs a share of the class >= ${threshold.toPrecision(3)} and at least kNeighbors + 1 = ${k + 1} of its samples (the best cluster has a share of ${bestShare.toPrecision(3)} with ${bestCount}). Lower clusterBalanceThreshold or kNeighbors, or change kmeansEstimator (the number of clusters). Got kmeansEstimator = ${nClusters} instead.`,
        );
      }
      const totalSparsity = sparsity.reduce((a, b) => a + b, 0);
      const weights = totalSparsity > 0 ? sparsity.map((s) => s / totalSparsity) : sparsity.map(() => 1 / sparsity.length);
      const counts = apportion(num, weights);
      valid.forEach((rows, v) => {
        const count = counts[v];
        if (count === 0) return;
        row = smoteRows(X, out, row, rows, k, count, c, smoteRng);
      });
    }
    return out;
  },
});

/**
 * KMeans-SMOTE (imbalanced-learn `KMeansSMOTE`, 0.10).
 *
 * 1. Cluster all of X with k-means (this core's `kMeans`, k-means++ seeding, kmeansEstimator
 *    clusters; imbalanced-learn's default is MiniBatchKMeans with 8).
 * 2. For each class c with targets[c] = N > 0, keep the clusters where the share of c is at least
 *    the threshold ('auto': N / Σ_c′ targets[c′] / 2; −∞ with one cluster) and that hold at least
 *    kNeighbors + 1 samples of c.
 * 3. Weight kept cluster h by its sparsity  mean_dist_h^e / n_h  (n_h samples of c in h, mean_dist_h
 *    their mean pairwise Euclidean distance, e = densityExponent, 'auto' = 0.16 · log_1.6(n_h)^1.8),
 *    normalised to sum 1 (uniform when all are 0, i.e. only duplicates).
 * 4. SMOTE inside each kept cluster: N_h points x_new = x_a + u · (x_b − x_a), u ~ U[0, 1), x_b one
 *    of the kNeighbors nearest samples of c in the same cluster.
 *
 * Output: input rows, then synthetic rows class by class, cluster by cluster; origin −1 and parents (a, b).
 *
 * Deviation: imbalanced-learn gives each cluster ⌈N · w_h⌉ points, so it may generate more than N;
 * here N_h is a largest-remainder apportionment of N, so the counts equal the resolved strategy.
 *
 * Options: kNeighbors (1..50, default 2), kmeansEstimator (1..100, default 8),
 *   clusterBalanceThreshold ('auto' or 0..1), densityExponent ('auto' or 0..20), samplingStrategy.
 * @throws DataError when a class to over-sample has fewer than kNeighbors + 1 samples (no cluster
 *   could ever qualify): "kNeighbors must be < the number of samples in class 'minority' (5). Got 5 instead. …"
 * @throws DataError when no cluster qualifies for a class ("No clusters found with sufficient
 *   samples of class …", imbalanced-learn's RuntimeError) or X has fewer rows than clusters.
 * @throws DataError / ConfigError from the template (one class, NaN, invalid options, …).
 * @see Douzas, Bacao & Last 2018, Improving imbalanced learning through a heuristic oversampling
 *   method based on k-means and SMOTE, Information Sciences 465
 */
export const kmeansSmote: Resampler<KMeansSmoteOptions> = (X, y, options, rng) => {
  // 'auto' is the spec default; map an explicit 'auto' to "unset" so the float specs accept it.
  const o = { ...options };
  if (o.clusterBalanceThreshold === 'auto') delete o.clusterBalanceThreshold;
  if (o.densityExponent === 'auto') delete o.densityExponent;
  return body(X, y, o, rng);
};

export const kmeansSmoteEntry = {
  id: 'kmeans-smote',
  label: 'KMeans-SMOTE',
  samplerType: 'over-sampling',
  params: kmeansSmoteParams,
  citation: KMEANS_SMOTE_CITATION,
  resample: kmeansSmote,
} as const satisfies ResamplerEntry<KMeansSmoteOptions>;
