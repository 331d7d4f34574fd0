/**
 * The evaluation protocol, without training (pure, no TF.js, so the main thread can preview it):
 *
 *   config → dataset → stratified split (seeded) → scaler fitted on the training split
 *          → per method: resample the TRAINING split only (or, for the leakage demo, the whole
 *            dataset before splitting)
 *
 * Randomness: one root `createRng(config.seed)` with a fork per stage: 'data', 'split' and
 * `resample:<method id>` (training forks 'train', see experiment.ts).
 */
import { applyScaler, fitStandardScaler } from './data/scaler';
import { generateSynthetic } from './data/generators';
import { stratifiedSplit } from './data/split';
import type { ExperimentConfig } from './config';
import { isLeaky, METHODS, resamplerOptions, type MethodSpec } from './methods';
import { createRng } from './random';
import { resamplers } from './resampling/registry';
import type { ResampleResult } from './resampling/types';
import { countClasses, takeRows, type Dataset, type Labels, type Matrix } from './types';

export interface PreparedExperiment {
  config: ExperimentConfig;
  dataset: Dataset;
  nClasses: number;
  split: { train: Int32Array; validation: Int32Array; test: Int32Array };
  scaler: { mean: Float64Array; scale: Float64Array };
  train: { X: Matrix; y: Labels };
  validation: { X: Matrix; y: Labels };
  test: { X: Matrix; y: Labels };
  trainCounts: number[];
  /** The class with the fewest training rows: "minority recall" is reported for it. */
  minorityClass: number;
}

/** The config's dataset, drawn from the 'data' stream of its seed. Everything that shows or trains on it calls this. */
export function buildDataset(config: ExperimentConfig): Dataset {
  const { kind: _kind, ...spec } = config.dataset;
  return generateSynthetic(spec, createRng(config.seed).fork('data'));
}

/** The stratified train / validation / test split of labels `y`, drawn from the 'split' stream of the seed. */
export function splitRows(config: ExperimentConfig, y: Labels, nClasses: number): PreparedExperiment['split'] {
  return stratifiedSplit(y, nClasses, config.split, createRng(config.seed).fork('split'));
}

/** Builds the dataset and the split, fits the scaler on the training split. Pure and seeded. */
export function prepareExperiment(config: ExperimentConfig): PreparedExperiment {
  const dataset = buildDataset(config);
  const nClasses = dataset.classNames.length;
  const split = splitRows(config, dataset.y, nClasses);
  const trainRaw = takeRows(dataset.X, split.train);
  const scaler = fitStandardScaler(trainRaw);
  const part = (idx: Int32Array) => ({ X: applyScaler(takeRows(dataset.X, idx), scaler), y: Int32Array.from(idx, (i) => dataset.y[i]) });
  const train = part(split.train);
  const trainCounts = countClasses(train.y, nClasses);
  let minorityClass = 0;
  for (let c = 1; c < nClasses; c++) if (trainCounts[c] < trainCounts[minorityClass]) minorityClass = c;
  return { config, dataset, nClasses, split, scaler, train, validation: part(split.validation), test: part(split.test), trainCounts, minorityClass };
}

function resample(prep: PreparedExperiment, method: MethodSpec, X: Matrix, y: Labels): ResampleResult | null {
  const def = METHODS[method.id];
  if (!def.resampler) return null;
  const rng = createRng(prep.config.seed).fork(`resample:${method.id}`);
  return resamplers[def.resampler].resample(X, y, { ...resamplerOptions(method), classNames: prep.dataset.classNames } as never, rng);
}

/** The data one method trains and is scored on: the shared split, or its own leaky variant. */
export interface MethodData {
  train: { X: Matrix; y: Labels };
  validation: { X: Matrix; y: Labels };
  test: { X: Matrix; y: Labels };
  scaler: PreparedExperiment['scaler'];
  trainCountsBefore: number[];
  resampled: ResampleResult | null;
  /** Maps a row index of the resampler's input to a dataset row (for drawing parents). */
  inputRowToDataset: (i: number) => number;
}

/**
 * The honest protocol: resample the (scaled) training split only; validation and test rows are
 * never touched.
 */
function honestData(prep: PreparedExperiment, method: MethodSpec): MethodData {
  const resampled = resample(prep, method, prep.train.X, prep.train.y);
  return {
    train: resampled ? { X: resampled.X, y: resampled.y } : prep.train,
    validation: prep.validation,
    test: prep.test,
    scaler: prep.scaler,
    trainCountsBefore: prep.trainCounts,
    resampled,
    inputRowToDataset: (i) => prep.split.train[i],
  };
}

/**
 * The leaky protocol, for teaching: resample the WHOLE dataset first, then split it. Synthetic
 * (and duplicated) minority points land in the test split next to their parents in the training
 * split, so the test score is inflated. Same seeds and fractions as the honest protocol.
 * @see Santos et al. 2018, Cross-Validation for Imbalanced Datasets: Avoiding Overoptimistic and Overfitting Approaches, IEEE CIM 13(4)
 */
function leakyData(prep: PreparedExperiment, method: MethodSpec): MethodData {
  const { X, y } = prep.dataset;
  const resampled = resample(prep, method, X, y)!;
  const split = splitRows(prep.config, resampled.y, prep.nClasses);
  const scaler = fitStandardScaler(takeRows(resampled.X, split.train));
  const part = (idx: Int32Array) => ({ X: applyScaler(takeRows(resampled.X, idx), scaler), y: Int32Array.from(idx, (i) => resampled.y[i]) });
  const train = part(split.train);
  // Provenance of the training rows, so synthetic points can still be drawn with their parents.
  const trainResampled: ResampleResult = {
    X: train.X,
    y: train.y,
    origin: Int32Array.from(split.train, (i) => resampled.origin[i]),
    parents: Int32Array.from({ length: 2 * split.train.length }, (_, k) => resampled.parents[2 * split.train[k >> 1] + (k & 1)]),
  };
  return {
    train,
    validation: part(split.validation),
    test: part(split.test),
    scaler,
    trainCountsBefore: countClasses(y, prep.nClasses),
    resampled: trainResampled,
    inputRowToDataset: (i) => i,
  };
}

/** The training data of one method under its protocol (honest, or leaky when the method asks). */
export function methodData(prep: PreparedExperiment, method: MethodSpec): MethodData {
  return isLeaky(method) ? leakyData(prep, method) : honestData(prep, method);
}

/** Rows of a scaled matrix back in original feature units. */
export function toOriginalUnits(X: Matrix, rows: number[], scaler: PreparedExperiment['scaler']): Float32Array {
  const out = new Float32Array(rows.length * X.cols);
  rows.forEach((r, i) => {
    for (let j = 0; j < X.cols; j++) out[i * X.cols + j] = X.data[r * X.cols + j] * scaler.scale[j] + scaler.mean[j];
  });
  return out;
}

