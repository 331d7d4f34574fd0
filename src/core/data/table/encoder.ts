/**
 * Table → model features, with every statistic fitted on the training rows only (house rule 3: the
 * test split must not leak into the preprocessing either).
 *
 * Per feature column, the scikit-learn pipeline it mirrors:
 * - numeric: SimpleImputer(strategy='median') then StandardScaler (population std; a column whose
 *   training values are all equal gets scale 1, as scikit-learn's `_handle_zeros_in_scale`);
 * - boolean: 0 / 1, missing cells imputed with the most frequent training value (ties → 0);
 * - categorical: SimpleImputer(strategy='most_frequent') then OneHotEncoder(handle_unknown='ignore'):
 *   categories are the training values sorted like numpy.unique, a category seen only outside the
 *   training rows encodes as all zeros, and more than `maxCategories` categories is an error.
 *
 * The fitted encoder is plain JSON-serialisable data, so it can be saved with an experiment and
 * applied to another table with the same column names.
 */
import { scaleOf } from '../scaler';
import { DataError, got } from '../../errors';
import type { Matrix } from '../../types';
import { booleanValue, sortLikeNumpyUnique } from './cells';
import { featureColumns, type TableSchema } from './inferSchema';
import { MAX_LEVELS, type Table, type TableColumn } from './table';

export type EncodedFeature =
  | { kind: 'numeric'; column: string; median: number; mean: number; scale: number }
  | { kind: 'boolean'; column: string; trueLevels: string[]; falseLevels: string[]; fill: 0 | 1 }
  | { kind: 'categorical'; column: string; categories: string[]; fill: string };

export interface TableEncoder {
  version: 1;
  /** The target column the encoder was fitted beside (never encoded). */
  target: string | null;
  features: EncodedFeature[];
  /** Output width of 'one-hot' mode (one column per numeric / boolean feature, one per category). */
  oneHotWidth: number;
  /** Output width of 'codes' mode (one column per feature). */
  codesWidth: number;
  /** Training rows the statistics came from. */
  fittedRows: number;
  /** Missing training cells per column, filled by imputation (columns without any are left out). */
  imputedInTraining: { column: string; count: number }[];
}

export interface EncoderOptions {
  /** Most categories a categorical column may have in the training rows (default 50). */
  maxCategories?: number;
}

export type EncodeMode = 'one-hot' | 'codes';

export interface EncodedRows {
  /** rows × width, float64; never holds NaN or ±Infinity (see `codes` for the one exception). */
  X: Matrix & { data: Float64Array };
  featureNames: string[];
  /**
   * 'codes' mode only: the columns of X that hold integer category codes (categorical and boolean
   * features) — the `categoricalFeatures` of SMOTE-NC / SMOTEN. A category unseen in training is
   * code -1 (all zeros after `codesToOneHot`). Empty in 'one-hot' mode.
   */
  categoricalFeatures: number[];
  /** Cells filled by imputation in these rows, per column (columns without any are left out). */
  imputed: { column: string; count: number }[];
}

/**
 * k-th smallest of a[0..n) (0-based), rearranging a: Hoare partition with median-of-three pivots,
 * expected O(n) — sorting 200k values per column would cost ~10× more.
 */
function selectKth(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three into a[mid]
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** numpy.median of a[0..n): the middle value, or the mean of the two middle values. Rearranges a. */
export function medianInPlace(a: Float64Array, n: number): number {
  const hi = n >> 1;
  const upper = selectKth(a, n, hi);
  // `+ 0` turns a -0 into +0: which signed zero lands in the middle depends on the selection
  // order, and an imputed value should not carry a sign that no input row gave it on purpose.
  if (n % 2 === 1) return upper + 0;
  // After selection, every value left of `hi` is ≤ upper: the lower middle is their maximum.
  let lower = -Infinity;
  for (let i = 0; i < hi; i++) if (a[i] > lower) lower = a[i];
  return lower + (upper - lower) / 2 + 0;
}

function checkRows(rows: ArrayLike<number>, n: number, what: string): void {
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (!(Number.isInteger(r) && r >= 0 && r < n)) {
      throw new DataError(`${what} must be row indices between 0 and ${n - 1}, but entry ${k} is not. Got ${got(r)} instead.`);
    }
  }
}

function findColumn(table: Table, name: string): TableColumn {
  const col = table.columns.find((c) => c.name === name);
  if (col === undefined) {
    throw new DataError(`The table has no column '${name}', which the encoder was fitted with. Load a file with the same columns as the training file. Got columns ${got(table.columns.map((c) => c.name).slice(0, 12))} instead.`);
  }
  return col;
}

function needCodes(col: TableColumn, kind: string): { codes: Int32Array; levels: string[] } {
  if (col.codes === null || col.levels === null) {
    throw new DataError(
      `Column '${col.name}' has more than ${MAX_LEVELS} distinct values and cannot be encoded as ${kind}. Mark it ignored, or as numeric if it holds numbers. Got more than ${MAX_LEVELS} distinct values instead.`,
    );
  }
  return { codes: col.codes, levels: col.levels };
}

/**
 * Fits the encoder on the training rows only.
 *
 * @param trainRows row indices of the training split (every statistic — medians, means, scales,
 *   categories, most frequent values — comes from these rows and no other).
 * @throws DataError when there is no feature column (see `featureColumns`), when a numeric column has no
 *   value in the training rows, or when a categorical column has more than `maxCategories` training
 *   categories (naming the column, its count, and the fix: ignore it or raise the cap).
 */
export function fitTableEncoder(table: Table, schema: TableSchema, trainRows: Int32Array, opts: EncoderOptions = {}): TableEncoder {
  const maxCategories = opts.maxCategories ?? 50;
  const features = featureColumns(schema);
  if (trainRows.length === 0) throw new DataError('The encoder needs at least one training row. Got 0 training rows instead.');
  checkRows(trainRows, table.rows, 'trainRows');
  const n = trainRows.length;
  const scratch = new Float64Array(n);
  const out: EncodedFeature[] = [];
  const imputed: { column: string; count: number }[] = [];
  for (const f of features) {
    const col = findColumn(table, f.name);
    if (f.type === 'numeric') {
      const x = col.numbers;
      let m = 0;
      let sum = 0;
      let min = Infinity;
      let max = -Infinity;
      for (let k = 0; k < n; k++) {
        const v = x[trainRows[k]];
        if (v === v) {
          scratch[m++] = v;
          sum += v;
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      if (m === 0) {
        throw new DataError(
          `Column '${col.name}' has no number in the ${n} training rows, so it cannot be imputed or scaled. Mark it ignored. Got 0 numbers instead.`,
        );
      }
      const missing = n - m;
      // Computed even for a column without gaps: another table (the test file) may have them.
      const median = medianInPlace(scratch, m);
      if (missing > 0) {
        sum += missing * median;
        if (median < min) min = median;
        if (median > max) max = median;
      }
      const mean = sum / n;
      let ss = 0;
      for (let k = 0; k < m; k++) {
        const d = scratch[k] - mean;
        ss += d * d;
      }
      ss += missing * (median - mean) * (median - mean);
      out.push({ kind: 'numeric', column: col.name, median, mean, scale: max === min ? 1 : scaleOf(ss / n, mean, n) });
      if (missing > 0) imputed.push({ column: col.name, count: missing });
    } else if (f.type === 'boolean') {
      const { codes, levels } = needCodes(col, 'a boolean');
      const value = levels.map(booleanValue);
      let ones = 0;
      let zeros = 0;
      const seen = new Uint8Array(levels.length);
      for (let k = 0; k < n; k++) {
        const c = codes[trainRows[k]];
        if (c >= 0) {
          seen[c] = 1;
          if (value[c] === 1) ones++;
          else if (value[c] === 0) zeros++;
        }
      }
      const bad = levels.find((_, k) => seen[k] && value[k] === -1);
      if (bad !== undefined) {
        throw new DataError(`Column '${col.name}' is marked boolean but holds ${got(bad)}, which is not a yes/no value. Mark it categorical instead. Got ${got(bad)} instead.`);
      }
      // Only spellings seen in training are stored (others are still read through `booleanValue`).
      out.push({
        kind: 'boolean',
        column: col.name,
        trueLevels: sortLikeNumpyUnique(levels.filter((_, k) => seen[k] && value[k] === 1)),
        falseLevels: sortLikeNumpyUnique(levels.filter((_, k) => seen[k] && value[k] === 0)),
        fill: ones > zeros ? 1 : 0,
      });
      if (n - ones - zeros > 0) imputed.push({ column: col.name, count: n - ones - zeros });
    } else if (f.type === 'categorical') {
      const { codes, levels } = needCodes(col, 'categories');
      const counts = new Int32Array(levels.length);
      let missing = 0;
      for (let k = 0; k < n; k++) {
        const c = codes[trainRows[k]];
        if (c >= 0) counts[c]++;
        else missing++;
      }
      const seen = levels.filter((_, k) => counts[k] > 0);
      if (seen.length > maxCategories) {
        throw new DataError(
          `Column '${col.name}' has ${seen.length} distinct values in the training rows, more than the ${maxCategories} categories one-hot encoding allows. Mark it ignored (an ID or free text?), or raise the category limit. Got ${seen.length} categories instead.`,
        );
      }
      if (seen.length === 0) {
        throw new DataError(`Column '${col.name}' has no value in the ${n} training rows, so it cannot be encoded. Mark it ignored. Got 0 values instead.`);
      }
      const categories = sortLikeNumpyUnique(seen);
      const countOf = new Map(levels.map((l, k) => [l, counts[k]]));
      // Most frequent; ties go to the first category in sorted order (scikit-learn's SimpleImputer).
      let fill = categories[0];
      for (const c of categories) if (countOf.get(c)! > countOf.get(fill)!) fill = c;
      out.push({ kind: 'categorical', column: col.name, categories, fill });
      if (missing > 0) imputed.push({ column: col.name, count: missing });
    } else {
      throw new DataError(`Column '${col.name}' has type '${f.type}', which cannot be a feature; mark it numeric, categorical or boolean, or ignore it. Got '${f.type}' instead.`);
    }
  }
  let oneHotWidth = 0;
  for (const f of out) oneHotWidth += f.kind === 'categorical' ? f.categories.length : 1;
  return { version: 1, target: schema.target, features: out, oneHotWidth, codesWidth: out.length, fittedRows: n, imputedInTraining: imputed };
}

/** Feature names of the given mode: a categorical column becomes `name=category` columns in one-hot mode. */
export function encodedFeatureNames(encoder: TableEncoder, mode: EncodeMode): string[] {
  if (mode === 'codes') return encoder.features.map((f) => f.column);
  return encoder.features.flatMap((f) => (f.kind === 'categorical' ? f.categories.map((c) => `${f.column}=${c}`) : [f.column]));
}

/**
 * Encodes rows of a table (the one the encoder was fitted on, or another with the same column names).
 *
 * - 'one-hot': the model's input; numeric standardised, boolean 0/1, categorical one-hot.
 * - 'codes': one column per feature, categorical (and boolean) features as integer codes into the
 *   encoder's categories — the input SMOTE-NC / SMOTEN expect; `codesToOneHot` then turns resampled
 *   rows into exactly the one-hot columns.
 *
 * Missing cells are imputed with the training statistic (counted in `imputed`); no NaN is ever
 * returned.
 *
 * @throws DataError when a row index is out of range or a column is missing from the table.
 */
export function encodeRows(table: Table, encoder: TableEncoder, rows: ArrayLike<number>, mode: EncodeMode): EncodedRows {
  checkRows(rows, table.rows, 'rows');
  const n = rows.length;
  const width = mode === 'one-hot' ? encoder.oneHotWidth : encoder.codesWidth;
  const X = new Float64Array(n * width);
  const imputed: { column: string; count: number }[] = [];
  const categoricalFeatures: number[] = [];
  let off = 0;
  for (let fi = 0; fi < encoder.features.length; fi++) {
    const f = encoder.features[fi];
    const col = findColumn(table, f.column);
    let filled = 0;
    if (f.kind === 'numeric') {
      const x = col.numbers;
      const { median, mean, scale } = f;
      const fillValue = (median - mean) / scale;
      for (let r = 0, at = off; r < n; r++, at += width) {
        const v = x[rows[r]];
        if (v === v) X[at] = (v - mean) / scale;
        else {
          X[at] = fillValue;
          filled++;
        }
      }
      off++;
    } else {
      const { codes, levels } = needCodes(col, f.kind === 'boolean' ? 'a boolean' : 'categories');
      // Level of this table → output code (-1 unknown). Missing cells (code -1) take `fillCode`.
      const lookup = new Int32Array(levels.length);
      let fillCode: number;
      let catWidth: number;
      if (f.kind === 'boolean') {
        const t = new Set(f.trueLevels);
        const fl = new Set(f.falseLevels);
        levels.forEach((l, k) => (lookup[k] = t.has(l) ? 1 : fl.has(l) ? 0 : booleanValue(l)));
        fillCode = f.fill;
        catWidth = 1;
      } else {
        const index = new Map(f.categories.map((c, k) => [c, k]));
        levels.forEach((l, k) => (lookup[k] = index.get(l) ?? -1));
        fillCode = index.get(f.fill)!;
        catWidth = f.categories.length;
      }
      const oneHot = mode === 'one-hot' && f.kind === 'categorical';
      for (let r = 0, at = off; r < n; r++, at += width) {
        const c = codes[rows[r]];
        let code: number;
        if (c < 0) {
          code = fillCode;
          filled++;
        } else {
          code = lookup[c];
          // An unknown boolean spelling is imputed; an unknown category stays unknown (all zeros).
          if (code < 0 && f.kind === 'boolean') {
            code = fillCode;
            filled++;
          }
        }
        if (oneHot) {
          if (code >= 0) X[at + code] = 1;
        } else X[at] = code;
      }
      if (mode === 'codes') categoricalFeatures.push(off);
      off += oneHot ? catWidth : 1;
    }
    if (filled > 0) imputed.push({ column: f.column, count: filled });
  }
  return { X: { data: X, rows: n, cols: width }, featureNames: encodedFeatureNames(encoder, mode), categoricalFeatures, imputed };
}

/**
 * Turns a 'codes' matrix (for example after SMOTE-NC added rows to it) into the 'one-hot' columns, so
 * a model sees the same features whichever path the rows took. Numeric columns are copied as they are.
 *
 * @throws DataError when X has the wrong width, or a categorical / boolean column holds a value that
 *   is not one of its codes (or -1 for an unknown category).
 */
export function codesToOneHot(X: Matrix, encoder: TableEncoder): Matrix & { data: Float64Array } {
  if (X.cols !== encoder.codesWidth) {
    throw new DataError(`A 'codes' matrix for this encoder has ${encoder.codesWidth} columns (one per feature). Got ${X.cols} columns instead.`);
  }
  const n = X.rows;
  const inW = X.cols;
  const outW = encoder.oneHotWidth;
  const out = new Float64Array(n * outW);
  let off = 0;
  encoder.features.forEach((f, j) => {
    const limit = f.kind === 'categorical' ? f.categories.length : 2;
    for (let r = 0; r < n; r++) {
      const v = X.data[r * inW + j];
      if (f.kind === 'numeric') {
        out[r * outW + off] = v;
        continue;
      }
      if (!(Number.isInteger(v) && v >= (f.kind === 'categorical' ? -1 : 0) && v < limit)) {
        throw new DataError(
          `Row ${r}, column '${f.column}' of the codes matrix must hold a ${f.kind === 'categorical' ? `category code between -1 and ${limit - 1}` : 'boolean 0 or 1'}. Got ${got(v)} instead.`,
        );
      }
      if (f.kind === 'boolean') out[r * outW + off] = v;
      else if (v >= 0) out[r * outW + off + v] = 1;
    }
    off += f.kind === 'categorical' ? f.categories.length : 1;
  });
  return { data: out, rows: n, cols: outW };
}
