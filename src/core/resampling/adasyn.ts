/**
 * ADASYN: SMOTE whose per-sample budget grows with the share of other-class neighbours.
 */
import { DataError } from '../errors';
import { kNearest } from '../neighbors/knn';
import type { ParamSpec } from '../params';
import { takeRows } from '../types';
import type { Matrix } from '../types';
import { allocateResult, copyAllRows, defineResampler } from './defineResampler';
import type { BaseResamplerOptions } from './defineResampler';
import type { ResamplerEntry } from './registry';
import { samplingStrategyParam } from './strategyParam';
import { writeInterpolated } from './interpolate';
import { assertEnoughNeighbours } from './neighbourChecks';

export interface AdasynOptions extends BaseResamplerOptions {
  /** Neighbours that measure difficulty and are interpolated towards (imbalanced-learn n_neighbors). Default 5. */
  nNeighbors?: number;
}

export const ADASYN_CITATION =
  'He, Bai, Garcia & Li 2008, ADASYN: Adaptive Synthetic Sampling Approach for Imbalanced Learning, IJCNN 2008:1322–1328';

export const adasynParams: readonly ParamSpec[] = [
  {
    name: 'nNeighbors',
    kind: 'int',
    label: 'n neighbours',
    help: 'Number of nearest neighbours (imbalanced-learn n_neighbors): among all samples they decide how hard a sample is (share of other-class neighbours), among its own class they are the points it is interpolated towards. Must be smaller than the size of every class being over-sampled.',
    default: 5,
    min: 1,
    max: 50,
    citation: ADASYN_CITATION,
  },
  samplingStrategyParam('over-sampling'),
];

/**
 * ADASYN (imbalanced-learn 0.10 `ADASYN`). For each class c with targets[c] = G > 0, with K =
 * nNeighbors and the shared exact `kNearest` (the sample itself left out):
 *
 *   r_i = Δ_i / K,        Δ_i = #samples of other classes among the K nearest neighbours of x_i
 *                             in the whole data set (one-vs-rest for several classes);
 *   r̂_i = r_i / Σ_j r_j,  g_i = rint(r̂_i · G)   (round half to even, numpy's `np.rint`);
 *
 * then x_i generates g_i samples x_new = x_i + u · (x_nn − x_i), x_nn drawn uniformly among its K
 * nearest same-class neighbours, u ~ U[0, 1), in float64, stored in X's dtype.
 *
 * As in imbalanced-learn, the class receives Σ g_i samples, which may differ from G by rounding
 * (so the output class count is only approximately the strategy's target). Σ r_j uses numpy's
 * pairwise summation so the rounding, including halves, matches imbalanced-learn bit for bit.
 *
 * Output: the input rows, then the synthetic rows class by class (ascending), sample by sample;
 * synthetic rows have origin −1 and parents (x_i, x_nn) as input row indices.
 *
 * Options: nNeighbors (1..50, default 5), samplingStrategy (over-sampling semantics).
 * @throws DataError when nNeighbors >= the number of rows; when no sample of a class to over-sample
 *   has a neighbour of another class (every r_i = 0: the density distribution is undefined —
 *   imbalanced-learn's "Not any neigbours belong to the majority class"); when rounding leaves
 *   no sample to generate; when a class to over-sample has fewer than nNeighbors + 1 samples.
 * @throws DataError / ConfigError from the template (one class, NaN, invalid options, …).
 * @see He, Bai, Garcia & Li 2008, ADASYN: Adaptive Synthetic Sampling Approach for Imbalanced Learning, IJCNN
 */
export const adasyn = defineResampler<AdasynOptions>({
  id: 'adasyn',
  samplerType: 'over-sampling',
  params: adasynParams,
  body(X, y, options, ctx, rng) {
    const K = options.nNeighbors as number;
    const plans: { c: number; rows: Int32Array; g: Int32Array; nn: Int32Array }[] = [];
    let total = X.rows;
    for (const [c, num] of ctx.targets) {
      if (num === 0) continue;
      if (K >= X.rows) {
        throw new DataError(
          `nNeighbors must be < the number of samples (${X.rows}): each sample needs nNeighbors other samples. Got ${K} instead. Lower nNeighbors to at most ${X.rows - 1}.`,
        );
      }
      const rows = ctx.classRows[c];
      const g = adasynBudget(X, y, rows, c, K, num, ctx.className(c));
      let sum = 0;
      for (const gi of g) sum += gi;
      if (sum === 0) {
        throw new DataError(
          `ADASYN would generate no sample for class ${ctx.className(c)}: rounding g_i = rint(r̂_i · ${num}) gives 0 for every sample (imbalanced-learn: "No samples will be generated with the provided ratio settings."). Ask for more samples or use SMOTE. Got ${num} samples to generate instead.`,
        );
      }
      assertEnoughNeighbours(ctx, c, K, 'ADASYN', 'nNeighbors');
      const Xc = takeRows(X, rows);
      const nn = kNearest(Xc, Xc, K, { excludeSelf: true }).indices;
      plans.push({ c, rows, g, nn });
      total += sum;
    }
    const out = allocateResult(X, total);
    copyAllRows(X, y, out);
    let row = X.rows;
    for (const { c, rows, g, nn } of plans) {
      for (let i = 0; i < rows.length; i++) {
        const a = rows[i];
        for (let t = 0; t < g[i]; t++, row++) {
          const b = rows[nn[i * K + rng.int(K)]];
          writeInterpolated(X, out, row, a, b, rng.next(), c);
        }
      }
    }
    return out;
  },
});

export const adasynEntry = {
  id: 'adasyn',
  label: 'ADASYN',
  samplerType: 'over-sampling',
  params: adasynParams,
  citation: ADASYN_CITATION,
  resample: adasyn,
} as const satisfies ResamplerEntry<AdasynOptions>;

/**
 * g_i = rint(r̂_i · G) for every sample of class c (`rows`), as imbalanced-learn 0.10 computes it.
 * Exported for tests and for the UI (the per-sample budget is worth showing). `rows` are the
 * input rows of class c; K >= 1 and K < X.rows.
 *
 * @throws DataError when every r_i is 0.
 */
export function adasynBudget(
  X: Matrix,
  y: ArrayLike<number>,
  rows: Int32Array,
  c: number,
  K: number,
  G: number,
  className = `'${c}'`,
): Int32Array {
  const res = kNearest(takeRows(X, rows), X, K + 1).indices;
  const ratio = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    let seen = 0;
    let other = 0;
    for (let j = 0; j <= K && seen < K; j++) {
      const nb = res[i * (K + 1) + j];
      if (nb === rows[i]) continue; // the sample itself (or the (K+1)-th when it was not among them)
      seen++;
      if (y[nb] !== c) other++;
    }
    ratio[i] = other / K;
  }
  const s = numpySum(ratio);
  if (s === 0) {
    throw new DataError(
      `ADASYN needs samples of class ${className} with neighbours of another class: none of the ${K} nearest neighbours of any of its ${rows.length} samples belongs to another class, so every ratio r_i is 0 and r_i / Σ r_j is undefined (imbalanced-learn: "Not any neigbours belong to the majority class. … ADASYN is not suited for this specific dataset."). Use SMOTE instead, or raise nNeighbors. Got nNeighbors = ${K} instead.`,
    );
  }
  const g = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) g[i] = rintHalfEven((ratio[i] / s) * G);
  return g;
}

/** numpy's `np.rint`: round to nearest, halves to even. */
function rintHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff < 0.5) return f;
  if (diff > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

/**
 * `np.sum` of a contiguous float64 vector: pairwise summation (8 accumulators up to 128 values,
 * halves above) over buffers of 8192 values added in order. Checked against numpy 1.24.
 */
function numpySum(a: Float64Array): number {
  let res = 0;
  for (let lo = 0; lo < a.length; lo += 8192) res += pairwise(a, lo, Math.min(8192, a.length - lo));
  return res;
}

function pairwise(a: Float64Array, lo: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[lo + i];
    return res;
  }
  if (n <= 128) {
    const r = Array.from(a.subarray(lo, lo + 8));
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += a[lo + i + j];
    let res = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) res += a[lo + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(a, lo, n2) + pairwise(a, lo + n2, n - n2);
}
