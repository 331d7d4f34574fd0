/**
 * What the Data panel shows before anything is trained: the generated points, class counts and
 * the training-split counts. Pure and cheap (no TF.js), so it runs on the main thread on every
 * control change.
 */
import type { ExperimentConfig } from '../core/config';
import { buildDataset, splitRows } from '../core/protocol';
import { fitPca2, projectPca2 } from '../core/data/pca';
import { countClasses, type Matrix } from '../core/types';

export interface DatasetPreview {
  /** 2 values per row: the two features, or the first two principal components for wider data. */
  points: Float32Array;
  /** How `points` relate to the features (PCA for data with more than two features). */
  projection: { kind: 'features' } | { kind: 'pca'; explainedVarianceRatio: [number, number] };
  y: Int32Array;
  classNames: string[];
  counts: number[];
  trainCounts: number[];
  imbalanceRatio: number;
  /** Set when the dataset or split cannot be built; the message says what to change. */
  error: string | null;
}

/** The 2-D coordinates to draw: the features themselves, or a PCA projection of wider data. */
export function projectTo2d(X: Matrix): { points: Float32Array; projection: DatasetPreview['projection'] } {
  if (X.cols === 2) return { points: X.data instanceof Float32Array ? X.data : Float32Array.from(X.data), projection: { kind: 'features' } };
  const pca = fitPca2(X);
  return { points: projectPca2(X, pca), projection: { kind: 'pca', explainedVarianceRatio: pca.explainedVarianceRatio } };
}

/** Builds the preview from the protocol's own dataset and split, so it shows exactly the data that is trained on. */
export function buildPreview(config: ExperimentConfig): DatasetPreview {
  try {
    const ds = buildDataset(config);
    const nClasses = ds.classNames.length;
    const counts = countClasses(ds.y, nClasses);
    let trainCounts = counts;
    let error: string | null = null;
    try {
      const split = splitRows(config, ds.y, nClasses);
      trainCounts = countClasses(Int32Array.from(split.train, (i) => ds.y[i]), nClasses);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const nonEmpty = counts.filter((c) => c > 0);
    const { points, projection } = projectTo2d(ds.X);
    return {
      points,
      projection,
      y: ds.y,
      classNames: ds.classNames,
      counts,
      trainCounts,
      imbalanceRatio: nonEmpty.length ? Math.max(...nonEmpty) / Math.min(...nonEmpty) : NaN,
      error,
    };
  } catch (e) {
    return { points: new Float32Array(0), projection: { kind: 'features' }, y: new Int32Array(0), classNames: [], counts: [], trainCounts: [], imbalanceRatio: NaN, error: e instanceof Error ? e.message : String(e) };
  }
}
