/**
 * Building blocks of the prototype-selection (under- and clean-sampling) methods: the neighbour
 * rules they share (Tomek links, Wilson's edit) as plain functions on (X, y), and the bookkeeping
 * that turns a set of kept rows into a `ResampleResult` with correct provenance.
 */
import { DataError } from '../errors';
import { kNearest } from '../neighbors/knn';
import { takeRows } from '../types';
import type { Labels, Matrix } from '../types';
import { allocateResult } from './defineResampler';
import type { ResampleResult } from './types';

/** imbalanced-learn's `kind_sel` of the edited-nearest-neighbour family. */
export type KindSel = 'all' | 'mode';

/**
 * The minority class as imbalanced-learn's samplers pick it (`min(Counter(y))`): the smallest
 * present class, the lowest index among equals (as `resolveSamplingStrategy`; imbalanced-learn
 * takes the first class to appear in y, which is the same for sorted labels).
 */
export function minorityClass(counts: readonly number[]): number {
  let m = -1;
  for (let c = 0; c < counts.length; c++) if (counts[c] > 0 && (m < 0 || counts[c] < counts[m])) m = c;
  return m;
}

/** The largest present class, the lowest index among equals. */
export function majorityClass(counts: readonly number[]): number {
  let m = -1;
  for (let c = 0; c < counts.length; c++) if (counts[c] > 0 && (m < 0 || counts[c] > counts[m])) m = c;
  return m;
}

/** Number of rows of each class 0..nClasses−1. */
export function classCounts(y: Labels, nClasses: number): number[] {
  const out = new Array<number>(nClasses).fill(0);
  for (let i = 0; i < y.length; i++) out[y[i]]++;
  return out;
}

/** Indices i with `remove[i] === 0`, ascending. */
export function keptIndices(remove: Uint8Array): Int32Array {
  let n = 0;
  for (let i = 0; i < remove.length; i++) if (!remove[i]) n++;
  const out = new Int32Array(n);
  for (let i = 0, at = 0; i < remove.length; i++) if (!remove[i]) out[at++] = i;
  return out;
}

/** The output of an under-/clean-sampler: copies of the input rows `kept` (ascending). */
export function selectRows(X: Matrix, y: Labels, kept: ArrayLike<number>): ResampleResult {
  const out = allocateResult(X, kept.length);
  const d = X.cols;
  for (let i = 0; i < kept.length; i++) {
    const src = kept[i];
    out.X.data.set(X.data.subarray(src * d, src * d + d), i * d);
    out.y[i] = y[src];
    out.origin[i] = src;
  }
  return out;
}

/**
 * Keeps rows `kept` (ascending indices into `res`) of an earlier result, carrying provenance
 * through: a kept copy keeps its origin, a kept synthetic row keeps origin −1 and its parents.
 * This is how the SMOTE + cleaning combinations report where every surviving row came from.
 */
export function selectFromResult(res: ResampleResult, kept: ArrayLike<number>): ResampleResult {
  const out = allocateResult(res.X, kept.length);
  const d = res.X.cols;
  for (let i = 0; i < kept.length; i++) {
    const src = kept[i];
    out.X.data.set(res.X.data.subarray(src * d, src * d + d), i * d);
    out.y[i] = res.y[src];
    out.origin[i] = res.origin[src];
    out.parents[2 * i] = res.parents[2 * src];
    out.parents[2 * i + 1] = res.parents[2 * src + 1];
  }
  return out;
}

/**
 * The k nearest other rows of every row of X (self excluded), with a DataError naming the
 * parameter when there are not k other rows.
 */
export function neighboursWithin(X: Matrix, k: number, param: string): Int32Array {
  if (k > X.rows - 1) {
    throw new DataError(`${param} must be < the number of samples (${X.rows}). Got ${k} instead.`);
  }
  return kNearest(X, X, k, { excludeSelf: true }).indices;
}

/**
 * The most frequent label among `labels[from..from+k)`, the smallest label among equally frequent
 * ones (`scipy.stats.mode`, which imbalanced-learn's 'mode' rule and scikit-learn's k-NN vote use).
 */
export function modeLabel(labels: ArrayLike<number>, from: number, k: number, scratch: Int32Array): number {
  let best = -1;
  let bestCount = 0;
  for (let j = 0; j < k; j++) scratch[labels[from + j]] = 0;
  for (let j = 0; j < k; j++) scratch[labels[from + j]]++;
  for (let j = 0; j < k; j++) {
    const c = labels[from + j];
    const n = scratch[c];
    if (n > bestCount || (n === bestCount && c < best)) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Tomek links (Tomek 1976): rows i and j form a link when they have different labels and each is
 * the other's nearest neighbour (Euclidean, the shared `kNearest` with self excluded). Returns a
 * mask marking, for every link, the member(s) whose class is targeted (`targeted[class]`).
 * Needs at least two rows.
 */
export function tomekLinkMask(X: Matrix, y: Labels, targeted: ArrayLike<boolean>): Uint8Array {
  const n = X.rows;
  const remove = new Uint8Array(n);
  if (n < 2) return remove;
  const nn = kNearest(X, X, 1, { excludeSelf: true }).indices;
  for (let i = 0; i < n; i++) {
    if (!targeted[y[i]]) continue;
    const j = nn[i];
    if (y[j] !== y[i] && nn[j] === i) remove[i] = 1;
  }
  return remove;
}

/**
 * Wilson's edit as imbalanced-learn's `EditedNearestNeighbours._fit_resample`: a row of a targeted
 * class is removed when its k nearest other rows (whole data set) disagree with it —
 * kindSel 'all': any neighbour has another label; 'mode': the most frequent neighbour label
 * (smallest label among ties) is not its own. Returns the removal mask. `neighbours` may pass the
 * k-NN lists (`neighboursWithin(X, k)`) when the caller already has them.
 * @throws DataError when k >= the number of rows (parameter named `param`).
 */
export function ennRemoveMask(
  X: Matrix,
  y: Labels,
  targeted: ArrayLike<boolean>,
  k: number,
  kindSel: KindSel,
  nClasses: number,
  param = 'nNeighbors',
  neighbours?: Int32Array,
): Uint8Array {
  const n = X.rows;
  const remove = new Uint8Array(n);
  let any = false;
  for (let i = 0; i < n; i++) if (targeted[y[i]]) any = true;
  if (!any) return remove;
  const nn = neighbours ?? neighboursWithin(X, k, param);
  const labels = new Int32Array(nn.length);
  for (let t = 0; t < nn.length; t++) labels[t] = y[nn[t]];
  const scratch = new Int32Array(nClasses);
  for (let i = 0; i < n; i++) {
    const c = y[i];
    if (!targeted[c]) continue;
    if (kindSel === 'mode') {
      if (modeLabel(labels, i * k, k, scratch) !== c) remove[i] = 1;
    } else {
      for (let j = 0; j < k; j++) {
        if (labels[i * k + j] !== c) {
          remove[i] = 1;
          break;
        }
      }
    }
  }
  return remove;
}

/** targeted[c] = whether class c is a key of the resolved strategy. */
export function targetedMask(targets: ReadonlyMap<number, number>, nClasses: number): boolean[] {
  const out = new Array<boolean>(nClasses).fill(false);
  for (const c of targets.keys()) out[c] = true;
  return out;
}

/** X and y restricted to `rows` (in the given order). */
export function subset(X: Matrix, y: Labels, rows: ArrayLike<number>): { X: Matrix; y: Int32Array } {
  const ys = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) ys[i] = y[rows[i]];
  return { X: takeRows(X, rows), y: ys };
}

/** The union of disjoint index lists, ascending. */
export function concatSorted(parts: readonly ArrayLike<number>[]): Int32Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Int32Array(n);
  let at = 0;
  for (const p of parts) for (let i = 0; i < p.length; i++) out[at++] = p[i];
  return out.sort();
}

/**
 * k-nearest-neighbour vote (scikit-learn `KNeighborsClassifier(k).predict`, uniform weights):
 * for every row of `query`, the most frequent label among its k nearest rows of `train` (Euclidean;
 * equal distances: the earlier training row first), the smallest label among equally frequent ones.
 */
export function knnPredict(query: Matrix, train: Matrix, trainLabels: ArrayLike<number>, k: number, nClasses: number): Int32Array {
  const out = new Int32Array(query.rows);
  if (query.rows === 0) return out;
  const nn = kNearest(query, train, k).indices;
  const labels = new Int32Array(nn.length);
  for (let t = 0; t < nn.length; t++) labels[t] = trainLabels[nn[t]];
  const scratch = new Int32Array(nClasses);
  for (let i = 0; i < query.rows; i++) out[i] = k === 1 ? labels[i] : modeLabel(labels, i * k, k, scratch);
  return out;
}
