/**
 * The one exact k-nearest-neighbour search of the core (SMOTE, and later ADASYN, ENN, Tomek links,
 * Borderline-SMOTE all use it), on plain typed arrays.
 */
import { ConfigError, DataError, got } from '../errors';
import type { Matrix } from '../types';
import { screenWithWasm } from './knnWasm';

export { wasmKernelAvailable } from './knnWasm';

/** Problems with n·m·d above this use the WebAssembly SIMD screening kernel under `kernel: 'auto'`. */
export const WASM_MIN_WORK = 1e7;

export interface KNearestOptions {
  /**
   * When the query set is the reference set (same matrix object, or same `data` buffer), leave each
   * point out of its own neighbour list: the k neighbours of row i are the k nearest rows j ≠ i.
   * imbalanced-learn gets the same by asking scikit-learn for k + 1 neighbours and dropping the
   * first column; the two agree except that, for exact duplicate rows, imbalanced-learn may drop the
   * lower-indexed duplicate and keep the point itself, while this drops the point itself.
   */
  excludeSelf?: boolean;
  /** Reference rows per cache block (default 256); only speed depends on it. */
  blockSize?: number;
  /**
   * Which screening code runs (results are identical): 'js' the float64 JavaScript loop, 'wasm' the
   * float32 WebAssembly SIMD kernel (knnWasm.ts; falls back to 'js' where WebAssembly SIMD is
   * unavailable or the data's magnitude is outside 2^±300), 'auto' (default) 'wasm' when
   * n·m·d > WASM_MIN_WORK.
   */
  kernel?: 'auto' | 'js' | 'wasm';
}

export interface KNearestResult {
  /** Row-major rows × k: indices[i·k + j] is the j-th nearest reference row of query row i. */
  indices: Int32Array;
  /** Euclidean distances matching `indices`, non-decreasing along each row. */
  distances: Float64Array;
  k: number;
}

/**
 * Exact brute-force k-nearest neighbours under the Euclidean distance
 * d(a, b) = sqrt(Σ_j (a_j − b_j)²), sorted by increasing distance, ties broken by the lower
 * reference index (scikit-learn's brute-force order on the fixtures).
 *
 * Speed: candidates are screened with the expansion ‖a − b‖² = ‖a‖² + ‖b‖² − 2 a·b in float64,
 * with the norms precomputed once and the dot products computed block by block (a block of
 * reference rows stays in cache while every query scans it, four queries per pass so each
 * reference value is loaded once per four dot products). The expansion suffers
 * cancellation, so it is only used as a filter: a candidate whose expanded distance exceeds the
 * current k-th best by more than the rounding bound 4(d + 2)·ε·(‖a‖² + ‖b‖²) cannot be a neighbour
 * and is skipped; every other candidate is re-measured with the direct sum of squared differences,
 * and only exact distances are stored and compared. The result is therefore exactly the
 * brute-force answer, at roughly the cost of one dot product per pair.
 *
 * Large problems (n·m·d > WASM_MIN_WORK, option `kernel`) screen in float32 with a WebAssembly
 * SIMD kernel instead (4 queries × 8 references per register block; when query set = reference
 * set each pair of tiles is computed once and screened in both directions), with the bound widened
 * for the float32 rounding of inputs and accumulation (derived in knnWasm.ts); survivors go through
 * the same exact re-measure and (distance, index) ranking, so the result is identical.
 *
 * Time O(n·m·d); memory O(n·k + n + m) beyond the inputs (no n × m distance matrix), plus float32
 * copies of both matrices (O((n + m)·d)) on the WebAssembly path.
 *
 * @param query n × d matrix of query points (finite values; callers validate with `assertFinite`).
 * @param reference m × d matrix of candidate neighbours.
 * @param k number of neighbours, integer >= 1.
 * @throws ConfigError when k is not a positive integer, when the column counts differ, or when
 *   `excludeSelf` is set but query and reference are not the same matrix.
 * @throws DataError when k exceeds the number of available reference rows (m, or m − 1 with excludeSelf).
 * @see Cover & Hart 1967, Nearest neighbor pattern classification, IEEE Trans. Inf. Theory 13(1)
 */
export function kNearest(query: Matrix, reference: Matrix, k: number, opts: KNearestOptions = {}): KNearestResult {
  const excludeSelf = opts.excludeSelf === true;
  if (!Number.isInteger(k) || k < 1) throw new ConfigError(`k must be a positive integer. Got ${got(k)} instead.`, 'k');
  if (query.cols !== reference.cols) {
    throw new ConfigError(`Query and reference points must have the same number of columns (${reference.cols}). Got ${query.cols} instead.`);
  }
  const sameSet = query === reference || (query.data === reference.data && query.rows === reference.rows);
  if (excludeSelf && !sameSet) {
    throw new ConfigError('excludeSelf only makes sense when the query set is the reference set. Got two different matrices instead.', 'excludeSelf');
  }
  const available = reference.rows - (excludeSelf ? 1 : 0);
  if (k > available) {
    throw new DataError(
      `k must be at most the number of ${excludeSelf ? 'other ' : ''}reference points (${available}). Got ${k} instead.`,
    );
  }

  const d = query.cols;
  const q = query.data;
  const r = reference.data;
  const n = query.rows;
  const m = reference.rows;
  const qNorm = squaredNorms(query);
  const rNorm = sameSet ? qNorm : squaredNorms(reference);
  const tol = 4 * (d + 2) * Number.EPSILON;
  const refBlock = Math.max(1, Math.floor(opts.blockSize ?? 256));

  const indices = new Int32Array(n * k);
  const sq = new Float64Array(n * k); // squared exact distances while searching
  const count = new Int32Array(n);
  const worst = new Float64Array(n).fill(Infinity); // squared distance of the current k-th neighbour

  /** Re-measures (i, j) exactly and inserts j in (distance, index) order if it ranks among the k best. */
  const consider = (i: number, j: number): void => {
    if (excludeSelf && i === j) return;
    const qi = i * d;
    const rj = j * d;
    let exact = 0;
    for (let t = 0; t < d; t++) {
      const diff = q[qi + t] - r[rj + t];
      exact += diff * diff;
    }
    if (exact > worst[i]) return;
    const base = i * k;
    const c = count[i];
    // Ranked by (distance, index), so the visiting order does not matter (the WASM path with a
    // shared query/reference set visits some references out of order).
    if (exact === worst[i] && j > indices[base + k - 1]) return;
    let pos = c < k ? c : k - 1;
    while (pos > 0 && (sq[base + pos - 1] > exact || (sq[base + pos - 1] === exact && indices[base + pos - 1] > j))) {
      sq[base + pos] = sq[base + pos - 1];
      indices[base + pos] = indices[base + pos - 1];
      pos--;
    }
    sq[base + pos] = exact;
    indices[base + pos] = j;
    if (c < k) count[i] = c + 1;
    if (c + 1 >= k) worst[i] = sq[base + k - 1];
  };

  const kernel = opts.kernel ?? 'auto';
  const wantWasm = kernel === 'wasm' || (kernel === 'auto' && n * m * d > WASM_MIN_WORK);
  const doneByWasm = wantWasm && screenWithWasm(q, r, n, m, d, sameSet, worst, consider);

  // Reference rows are visited in ascending order for every query, block by block; each block
  // stays in cache while all queries scan it, four queries at a time (one load of r per four dots).
  for (let r0 = doneByWasm ? m : 0; r0 < m; r0 += refBlock) {
    const r1 = Math.min(m, r0 + refBlock);
    let i = 0;
    for (; i + 4 <= n; i += 4) {
      const a0 = i * d;
      const a1 = a0 + d;
      const a2 = a1 + d;
      const a3 = a2 + d;
      const n0 = qNorm[i];
      const n1 = qNorm[i + 1];
      const n2 = qNorm[i + 2];
      const n3 = qNorm[i + 3];
      for (let j = r0; j < r1; j++) {
        const rj = j * d;
        let d0 = 0;
        let d1 = 0;
        let d2 = 0;
        let d3 = 0;
        for (let t = 0; t < d; t++) {
          const v = r[rj + t];
          d0 += q[a0 + t] * v;
          d1 += q[a1 + t] * v;
          d2 += q[a2 + t] * v;
          d3 += q[a3 + t] * v;
        }
        const rn = rNorm[j];
        let s = n0 + rn;
        if (s - 2 * d0 - tol * s <= worst[i]) consider(i, j);
        s = n1 + rn;
        if (s - 2 * d1 - tol * s <= worst[i + 1]) consider(i + 1, j);
        s = n2 + rn;
        if (s - 2 * d2 - tol * s <= worst[i + 2]) consider(i + 2, j);
        s = n3 + rn;
        if (s - 2 * d3 - tol * s <= worst[i + 3]) consider(i + 3, j);
      }
    }
    for (; i < n; i++) {
      const a0 = i * d;
      const n0 = qNorm[i];
      for (let j = r0; j < r1; j++) {
        const rj = j * d;
        let d0 = 0;
        for (let t = 0; t < d; t++) d0 += q[a0 + t] * r[rj + t];
        const s = n0 + rNorm[j];
        if (s - 2 * d0 - tol * s <= worst[i]) consider(i, j);
      }
    }
  }
  const distances = new Float64Array(n * k);
  for (let t = 0; t < distances.length; t++) distances[t] = Math.sqrt(sq[t]);
  return { indices, distances, k };
}

/** ‖x_i‖² of every row, in float64. */
function squaredNorms(X: Matrix): Float64Array {
  const { data, rows, cols } = X;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let t = i * cols, end = t + cols; t < end; t++) s += data[t] * data[t];
    out[i] = s;
  }
  return out;
}
