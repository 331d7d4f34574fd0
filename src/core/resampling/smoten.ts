/**
 * SMOTEN: SMOTE for purely categorical (nominal) data, with the Value Difference Metric.
 */
import type { ParamSpec } from '../params';
import type { Labels, Matrix } from '../types';
import { allocateResult, copyAllRows, defineResampler } from './defineResampler';
import type { BaseResamplerOptions } from './defineResampler';
import type { ResamplerEntry } from './registry';
import { samplingStrategyParam } from './strategyParam';
import { assertEnoughNeighbours } from './neighbourChecks';

export interface SmotenOptions extends BaseResamplerOptions {
  /** Nearest same-class neighbours whose majority vote makes a new sample (imbalanced-learn k_neighbors). Default 5. */
  kNeighbors?: number;
}

export const SMOTEN_CITATION =
  'Chawla, Bowyer, Hall & Kegelmeyer 2002, SMOTE: Synthetic Minority Over-sampling Technique, JAIR 16:321–357 (§6.2, SMOTE-N); Stanfill & Waltz 1986, Toward memory-based reasoning, CACM 29(12) (VDM)';

export const smotenParams: readonly ParamSpec[] = [
  {
    name: 'kNeighbors',
    kind: 'int',
    label: 'k neighbours',
    help: 'Number of nearest same-class neighbours (Value Difference Metric) that, with the sample itself, vote feature by feature on the categories of a new sample (imbalanced-learn k_neighbors). Must be smaller than the size of every class being over-sampled.',
    default: 5,
    min: 1,
    max: 50,
    citation: SMOTEN_CITATION,
  },
  samplingStrategyParam('over-sampling'),
];

/**
 * SMOTEN (imbalanced-learn 0.10 `SMOTEN`). Every column is categorical; values are category codes
 * stored as numbers (equal numbers = same category).
 *
 * Value Difference Metric (imbalanced-learn `ValueDifferenceMetric`, k = 1, r = 2), fitted on all
 * of X and y: with P_f(c | v) = #{i : x_i,f = v, y_i = c} / #{i : x_i,f = v},
 *
 *   VDM(a, b) = Σ_f ( Σ_c |P_f(c | a_f) − P_f(c | b_f)| )².
 *
 * For each class c with targets[c] > 0: the neighbourhood of sample x_i is x_i itself plus its k
 * nearest other samples of class c under the VDM (ties to the lower row index, as the shared
 * `kNearest`; imbalanced-learn asks for k + 1 neighbours of a precomputed distance matrix, which
 * includes the sample itself). targets[c] times: draw x_i uniformly from class c and set every
 * feature of x_new to the most frequent value of that feature in the neighbourhood of x_i (ties
 * to the smallest value, as `scipy.stats.mode`).
 *
 * The VDM is not a Euclidean distance, so the neighbours come from an exact brute-force search over
 * the precomputed per-feature category-pair table (O(n_c² · d) per class) rather than `kNearest`.
 *
 * Output: the input rows, then the synthetic rows class by class (ascending); synthetic rows have
 * origin −1 and parents (x_i, −1): the vote of k + 1 samples has no single second parent.
 *
 * Options: kNeighbors (1..50, default 5), samplingStrategy (over-sampling semantics).
 * @throws DataError when a class to over-sample has fewer than kNeighbors + 1 samples.
 * @throws DataError / ConfigError from the template (one class, NaN, invalid options, …).
 * @see Chawla, Bowyer, Hall & Kegelmeyer 2002, SMOTE: Synthetic Minority Over-sampling Technique, JAIR 16, §6.2
 */
export const smoten = defineResampler<SmotenOptions>({
  id: 'smoten',
  samplerType: 'over-sampling',
  params: smotenParams,
  body(X, y, options, ctx, rng) {
    const k = options.kNeighbors as number;
    for (const [c, num] of ctx.targets) if (num > 0) assertEnoughNeighbours(ctx, c, k, 'SMOTEN', 'kNeighbors', 'vote');
    const { categories, codes } = ordinalEncode(X);
    const table = vdmTables(codes, X.rows, X.cols, categories, y, ctx.nClasses);

    let total = X.rows;
    for (const n of ctx.targets.values()) total += n;
    const out = allocateResult(X, total);
    copyAllRows(X, y, out);
    const d = X.cols;
    const dst = out.X.data;
    let row = X.rows;
    for (const [c, num] of ctx.targets) {
      if (num === 0) continue;
      const rows = ctx.classRows[c];
      const hood = vdmNeighbourhoods(codes, d, rows, k, table, categories);
      const size = k + 1;
      for (let t = 0; t < num; t++, row++) {
        const i = rng.int(rows.length);
        for (let f = 0; f < d; f++) {
          const nCat = categories[f].length;
          const votes = new Int32Array(nCat);
          for (let s = 0; s < size; s++) votes[codes[rows[hood[i * size + s]] * d + f]]++;
          let best = 0;
          for (let v = 1; v < nCat; v++) if (votes[v] > votes[best]) best = v;
          dst[row * d + f] = categories[f][best];
        }
        out.y[row] = c;
        out.parents[2 * row] = rows[i];
      }
    }
    return out;
  },
});

export const smotenEntry = {
  id: 'smoten',
  label: 'SMOTEN',
  samplerType: 'over-sampling',
  params: smotenParams,
  citation: SMOTEN_CITATION,
  resample: smoten,
} as const satisfies ResamplerEntry<SmotenOptions>;

/** Per column: the sorted distinct values (sklearn `OrdinalEncoder`), and every cell's code. */
function ordinalEncode(X: Matrix): { categories: number[][]; codes: Int32Array } {
  const d = X.cols;
  const codes = new Int32Array(X.rows * d);
  const categories: number[][] = [];
  for (let f = 0; f < d; f++) {
    const values = new Set<number>();
    for (let i = 0; i < X.rows; i++) values.add(X.data[i * d + f]);
    const sorted = [...values].sort((p, q) => p - q);
    const index = new Map(sorted.map((v, t) => [v, t]));
    for (let i = 0; i < X.rows; i++) codes[i * d + f] = index.get(X.data[i * d + f]) as number;
    categories.push(sorted);
  }
  return { categories, codes };
}

/**
 * Per feature f, the table T_f[u · n_f + v] = (Σ_c |P_f(c | u) − P_f(c | v)|)² over category codes,
 * so that VDM(a, b) = Σ_f T_f[a_f, b_f].
 */
function vdmTables(codes: Int32Array, n: number, d: number, categories: number[][], y: Labels, nClasses: number): Float64Array[] {
  return categories.map((cats, f) => {
    const m = cats.length;
    const p = new Float64Array(m * nClasses);
    for (let i = 0; i < n; i++) p[codes[i * d + f] * nClasses + y[i]]++;
    for (let v = 0; v < m; v++) {
      let s = 0;
      for (let c = 0; c < nClasses; c++) s += p[v * nClasses + c];
      for (let c = 0; c < nClasses; c++) p[v * nClasses + c] /= s;
    }
    const t = new Float64Array(m * m);
    for (let u = 0; u < m; u++) {
      for (let v = 0; v < m; v++) {
        let l1 = 0;
        for (let c = 0; c < nClasses; c++) l1 += Math.abs(p[u * nClasses + c] - p[v * nClasses + c]);
        t[u * m + v] = l1 * l1;
      }
    }
    return t;
  });
}

/**
 * For each sample of the class (local index i): i itself, then its k nearest other samples of the
 * class under the VDM, ties to the lower index. Row-major |rows| × (k + 1), local indices.
 */
function vdmNeighbourhoods(codes: Int32Array, d: number, rows: Int32Array, k: number, table: Float64Array[], categories: number[][]): Int32Array {
  const n = rows.length;
  const size = k + 1;
  const out = new Int32Array(n * size);
  const best = new Float64Array(k);
  const bestIdx = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    best.fill(Infinity);
    let count = 0;
    const a = rows[i] * d;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const b = rows[j] * d;
      let dist = 0;
      for (let f = 0; f < d; f++) dist += table[f][codes[a + f] * categories[f].length + codes[b + f]];
      if (count === k && dist >= best[k - 1]) continue;
      let pos = count < k ? count : k - 1;
      while (pos > 0 && best[pos - 1] > dist) {
        best[pos] = best[pos - 1];
        bestIdx[pos] = bestIdx[pos - 1];
        pos--;
      }
      best[pos] = dist;
      bestIdx[pos] = j;
      if (count < k) count++;
    }
    out[i * size] = i;
    out.set(bestIdx, i * size + 1);
  }
  return out;
}
