/**
 * Shared data contracts of the core. Everything here is plain typed arrays so that
 * resamplers and metrics run unchanged in a worker, in Node (CLI, tests) and on the main thread.
 */

/** Row-major dense matrix: element (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  data: Float32Array | Float64Array;
  rows: number;
  cols: number;
}

/** Class index per row, 0..C-1. */
export type Labels = Int32Array;

export interface Dataset {
  X: Matrix;
  y: Labels;
  classNames: string[];
  featureNames: string[];
  kind: 'tabular' | 'image';
  imageShape?: [number, number, number];
}

/** Creates a zero-filled Float32 matrix. */
export function zeros(rows: number, cols: number): Matrix {
  return { data: new Float32Array(rows * cols), rows, cols };
}

/** Copies the given rows of `X` (in order) into a new matrix of the same dtype. */
export function takeRows(X: Matrix, rows: ArrayLike<number>): Matrix {
  const Ctor = X.data instanceof Float64Array ? Float64Array : Float32Array;
  const out = new Ctor(rows.length * X.cols);
  for (let i = 0; i < rows.length; i++) {
    const src = rows[i] * X.cols;
    out.set(X.data.subarray(src, src + X.cols), i * X.cols);
  }
  return { data: out, rows: rows.length, cols: X.cols };
}

/** Number of rows of each class 0..nClasses-1. */
export function countClasses(y: Labels, nClasses: number): number[] {
  const counts = new Array<number>(nClasses).fill(0);
  for (let i = 0; i < y.length; i++) counts[y[i]]++;
  return counts;
}
