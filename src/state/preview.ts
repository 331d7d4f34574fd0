/**
 * What the Data panel shows before anything is trained: the generated points, class counts and
 * the training-split counts. Pure and cheap (no TF.js), so it runs on the main thread on every
 * control change.
 */
import type { ExperimentConfig } from '../core/config';
import { buildSource, splitRows, type LoadedData } from '../core/protocol';
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
  /**
   * Tables: per feature column with missing cells, how many (among all labelled rows and among the
   * training rows of split 0) and how they are filled — with the training rows' statistic.
   */
  imputed: { column: string; count: number; trainCount: number; strategy: 'median' | 'most frequent' }[];
  /** Rows per class of a fixed test set (shipped with the data or built by the long-tail builder), not in `counts`. */
  fixedTestCounts: number[] | null;
  imbalanceRatio: number;
  /** Set when the dataset or split cannot be built; the message says what to change. */
  error: string | null;
}

/** The 2-D coordinates to draw: the features themselves, or a PCA projection of wider data. */
export function projectTo2d(X: Matrix): { points: Float32Array; projection: DatasetPreview['projection'] } {
  if (X.cols === 1 || X.rows < 2) {
    // One feature (or one row): draw it along x, every point at y = 0.
    const points = new Float32Array(2 * X.rows);
    for (let i = 0; i < X.rows; i++) points[2 * i] = X.data[i * X.cols];
    return { points, projection: { kind: 'features' } };
  }
  if (X.cols === 2) return { points: X.data instanceof Float32Array ? X.data : Float32Array.from(X.data), projection: { kind: 'features' } };
  const pca = fitPca2(X);
  return { points: projectPca2(X, pca), projection: { kind: 'pca', explainedVarianceRatio: pca.explainedVarianceRatio } };
}

/** Rows drawn in the scatter of real data (a class-stratified, evenly spaced sample; PCA fitted on it). */
export const PREVIEW_SCATTER_ROWS = 2000;

/**
 * Builds the preview from the protocol's own source and split 0, so it shows exactly the data
 * that is trained on. Real data is drawn as a PCA of a sample of at most PREVIEW_SCATTER_ROWS
 * rows (encoded with preprocessing fitted on that sample: a picture, not a model input).
 */
export function buildPreview(config: ExperimentConfig, loaded: LoadedData | null = null): DatasetPreview {
  try {
    const source = buildSource(config, loaded);
    const nClasses = source.classNames.length;
    // With a fixed test set (shipped, or the long-tail builder's), the counts that matter are the
    // training pool's: the balanced test rows would hide the imbalance.
    let pool = source.y;
    if (source.fixedTest) {
      const fixed = new Uint8Array(source.y.length);
      for (const i of source.fixedTest) fixed[i] = 1;
      pool = source.y.filter((_, i) => !fixed[i]);
    }
    const counts = countClasses(pool, nClasses);
    const fixedTestCounts = source.fixedTest ? countClasses(Int32Array.from(source.fixedTest, (i) => source.y[i]), nClasses) : null;
    let trainCounts = counts;
    let error: string | null = null;
    let imputed: DatasetPreview['imputed'] = [];
    try {
      const split = splitRows(config, source.y, nClasses, 0, source.classNames, source.fixedTest);
      trainCounts = countClasses(Int32Array.from(split.train, (i) => source.y[i]), nClasses);
      if (source.missingIn) {
        const inTrain = new Map(source.missingIn(split.train).map((m) => [m.column, m.count]));
        const all = Int32Array.from({ length: source.y.length }, (_, i) => i);
        imputed = source.missingIn(all).map((m) => ({ ...m, trainCount: inTrain.get(m.column) ?? 0 }));
      }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const nonEmpty = counts.filter((c) => c > 0);
    const sample = sampleRows(source.y, nClasses, PREVIEW_SCATTER_ROWS);
    const X = source.raw2d ?? source.features(sample, [sample], 'one-hot').parts[0];
    const { points, projection } = projectTo2d(X);
    return {
      points,
      projection,
      y: source.raw2d ? source.y : Int32Array.from(sample, (i) => source.y[i]),
      classNames: source.classNames,
      counts,
      trainCounts,
      imputed,
      fixedTestCounts,
      imbalanceRatio: nonEmpty.length ? Math.max(...nonEmpty) / Math.min(...nonEmpty) : NaN,
      error,
    };
  } catch (e) {
    return {
      points: new Float32Array(0),
      projection: { kind: 'features' },
      y: new Int32Array(0),
      classNames: [],
      counts: [],
      trainCounts: [],
      imputed: [],
      fixedTestCounts: null,
      imbalanceRatio: NaN,
      error: e instanceof Error ? e.message : String(e),
    };
  }
}

/** At most `max` rows, every class represented in proportion (at least one row each), evenly spaced within a class. */
export function sampleRows(y: Int32Array, nClasses: number, max: number): Int32Array {
  if (y.length <= max) return Int32Array.from({ length: y.length }, (_, i) => i);
  const byClass: number[][] = Array.from({ length: nClasses }, () => []);
  for (let i = 0; i < y.length; i++) byClass[y[i]].push(i);
  const out: number[] = [];
  for (const rows of byClass) {
    const take = Math.min(rows.length, Math.max(1, Math.round((rows.length / y.length) * max)));
    for (let k = 0; k < take; k++) out.push(rows[Math.floor((k * rows.length) / take)]);
  }
  return Int32Array.from(out.sort((a, b) => a - b));
}
