/**
 * SMOTE-NC: SMOTE for data with both continuous and categorical (nominal) features.
 */
import { ConfigError, got } from '../errors';
import { kNearest } from '../neighbors/knn';
import type { ParamSpec } from '../params';
import { takeRows } from '../types';
import type { Labels, Matrix } from '../types';
import { allocateResult, copyAllRows, defineResampler } from './defineResampler';
import type { BaseResamplerOptions, ResampleContext } from './defineResampler';
import type { ResamplerEntry } from './registry';
import { samplingStrategyParam } from './strategyParam';
import { assertEnoughNeighbours } from './neighbourChecks';

export interface SmoteNcOptions extends BaseResamplerOptions {
  /** Nearest same-class neighbours (imbalanced-learn k_neighbors). Default 5. */
  kNeighbors?: number;
  /**
   * Column indices of the categorical features (imbalanced-learn categorical_features). Required:
   * at least one column and not all of them. Category codes are stored as numbers in X; equal
   * numbers are the same category.
   */
  categoricalFeatures?: readonly number[];
}

export const SMOTE_NC_CITATION =
  'Chawla, Bowyer, Hall & Kegelmeyer 2002, SMOTE: Synthetic Minority Over-sampling Technique, JAIR 16:321–357 (§6.1, SMOTE-NC)';

/**
 * `categoricalFeatures` is a list of column indices, which `ParamSpec` cannot describe; it is an
 * object-valued option checked by the body (like per-class strategies), not a spec entry.
 */
export const smoteNcParams: readonly ParamSpec[] = [
  {
    name: 'kNeighbors',
    kind: 'int',
    label: 'k neighbours',
    help: 'Number of nearest same-class neighbours (imbalanced-learn k_neighbors): continuous features are interpolated towards one of them, categorical features take their most frequent value. Must be smaller than the size of every class being over-sampled.',
    default: 5,
    min: 1,
    max: 50,
    citation: SMOTE_NC_CITATION,
  },
  samplingStrategyParam('over-sampling'),
];

/**
 * SMOTE-NC (imbalanced-learn 0.10 `SMOTENC`). With C the categorical columns and the others
 * continuous:
 *
 * 1. Med = median over the continuous columns of the (population) standard deviation of the
 *    minority class — the smallest class, ties to the class that appears first in y, as
 *    imbalanced-learn's `min(Counter(y))` — whatever classes are over-sampled.
 * 2. Distances: imbalanced-learn's encoding, reproduced exactly: the continuous columns as they are,
 *    followed by a one-hot block per categorical column (categories = the sorted distinct values of
 *    the column in all of X) whose 1-entries are Med / 2. Two samples that differ in one categorical
 *    feature thus differ by Med / 2 in two coordinates: squared Euclidean contribution Med² / 2
 *    (the paper adds Med²; imbalanced-learn's comment claims the difference equals Med, which is
 *    only true in L1). Neighbours: the k nearest same-class samples in that space (shared `kNearest`).
 * 3. For each class c with targets[c] > 0, targets[c] times: pick one of the n_c · k (x_i, x_nn)
 *    pairs uniformly, then
 *      continuous j:  x_new,j = x_i,j + u · (x_nn,j − x_i,j),   u ~ U[0, 1) (one u per sample);
 *      categorical j: the most frequent value of column j among the k nearest neighbours of x_i
 *                     (x_i itself excluded), ties broken uniformly at random.
 *
 * Computed in float64, stored in X's dtype. Output: the input rows, then the synthetic rows class
 * by class (ascending); synthetic rows have origin −1 and parents (x_i, x_nn) as input row indices.
 *
 * Options: categoricalFeatures (required), kNeighbors (1..50, default 5), samplingStrategy.
 * @throws ConfigError (field 'categoricalFeatures') when it is missing, empty, not a list of
 *   distinct integer column indices in [0, cols), or lists every column (use SMOTE / SMOTEN).
 * @throws DataError when a class to over-sample has fewer than kNeighbors + 1 samples.
 * @throws DataError / ConfigError from the template (one class, NaN, invalid options, …).
 * @see Chawla, Bowyer, Hall & Kegelmeyer 2002, SMOTE: Synthetic Minority Over-sampling Technique, JAIR 16, §6.1
 */
export const smoteNc = defineResampler<SmoteNcOptions>({
  id: 'smote-nc',
  samplerType: 'over-sampling',
  params: smoteNcParams,
  body(X, y, options, ctx, rng) {
    const k = options.kNeighbors as number;
    const categorical = checkCategoricalFeatures(options.categoricalFeatures, X.cols);
    for (const [c, num] of ctx.targets) if (num > 0) assertEnoughNeighbours(ctx, c, k, 'SMOTE-NC');
    const isCat = new Uint8Array(X.cols);
    for (const j of categorical) isCat[j] = 1;
    const continuous: number[] = [];
    for (let j = 0; j < X.cols; j++) if (!isCat[j]) continuous.push(j);
    const medianStd = minorityMedianStd(X, y, ctx, continuous);
    const encoded = encode(X, continuous, categorical, medianStd);

    let total = X.rows;
    for (const n of ctx.targets.values()) total += n;
    const out = allocateResult(X, total);
    copyAllRows(X, y, out);
    const d = X.cols;
    const src = X.data;
    const dst = out.X.data;
    let row = X.rows;
    const votes = new Map<number, number>();
    for (const [c, num] of ctx.targets) {
      if (num === 0) continue;
      const rows = ctx.classRows[c];
      const Ec = takeRows(encoded, rows);
      const nn = kNearest(Ec, Ec, k, { excludeSelf: true }).indices;
      for (let t = 0; t < num; t++, row++) {
        const pair = rng.int(rows.length * k);
        const i = Math.floor(pair / k);
        const a = rows[i];
        const b = rows[nn[pair]];
        const u = rng.next();
        for (const j of continuous) {
          const xa = src[a * d + j];
          dst[row * d + j] = xa + u * (src[b * d + j] - xa);
        }
        for (const j of categorical) {
          votes.clear();
          for (let s = 0; s < k; s++) {
            const v = src[rows[nn[i * k + s]] * d + j];
            votes.set(v, (votes.get(v) ?? 0) + 1);
          }
          let best = 0;
          for (const n of votes.values()) if (n > best) best = n;
          const winners = [...votes].filter(([, n]) => n === best).map(([v]) => v);
          winners.sort((p, q) => p - q);
          dst[row * d + j] = winners.length === 1 ? winners[0] : winners[rng.int(winners.length)];
        }
        out.y[row] = c;
        out.parents[2 * row] = a;
        out.parents[2 * row + 1] = b;
      }
    }
    return out;
  },
});

export const smoteNcEntry = {
  id: 'smote-nc',
  label: 'SMOTE-NC',
  samplerType: 'over-sampling',
  params: smoteNcParams,
  citation: SMOTE_NC_CITATION,
  resample: smoteNc,
} as const satisfies ResamplerEntry<SmoteNcOptions>;

const FIELD = 'categoricalFeatures';

/** Validates `categoricalFeatures` and returns it as a plain list (order kept). */
function checkCategoricalFeatures(raw: unknown, cols: number): number[] {
  if (raw === undefined || raw === null) {
    throw new ConfigError(
      `SMOTE-NC needs categoricalFeatures, the indices of the categorical columns (between 0 and ${cols - 1}); for purely continuous data use SMOTE. Got ${got(raw)} instead.`,
      FIELD,
    );
  }
  const list = ArrayBuffer.isView(raw) ? Array.from(raw as unknown as ArrayLike<number>) : raw;
  if (!Array.isArray(list) || list.some((j) => typeof j !== 'number' || !Number.isInteger(j))) {
    throw new ConfigError(`categoricalFeatures must be a list of column indices (integers). Got ${got(raw)} instead.`, FIELD);
  }
  if (list.length === 0) {
    throw new ConfigError(
      `SMOTE-NC needs at least one categorical column in categoricalFeatures; for purely continuous data use SMOTE. Got [] instead.`,
      FIELD,
    );
  }
  if (list.some((j: number) => j < 0 || j >= cols)) {
    throw new ConfigError(
      `Some of the categorical indices are out of range: indices should be between 0 and ${cols - 1}. Got ${got(list)} instead.`,
      FIELD,
    );
  }
  if (new Set(list).size !== list.length) {
    throw new ConfigError(`categoricalFeatures must not list a column twice. Got ${got(list)} instead.`, FIELD);
  }
  if (list.length === cols) {
    throw new ConfigError(
      `SMOTE-NC is not designed to work only with categorical features: it requires some continuous features. Use SMOTEN for purely categorical data. Got ${got(list)} (every column) instead.`,
      FIELD,
    );
  }
  return list as number[];
}

/**
 * Median over the continuous columns of the population standard deviation of the minority class
 * (smallest count; ties to the class that appears first in y, as `min(Counter(y), key=…)`).
 */
function minorityMedianStd(X: Matrix, y: Labels, ctx: ResampleContext, continuous: readonly number[]): number {
  const firstSeen = new Array<number>(ctx.nClasses).fill(Infinity);
  for (let i = y.length - 1; i >= 0; i--) firstSeen[y[i]] = i;
  let minority = -1;
  for (let c = 0; c < ctx.nClasses; c++) {
    if (ctx.counts[c] === 0) continue;
    if (minority < 0 || ctx.counts[c] < ctx.counts[minority] || (ctx.counts[c] === ctx.counts[minority] && firstSeen[c] < firstSeen[minority])) {
      minority = c;
    }
  }
  const rows = ctx.classRows[minority];
  const d = X.cols;
  const stds = continuous.map((j) => {
    let mean = 0;
    for (const r of rows) mean += X.data[r * d + j];
    mean /= rows.length;
    let v = 0;
    for (const r of rows) v += (X.data[r * d + j] - mean) ** 2;
    return Math.sqrt(v / rows.length);
  });
  stds.sort((p, q) => p - q);
  const h = stds.length >> 1;
  return stds.length % 2 === 1 ? stds[h] : (stds[h - 1] + stds[h]) / 2;
}

/** imbalanced-learn's SMOTE-NC space: continuous columns, then one-hot blocks scaled by Med / 2. */
function encode(X: Matrix, continuous: readonly number[], categorical: readonly number[], medianStd: number): Matrix {
  const d = X.cols;
  const blocks = categorical.map((j) => {
    const values = new Set<number>();
    for (let i = 0; i < X.rows; i++) values.add(X.data[i * d + j]);
    const sorted = [...values].sort((p, q) => p - q);
    return new Map(sorted.map((v, t) => [v, t]));
  });
  const cols = continuous.length + blocks.reduce((s, b) => s + b.size, 0);
  const Ctor = X.data instanceof Float64Array ? Float64Array : Float32Array;
  const data = new Ctor(X.rows * cols);
  const hot = medianStd / 2;
  for (let i = 0; i < X.rows; i++) {
    let o = i * cols;
    for (const j of continuous) data[o++] = X.data[i * d + j];
    categorical.forEach((j, f) => {
      data[o + (blocks[f].get(X.data[i * d + j]) as number)] = hot;
      o += blocks[f].size;
    });
  }
  return { data, rows: X.rows, cols };
}
