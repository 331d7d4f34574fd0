/**
 * The experiment pipeline shared by the worker, the CLI and the tests:
 *
 *   config → dataset → stratified split (seeded) → scaler fitted on the training split
 *          → per method: resample the TRAINING split only → train → scores on the test split
 *          → metrics (+ a decision-region grid for 2-D data)
 *
 * Randomness: one root `createRng(config.seed)` with a fork per stage: 'data', 'split',
 * `resample:<method id>` and 'train'. Every method starts from the same initial weights and batch
 * order ('train'), so the comparison is paired: only the rebalancing differs. A method's results
 * never depend on which other methods are in the list, or in what order.
 */
import { applyScaler, fitStandardScaler } from './data/scaler';
import { generateSynthetic } from './data/generators';
import { stratifiedSplit } from './data/split';
import { CancelledError, ConfigError, DataError, TrainingDivergedError } from './errors';
import type { ExperimentConfig } from './config';
import { inverseFrequencyWeights } from './losses/weightedCrossEntropy';
import { METHODS, methodLabel, type MethodSpec } from './methods';
import { summarizeClassification, type MetricSummary } from './metrics';
import { createRng } from './random';
import { resamplers } from './resampling/registry';
import type { ResampleResult } from './resampling/types';
import { trainClassifier, type AbortSignalLike, type EpochEvent } from './training/train';
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

/** Class-probability grid over the 2-D feature space, for decision-region maps. */
export interface DecisionGrid {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  resolution: number;
  /** resolution × resolution × nClasses, row 0 = yMin, column 0 = xMin. */
  probs: Float32Array;
}

export interface MethodError {
  name: string;
  message: string;
  /** An unexpected failure (likely the compute backend), not a data or config problem. */
  unexpected: boolean;
}

export interface MethodResult {
  index: number;
  method: MethodSpec;
  label: string;
  status: 'done' | 'error';
  error?: MethodError;
  trainCountsBefore: number[];
  trainCountsAfter: number[];
  history: EpochEvent[];
  /** test rows × nClasses probabilities. */
  testScores: Float32Array;
  testY: Labels;
  metrics?: MetricSummary;
  /** Synthetic training rows in original feature units (2 per row) and their parents' rows. */
  synthetic?: { X: Float32Array; parents: Int32Array };
  grid?: DecisionGrid;
  timings: { resampleMs: number; trainMs: number };
}

export interface ExperimentResult {
  config: ExperimentConfig;
  classNames: string[];
  trainCounts: number[];
  testCounts: number[];
  minorityClass: number;
  methods: MethodResult[];
}

export interface RunMethodOptions {
  signal?: AbortSignalLike;
  onEpoch?: (ev: EpochEvent) => void | Promise<void>;
  /** Cells per side of the decision-region grid (2-D data only); 0 disables it. */
  gridResolution?: number;
  now?: () => number;
}

/** Builds the dataset and the split, fits the scaler on the training split. Pure and seeded. */
export function prepareExperiment(config: ExperimentConfig): PreparedExperiment {
  const root = createRng(config.seed);
  const { kind: _kind, ...spec } = config.dataset;
  const dataset = generateSynthetic(spec, root.fork('data'));
  const nClasses = dataset.classNames.length;
  const split = stratifiedSplit(dataset.y, nClasses, config.split, root.fork('split'));
  const trainRaw = takeRows(dataset.X, split.train);
  const scaler = fitStandardScaler(trainRaw);
  const part = (idx: Int32Array) => ({ X: applyScaler(takeRows(dataset.X, idx), scaler), y: Int32Array.from(idx, (i) => dataset.y[i]) });
  const train = part(split.train);
  const trainCounts = countClasses(train.y, nClasses);
  let minorityClass = 0;
  for (let c = 1; c < nClasses; c++) if (trainCounts[c] < trainCounts[minorityClass]) minorityClass = c;
  return { config, dataset, nClasses, split, scaler, train, validation: part(split.validation), test: part(split.test), trainCounts, minorityClass };
}

function resample(prep: PreparedExperiment, method: MethodSpec): ResampleResult | null {
  const def = METHODS[method.id];
  if (!def.resampler) return null;
  const rng = createRng(prep.config.seed).fork(`resample:${method.id}`);
  return resamplers[def.resampler].resample(prep.train.X, prep.train.y, { ...method.params, classNames: prep.dataset.classNames }, rng);
}

function toOriginalUnits(X: Matrix, rows: number[], scaler: PreparedExperiment['scaler']): Float32Array {
  const out = new Float32Array(rows.length * X.cols);
  rows.forEach((r, i) => {
    for (let j = 0; j < X.cols; j++) out[i * X.cols + j] = X.data[r * X.cols + j] * scaler.scale[j] + scaler.mean[j];
  });
  return out;
}

function gridFor(prep: PreparedExperiment, resolution: number): { grid: Omit<DecisionGrid, 'probs'>; X: Matrix } {
  const { X } = prep.dataset;
  let xMin = Infinity, xMax = -Infinity, yMin = Infinity, yMax = -Infinity;
  for (let i = 0; i < X.rows; i++) {
    const a = X.data[i * 2], b = X.data[i * 2 + 1];
    if (a < xMin) xMin = a;
    if (a > xMax) xMax = a;
    if (b < yMin) yMin = b;
    if (b > yMax) yMax = b;
  }
  const padX = (xMax - xMin) * 0.05 || 1, padY = (yMax - yMin) * 0.05 || 1;
  xMin -= padX; xMax += padX; yMin -= padY; yMax += padY;
  const pts = new Float32Array(resolution * resolution * 2);
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const k = (r * resolution + c) * 2;
      pts[k] = xMin + ((c + 0.5) / resolution) * (xMax - xMin);
      pts[k + 1] = yMin + ((r + 0.5) / resolution) * (yMax - yMin);
    }
  }
  return { grid: { xMin, xMax, yMin, yMax, resolution }, X: applyScaler({ data: pts, rows: resolution * resolution, cols: 2 }, prep.scaler) };
}

function describeError(err: unknown): MethodError {
  if (err instanceof DataError || err instanceof ConfigError || err instanceof TrainingDivergedError) {
    return { name: err.name, message: err.message, unexpected: false };
  }
  const e = err instanceof Error ? err : new Error(String(err));
  return { name: e.name, message: e.message, unexpected: true };
}

/**
 * Runs one method of a prepared experiment. Data, config and divergence problems become a
 * result with `status: 'error'` (so the rest of a comparison still finishes); cancellation
 * is rethrown.
 */
export async function runMethod(prep: PreparedExperiment, index: number, opts: RunMethodOptions = {}): Promise<MethodResult> {
  const now = opts.now ?? (() => Date.now());
  const method = prep.config.methods[index];
  const base: MethodResult = {
    index,
    method,
    label: methodLabel(method),
    status: 'done',
    trainCountsBefore: prep.trainCounts,
    trainCountsAfter: prep.trainCounts,
    history: [],
    testScores: new Float32Array(0),
    testY: prep.test.y,
    timings: { resampleMs: 0, trainMs: 0 },
  };
  let model: Awaited<ReturnType<typeof trainClassifier>> | null = null;
  try {
    const t0 = now();
    const resampled = resample(prep, method);
    const t1 = now();
    const X = resampled ? resampled.X : prep.train.X;
    const y = resampled ? resampled.y : prep.train.y;
    base.trainCountsAfter = countClasses(y, prep.nClasses);
    base.timings.resampleMs = t1 - t0;
    const rows: number[] = [];
    if (resampled) for (let i = 0; i < resampled.origin.length; i++) if (resampled.origin[i] < 0) rows.push(i);
    if (resampled && rows.length > 0 && prep.dataset.X.cols === 2) {
      base.synthetic = {
        X: toOriginalUnits(resampled.X, rows, prep.scaler),
        parents: Int32Array.from(rows.flatMap((r) => [resampled.parents[2 * r], resampled.parents[2 * r + 1]]), (p) => (p >= 0 ? prep.split.train[p] : -1)),
      };
    }
    const classWeights = METHODS[method.id].classWeights === 'inverse-frequency' ? inverseFrequencyWeights(prep.trainCounts) : undefined;
    model = await trainClassifier({
      X,
      y,
      nClasses: prep.nClasses,
      model: prep.config.model,
      classWeights,
      validation: prep.validation.y.length > 0 ? prep.validation : undefined,
      rng: createRng(prep.config.seed).fork('train'),
      signal: opts.signal,
      onEpoch: (ev) => {
        base.history.push(ev);
        return opts.onEpoch?.(ev);
      },
    });
    base.timings.trainMs = now() - t1;
    base.testScores = model.predictProba(prep.test.X);
    base.metrics = summarizeClassification(prep.test.y, base.testScores, prep.nClasses, { minorityClass: prep.minorityClass });
    const resolution = opts.gridResolution ?? 64;
    if (resolution > 0 && prep.dataset.X.cols === 2) {
      const { grid, X: gridX } = gridFor(prep, resolution);
      base.grid = { ...grid, probs: model.predictProba(gridX) };
    }
    return base;
  } catch (err) {
    if (err instanceof CancelledError) throw err;
    return { ...base, status: 'error', error: describeError(err) };
  } finally {
    model?.dispose();
  }
}

/** Runs every method of the config in turn (the CLI path; the browser runs methods in parallel workers). */
export async function runExperiment(
  config: ExperimentConfig,
  opts: RunMethodOptions & { onMethodDone?: (r: MethodResult) => void } = {},
): Promise<ExperimentResult> {
  const prep = prepareExperiment(config);
  const methods: MethodResult[] = [];
  for (let i = 0; i < config.methods.length; i++) {
    const r = await runMethod(prep, i, opts);
    methods.push(r);
    opts.onMethodDone?.(r);
  }
  return summarizePrepared(prep, methods);
}

export function summarizePrepared(prep: PreparedExperiment, methods: MethodResult[]): ExperimentResult {
  return {
    config: prep.config,
    classNames: prep.dataset.classNames,
    trainCounts: prep.trainCounts,
    testCounts: countClasses(prep.test.y, prep.nClasses),
    minorityClass: prep.minorityClass,
    methods,
  };
}
