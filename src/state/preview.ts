/**
 * What the Data panel shows before anything is trained: the generated points, class counts and
 * the training-split counts. Pure and cheap (no TF.js), so it runs on the main thread on every
 * control change.
 */
import type { ExperimentConfig } from '../core/config';
import { generateSynthetic } from '../core/data/generators';
import { stratifiedSplit } from '../core/data/split';
import { createRng } from '../core/random';
import { countClasses } from '../core/types';

export interface DatasetPreview {
  points: Float32Array;
  y: Int32Array;
  classNames: string[];
  counts: number[];
  trainCounts: number[];
  imbalanceRatio: number;
  /** Set when the dataset or split cannot be built; the message says what to change. */
  error: string | null;
}

/** Builds the preview with the same seed forks as the experiment pipeline, so it shows the same data. */
export function buildPreview(config: ExperimentConfig): DatasetPreview {
  const root = createRng(config.seed);
  const { kind: _kind, ...spec } = config.dataset;
  try {
    const ds = generateSynthetic(spec, root.fork('data'));
    const nClasses = ds.classNames.length;
    const counts = countClasses(ds.y, nClasses);
    let trainCounts = counts;
    let error: string | null = null;
    try {
      const split = stratifiedSplit(ds.y, nClasses, config.split, root.fork('split'));
      trainCounts = countClasses(Int32Array.from(split.train, (i) => ds.y[i]), nClasses);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const nonEmpty = counts.filter((c) => c > 0);
    return {
      points: ds.X.data instanceof Float32Array ? ds.X.data : Float32Array.from(ds.X.data),
      y: ds.y,
      classNames: ds.classNames,
      counts,
      trainCounts,
      imbalanceRatio: nonEmpty.length ? Math.max(...nonEmpty) / Math.min(...nonEmpty) : NaN,
      error,
    };
  } catch (e) {
    return { points: new Float32Array(0), y: new Int32Array(0), classNames: [], counts: [], trainCounts: [], imbalanceRatio: NaN, error: e instanceof Error ? e.message : String(e) };
  }
}
