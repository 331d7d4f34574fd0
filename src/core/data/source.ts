/**
 * A data source: the labelled rows of an experiment and how to turn rows into model features.
 * Synthetic data, tables (CSV, built-in or uploaded) and image sets all become a Source, so the
 * protocol (split → fit preprocessing on the training rows → resample → train) is written once.
 *
 * Why `features` takes the rows to fit on: every fitted preprocessing step — imputation values,
 * one-hot categories, standardisation — must see the training rows only, or the test score leaks
 * (Kaufman et al. 2012, Leakage in data mining). The protocol passes the training split; only the
 * leakage demo passes every row, on purpose.
 */
import { takeRows, type Dataset, type Labels, type Matrix } from '../types';
import { applyScaler, fitStandardScaler } from './scaler';

/** Feature matrices for some row lists, with preprocessing fitted on one of them. */
export interface EncodedParts {
  /** One matrix per requested row list, in order. */
  parts: Matrix[];
  featureNames: string[];
  /** 'codes' mode only: columns holding integer category codes (for SMOTE-NC / SMOTEN). */
  categoricalFeatures: number[];
  /** Turns a 'codes' matrix into the model's input columns (one-hot); identity for 'one-hot'. */
  toModel(X: Matrix): Matrix;
  /** Per-feature mean and scale of the standardisation fitted (to draw points in original units). */
  scaler: { mean: Float64Array; scale: Float64Array };
  /** Cells filled in by imputation, per column (tables only). */
  imputed: { column: string; count: number }[];
}

export interface Source {
  kind: Dataset['kind'] | 'synthetic';
  /** Class index of every labelled row. */
  y: Labels;
  classNames: string[];
  /** Rows that form a fixed test set shipped with the data (e.g. digits-lt-test); the split keeps them as the test split. */
  fixedTest?: Int32Array;
  /** Rows left aside because their target cell is empty (tables). */
  unlabeled: number;
  /** Raw 2-D coordinates of every row when the data has exactly two numeric features (decision regions, scatter). */
  raw2d?: Matrix;
  imageShape?: [number, number, number];
  notes: string[];
  /**
   * Fits preprocessing on rows `fitRows` and encodes each list of `rows`. `mode: 'codes'` keeps
   * categorical columns as integer codes (SMOTE-NC / SMOTEN need them); 'one-hot' is what models see.
   */
  features(fitRows: Int32Array, rows: Int32Array[], mode: 'one-hot' | 'codes'): EncodedParts;
  /** Tables: missing cells of each feature column among `rows` (what imputation will fill), and how they are filled. */
  missingIn?(rows: Int32Array): { column: string; count: number; strategy: 'median' | 'most frequent' }[];
  /**
   * Set when this source is a view of a larger one (the long-tail builder keeps some rows of its
   * input): the input and, for each row here, its row there. The rows left out stay reachable.
   */
  base?: { source: Source; rows: Int32Array };
  /** Row `row` as a person would look at it: the image, or the row's cells as loaded (to show examples, e.g. of a confusion cell). */
  example(row: number): ExampleView;
}

/** One data row for display: an image (HWC, values in [0, 1]) or named cells as text. */
export type ExampleView = { kind: 'image'; shape: [number, number, number]; pixels: Float32Array } | { kind: 'cells'; cells: { name: string; value: string }[] };

/**
 * A Source over a numeric matrix (synthetic data, image pixels): standardisation fitted on the
 * fit rows is the only preprocessing.
 */
export function matrixSource(
  base: Omit<Source, 'features' | 'unlabeled' | 'notes' | 'example'> & { X: Matrix; featureNames: string[]; notes?: string[] },
): Source & { X: Matrix } {
  const { X, featureNames } = base;
  return {
    ...base,
    unlabeled: 0,
    notes: base.notes ?? [],
    example(row) {
      const values = X.data.subarray(row * X.cols, (row + 1) * X.cols);
      if (base.imageShape) return { kind: 'image', shape: base.imageShape, pixels: Float32Array.from(values) };
      return { kind: 'cells', cells: featureNames.map((name, j) => ({ name, value: String(Number(values[j].toPrecision(6))) })) };
    },
    features(fitRows, rows) {
      const scaler = fitStandardScaler(takeRows(X, fitRows));
      return {
        parts: rows.map((r) => applyScaler(takeRows(X, r), scaler)),
        featureNames,
        categoricalFeatures: [],
        toModel: (m) => m,
        scaler,
        imputed: [],
      };
    },
  };
}
