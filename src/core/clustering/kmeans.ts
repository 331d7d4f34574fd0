/**
 * k-means clustering (k-means++ seeding + Lloyd iterations), used by KMeans-SMOTE and
 * ClusterCentroids. Plain typed arrays, all randomness from the `Rng` argument.
 */
import { ConfigError, DataError, got } from '../errors';
import type { Rng } from '../random';
import type { Matrix } from '../types';

export interface KMeansOptions {
  /** Number of clusters k, integer in [1, rows]. */
  nClusters: number;
  /**
   * Number of seeded restarts; the run with the lowest inertia wins. Default 1: scikit-learn ≥ 1.4
   * uses n_init='auto' = 1 with k-means++ seeding (greedy k-means++ makes restarts rarely pay
   * off), and its old default of 10 costs 10× for the resamplers that call this per class.
   */
  nInit?: number;
  /** Maximum Lloyd iterations per run (scikit-learn `max_iter`, default 300). */
  maxIter?: number;
  /**
   * Relative tolerance (scikit-learn `tol`, default 1e-4): a run stops when the squared centroid
   * shift Σ_c ‖μ_c^new − μ_c^old‖² is at most tol · mean_j Var(X_·j), or when no label changes.
   */
  tol?: number;
}

export interface KMeansResult {
  /** k × d float64 centroids. */
  centroids: Matrix;
  /** Cluster index of every row (nearest centroid, ties → lower cluster index). */
  labels: Int32Array;
  /** Σ_i ‖x_i − μ_{label_i}‖² of the returned labels and centroids. */
  inertia: number;
  /** Lloyd iterations of the winning run. */
  nIter: number;
  /**
   * Inertia of the winning run after each assignment step (non-increasing up to rounding: each
   * assignment and each mean update can only lower Σ‖x − μ‖²).
   */
  inertiaHistory: number[];
}

/**
 * k-means: minimise the inertia Σ_i min_c ‖x_i − μ_c‖² (Euclidean, computed in float64).
 *
 * Seeding: greedy k-means++ as scikit-learn — the first centre uniform, each further centre chosen
 * among 2 + ⌊ln k⌋ candidates drawn with probability ∝ D(x)² (squared distance to the nearest
 * chosen centre), keeping the candidate that lowers Σ D² most. When every remaining D² is 0
 * (fewer distinct points than k), candidates are drawn uniformly.
 * Lloyd: assign each row to its nearest centroid, move each centroid to the mean of its rows;
 * an empty cluster is re-seeded with the row farthest from its current centroid (scikit-learn's
 * relocation). Stops at unchanged labels, at a squared shift <= tol · mean feature variance, or
 * after maxIter iterations; labels are finally re-assigned to the final centroids.
 *
 * Time O(nInit · iterations · n · k · d), memory O(n + k·d).
 *
 * @throws ConfigError when nClusters, nInit, maxIter or tol is out of range.
 * @throws DataError when there are fewer rows than clusters.
 * @see Lloyd 1982, Least squares quantization in PCM, IEEE Trans. Inf. Theory 28(2);
 *   Arthur & Vassilvitskii 2007, k-means++: the advantages of careful seeding, SODA
 */
export function kMeans(X: Matrix, options: KMeansOptions, rng: Rng): KMeansResult {
  const k = options.nClusters;
  const nInit = options.nInit ?? 1;
  const maxIter = options.maxIter ?? 300;
  const tol = options.tol ?? 1e-4;
  if (!Number.isInteger(k) || k < 1) throw new ConfigError(`nClusters must be a positive integer. Got ${got(k)} instead.`, 'nClusters');
  if (!Number.isInteger(nInit) || nInit < 1) throw new ConfigError(`nInit must be a positive integer. Got ${got(nInit)} instead.`, 'nInit');
  if (!Number.isInteger(maxIter) || maxIter < 1) throw new ConfigError(`maxIter must be a positive integer. Got ${got(maxIter)} instead.`, 'maxIter');
  if (!(typeof tol === 'number' && tol >= 0 && Number.isFinite(tol))) throw new ConfigError(`tol must be a number >= 0. Got ${got(tol)} instead.`, 'tol');
  if (X.rows < k) {
    throw new DataError(`nClusters must be at most the number of samples (${X.rows}). Got ${k} instead.`);
  }
  const data = Float64Array.from(X.data);
  const absTol = tol * meanVariance(data, X.rows, X.cols);
  let best: KMeansResult | null = null;
  for (let run = 0; run < nInit; run++) {
    const result = lloyd(data, X.rows, X.cols, k, maxIter, absTol, rng);
    if (best === null || result.inertia < best.inertia) best = result;
  }
  return best as KMeansResult;
}

function meanVariance(data: Float64Array, n: number, d: number): number {
  if (n === 0 || d === 0) return 0;
  let total = 0;
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[i * d + j];
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (data[i * d + j] - mean) ** 2;
    total += v / n;
  }
  return total / d;
}

function sqDist(a: Float64Array, ai: number, b: Float64Array, bi: number, d: number): number {
  let s = 0;
  for (let t = 0; t < d; t++) {
    const diff = a[ai + t] - b[bi + t];
    s += diff * diff;
  }
  return s;
}

/** Greedy k-means++ seeding (scikit-learn `_kmeans_plusplus`). Returns k × d centres. */
export function kMeansPlusPlus(data: Float64Array, n: number, d: number, k: number, rng: Rng): Float64Array {
  const centres = new Float64Array(k * d);
  const first = rng.int(n);
  centres.set(data.subarray(first * d, first * d + d), 0);
  const closest = new Float64Array(n);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = sqDist(data, i * d, centres, 0, d);
    potential += closest[i];
  }
  const trials = 2 + Math.floor(Math.log(k));
  const candidateDist = new Float64Array(n);
  const bestDist = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let bestCandidate = -1;
    let bestPotential = Infinity;
    for (let t = 0; t < trials; t++) {
      let cand: number;
      if (potential > 0) {
        const r = rng.next() * potential;
        let acc = 0;
        cand = n - 1;
        for (let i = 0; i < n; i++) {
          acc += closest[i];
          if (acc > r) {
            cand = i;
            break;
          }
        }
      } else {
        cand = rng.int(n);
      }
      let pot = 0;
      for (let i = 0; i < n; i++) {
        const v = Math.min(closest[i], sqDist(data, i * d, data, cand * d, d));
        candidateDist[i] = v;
        pot += v;
      }
      if (pot < bestPotential) {
        bestPotential = pot;
        bestCandidate = cand;
        bestDist.set(candidateDist);
      }
    }
    centres.set(data.subarray(bestCandidate * d, bestCandidate * d + d), c * d);
    closest.set(bestDist);
    potential = bestPotential;
  }
  return centres;
}

/** Assigns every row to its nearest centre; returns the inertia. */
function assign(data: Float64Array, n: number, d: number, centres: Float64Array, k: number, labels: Int32Array, dist: Float64Array): number {
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestD = Infinity;
    for (let c = 0; c < k; c++) {
      const v = sqDist(data, i * d, centres, c * d, d);
      if (v < bestD) {
        bestD = v;
        best = c;
      }
    }
    labels[i] = best;
    dist[i] = bestD;
    inertia += bestD;
  }
  return inertia;
}

function lloyd(data: Float64Array, n: number, d: number, k: number, maxIter: number, absTol: number, rng: Rng): KMeansResult {
  let centres = kMeansPlusPlus(data, n, d, k, rng);
  const labels = new Int32Array(n).fill(-1);
  const prev = new Int32Array(n);
  const dist = new Float64Array(n);
  const counts = new Int32Array(k);
  const history: number[] = [];
  let iter = 0;
  let inertia = assign(data, n, d, centres, k, labels, dist);
  history.push(inertia);
  while (iter < maxIter) {
    iter++;
    // M step: means, relocating empty clusters to the rows farthest from their centres.
    const next = new Float64Array(k * d);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      counts[c]++;
      for (let t = 0; t < d; t++) next[c * d + t] += data[i * d + t];
    }
    const empties: number[] = [];
    for (let c = 0; c < k; c++) if (counts[c] === 0) empties.push(c);
    if (empties.length > 0) {
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => dist[b] - dist[a] || a - b);
      let at = 0;
      for (const c of empties) {
        // take the farthest row whose own cluster keeps at least one member
        while (at < order.length && counts[labels[order[at]]] <= 1) at++;
        if (at >= order.length) break;
        const i = order[at++];
        const old = labels[i];
        counts[old]--;
        for (let t = 0; t < d; t++) next[old * d + t] -= data[i * d + t];
        labels[i] = c;
        counts[c] = 1;
        for (let t = 0; t < d; t++) next[c * d + t] = data[i * d + t];
      }
    }
    let shift = 0;
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) {
        for (let t = 0; t < d; t++) next[c * d + t] = centres[c * d + t];
        continue;
      }
      for (let t = 0; t < d; t++) {
        next[c * d + t] /= counts[c];
        shift += (next[c * d + t] - centres[c * d + t]) ** 2;
      }
    }
    centres = next;
    prev.set(labels);
    inertia = assign(data, n, d, centres, k, labels, dist);
    history.push(inertia);
    let same = true;
    for (let i = 0; i < n; i++) {
      if (labels[i] !== prev[i]) {
        same = false;
        break;
      }
    }
    if (same || shift <= absTol) break;
  }
  return { centroids: { data: centres, rows: k, cols: d }, labels, inertia, nIter: iter, inertiaHistory: history };
}
