/**
 * What a resampler does to the training split, before anything is trained: which real points it
 * keeps or removes, which synthetic points it adds and from which parents — for the resampling
 * view and the SMOTE step-through. Pure (core protocol, no TF.js); the app computes it in a
 * worker so a costly method (SVM-SMOTE, CNN, instance hardness) never blocks the page.
 */
import type { ExperimentConfig } from './config';
import { METHODS, methodLabel } from './methods';
import { kNearest } from './neighbors/knn';
import { methodData, prepareExperiment, toOriginalUnits, type LoadedData } from './protocol';
import { applyScaler } from './data/scaler';
import { fitPca2, projectPca2 } from './data/pca';
import { countClasses, takeRows, type Matrix } from './types';

/** Above this many resampler input rows the preview is skipped: it is drawn point by point (training is not limited). */
export const PREVIEW_MAX_ROWS = 6000;
/** Steps of the SMOTE walk-through that carry their neighbourhoods. */
export const WALKTHROUGH_STEPS = 200;

export interface ResamplingPreview {
  methodIndex: number;
  label: string;
  /** Dataset rows the resampler saw (training split, or every row for the leaky protocol). */
  inputRows: Int32Array;
  /** Dataset rows it dropped (under-sampling and cleaning). */
  removedRows: Int32Array;
  synthetic: {
    /** Original feature units, 2 per row. */
    X: Float32Array;
    y: Int32Array;
    /** Dataset rows (a, b) each point was made from; -1 where there is none. */
    parents: Int32Array;
  };
  /** For the first WALKTHROUGH_STEPS synthetic points: the dataset rows of the k nearest same-class neighbours of parent a. */
  neighbours: Int32Array[];
  countsBefore: number[];
  countsAfter: number[];
  error: string | null;
}

const empty = (methodIndex: number, label: string, error: string): ResamplingPreview => ({
  methodIndex,
  label,
  inputRows: new Int32Array(0),
  removedRows: new Int32Array(0),
  synthetic: { X: new Float32Array(0), y: new Int32Array(0), parents: new Int32Array(0) },
  neighbours: [],
  countsBefore: [],
  countsAfter: [],
  error,
});

/** Synthetic rows in the coordinates the dataset is drawn in (features, or the dataset's PCA plane). */
function toDrawingSpace(datasetX: Matrix, X: Float32Array, rows: number): Float32Array {
  if (datasetX.cols === 2) return X;
  return projectPca2({ data: X, rows, cols: datasetX.cols }, fitPca2(datasetX));
}

export function buildResamplingPreview(config: ExperimentConfig, methodIndex: number, loaded?: LoadedData | null): ResamplingPreview {
  const method = config.methods[methodIndex];
  if (!method) return empty(methodIndex, '', 'Pick a method to preview.');
  const label = methodLabel(method);
  if (!METHODS[method.id].resampler) return empty(methodIndex, label, `${label} does not resample the data: it changes the loss instead. Pick a resampling method to preview.`);
  try {
    const prep = prepareExperiment(config, loaded);
    const leaky = method.params.leakBeforeSplit === true;
    const inputRows = leaky ? Int32Array.from({ length: prep.dataset.X.rows }, (_, i) => i) : prep.split.train;
    if (inputRows.length > PREVIEW_MAX_ROWS) {
      return empty(methodIndex, label, `The preview draws every point and stops at ${PREVIEW_MAX_ROWS.toLocaleString('en')} rows (this one has ${inputRows.length.toLocaleString('en')}). Lower the sample count to see it; training is not limited.`);
    }
    const data = methodData(prep, method);
    const r = data.resampled!;
    const kept = new Uint8Array(prep.dataset.X.rows);
    const syntheticRows: number[] = [];
    for (let i = 0; i < r.origin.length; i++) {
      if (r.origin[i] >= 0) kept[data.inputRowToDataset(r.origin[i])] = 1;
      else syntheticRows.push(i);
    }
    // For the leaky protocol the resampled rows were split afterwards: show what training saw.
    const removedRows = leaky ? new Int32Array(0) : inputRows.filter((row) => !kept[row]);
    const parents = Int32Array.from(syntheticRows.flatMap((i) => [r.parents[2 * i], r.parents[2 * i + 1]]), (p) => (p >= 0 ? data.inputRowToDataset(p) : -1));
    const y = Int32Array.from(syntheticRows, (i) => r.y[i]);
    const k = Number(method.params.kNeighbors ?? 5);
    const neighbours = syntheticRows.slice(0, WALKTHROUGH_STEPS).map((_, s) => {
      const a = parents[2 * s];
      if (a < 0) return new Int32Array(0);
      const sameClass = Array.from(inputRows).filter((row) => prep.dataset.y[row] === prep.dataset.y[a]);
      // Neighbours in the space the resampler searched: scaled training data (honest) or raw data (leaky).
      const space = (rows: number[]) => (leaky ? takeRows(prep.dataset.X, rows) : applyScaler(takeRows(prep.dataset.X, rows), prep.scaler));
      const ref = space(sameClass);
      const q = space([a]);
      const kk = Math.min(k + 1, sameClass.length);
      const { indices } = kNearest(q, ref, kk);
      return Int32Array.from(indices, (j) => sameClass[j]).filter((row) => row !== a).slice(0, k);
    });
    return {
      methodIndex,
      label,
      inputRows,
      removedRows,
      synthetic: { X: toDrawingSpace(prep.dataset.X, toOriginalUnits(r.X, syntheticRows, data.scaler), syntheticRows.length), y, parents },
      neighbours,
      countsBefore: data.trainCountsBefore,
      countsAfter: countClasses(r.y, prep.nClasses),
      error: null,
    };
  } catch (e) {
    return empty(methodIndex, label, e instanceof Error ? e.message : String(e));
  }
}
