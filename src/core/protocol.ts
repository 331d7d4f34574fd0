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
import { stratifiedSplit, type SplitIndices } from './data/split';
import { balancedTestSplit, crossValidationSplits } from './data/folds';
import { matrixSource, type EncodedParts, type Source } from './data/source';
import { loadedSource, type LoadedData } from './data/loadedSource';
import { isLoadedDataset, type ExperimentConfig } from './config';
import { ConfigError, DataError } from './errors';
import { findBuiltin } from './data/builtins';
import { isLeaky, METHODS, resamplerOptions, type MethodSpec } from './methods';
import { createRng } from './random';
import { resamplers } from './resampling/registry';
import type { ResampleResult } from './resampling/types';
import { countClasses, takeRows, type Dataset, type Labels, type Matrix } from './types';

export type { LoadedData } from './data/loadedSource';

export interface PreparedExperiment {
  config: ExperimentConfig;
  source: Source;
  /** Every labelled row: X in the units preprocessing starts from (raw for numeric data). */
  dataset: Dataset;
  nClasses: number;
  /** Which split of the protocol this is (repeat r, fold f), and how many there are. */
  splitIndex: number;
  splitCount: number;
  split: SplitIndices;
  scaler: { mean: Float64Array; scale: Float64Array };
  /** Model-ready features, preprocessing fitted on the training split only. */
  encoded: EncodedParts;
  train: { X: Matrix; y: Labels };
  validation: { X: Matrix; y: Labels };
  test: { X: Matrix; y: Labels };
  trainCounts: number[];
  /** The class with the fewest training rows: "minority recall" is reported for it. */
  minorityClass: number;
}

/**
 * The config's data as a Source: generated from the 'data' stream of its seed (synthetic), or the
 * rows the user loaded (`data`, required for built-in and uploaded datasets).
 */
export function buildSource(config: ExperimentConfig, data?: LoadedData | null): Source {
  if (!isLoadedDataset(config.dataset)) {
    const { kind: _kind, ...spec } = config.dataset;
    const ds = generateSynthetic(spec, createRng(config.seed).fork('data'));
    return matrixSource({ kind: 'synthetic', X: ds.X, y: ds.y, classNames: ds.classNames, featureNames: ds.featureNames, raw2d: ds.X.cols === 2 ? ds.X : undefined });
  }
  if (!data) {
    const what = config.dataset.kind === 'builtin' ? `the built-in dataset '${config.dataset.name}'` : `the file '${config.dataset.name}'`;
    throw new ConfigError(`This experiment uses ${what}, which is not loaded yet. Load it in the Data panel (it stays in your browser).`, 'dataset');
  }
  return loadedSource(config, data);
}

/** The synthetic dataset of a config (the 2-D playground data). */
export function buildDataset(config: ExperimentConfig): Dataset {
  const source = buildSource(config) as Source & { X: Matrix };
  return { X: source.X, y: source.y, classNames: source.classNames, featureNames: [], kind: 'tabular' };
}

/** How many train/test splits the config's protocol makes (repeats × folds for cross-validation). */
export function splitCount(config: ExperimentConfig): number {
  const { protocol, folds, repeats } = config.split;
  return protocol === 'cross-validation' && !hasFixedTest(config) ? folds * repeats : repeats;
}

/**
 * Whether the data brings its own test set (the long-tail builder's balanced one, or a built-in
 * image set's test folder): the protocol is then hold-out against it, repeated.
 */
export function hasFixedTest(config: ExperimentConfig): boolean {
  const d = config.dataset;
  if (!isLoadedDataset(d)) return false;
  return d.longTail !== undefined || (d.kind === 'builtin' && findBuiltin(d.name)?.testFile !== undefined);
}

/**
 * Split `splitIndex` of the config's protocol over labels `y`, drawn from the 'split' stream of the
 * seed. Hold-out repeat 0 is the single hold-out split (`fork('split')`), repeat r > 0 draws from
 * `fork('split').fork('repeat:r')`. Rows of a fixed test set (`fixedTest`) are always the test
 * split; validation is then carved from the other rows.
 */
export function splitRows(config: ExperimentConfig, y: Labels, nClasses: number, splitIndex = 0, classNames?: readonly string[], fixedTest?: Int32Array): SplitIndices {
  const s = config.split;
  const rng = createRng(config.seed).fork('split');
  const repeatRng = (r: number) => (r === 0 ? rng : rng.fork(`repeat:${r}`));
  if (fixedTest && fixedTest.length > 0) {
    const isTest = new Uint8Array(y.length);
    for (const i of fixedTest) isTest[i] = 1;
    const pool = Int32Array.from({ length: y.length }, (_, i) => i).filter((i) => !isTest[i]);
    const test = Int32Array.from(fixedTest).sort();
    if (s.validation === 0) return { train: pool, validation: new Int32Array(0), test };
    // Validation carved from the pool: a stratified "test" fraction of it, renamed.
    const inner = stratifiedSplit(Int32Array.from(pool, (i) => y[i]), nClasses, { test: s.validation, validation: 0 }, repeatRng(splitIndex), classNames);
    return { train: Int32Array.from(inner.train, (i) => pool[i]), validation: Int32Array.from(inner.test, (i) => pool[i]).sort(), test };
  }
  if (s.protocol === 'cross-validation') {
    const all = crossValidationSplits(y, nClasses, { folds: s.folds, validation: s.validation, repeats: Math.floor(splitIndex / s.folds) + 1 }, rng, classNames);
    const { train, validation, test } = all[splitIndex];
    return { train, validation, test };
  }
  if (s.protocol === 'balanced-test') return balancedTestSplit(y, nClasses, { testPerClass: s.testPerClass, validation: s.validation }, repeatRng(splitIndex), classNames);
  return stratifiedSplit(y, nClasses, { test: s.test, validation: s.validation }, repeatRng(splitIndex), classNames);
}

/**
 * Builds the source and split `splitIndex`, fits preprocessing on its training rows and encodes
 * the three parts. Pure and seeded.
 */
export function prepareExperiment(config: ExperimentConfig, data?: LoadedData | null, splitIndex = 0): PreparedExperiment {
  const source = buildSource(config, data);
  const nClasses = source.classNames.length;
  const count = splitCount(config);
  if (!Number.isInteger(splitIndex) || splitIndex < 0 || splitIndex >= count) throw new ConfigError(`split index must be in 0..${count - 1}. Got ${splitIndex} instead.`);
  const split = splitRows(config, source.y, nClasses, splitIndex, source.classNames, source.fixedTest);
  return prepareFromSplit(config, source, split, splitIndex, count);
}

/** Fits preprocessing on the training rows of `split` and encodes the three parts of `source`. */
function prepareFromSplit(config: ExperimentConfig, source: Source, split: SplitIndices, splitIndex: number, count: number): PreparedExperiment {
  const nClasses = source.classNames.length;
  const encoded = source.features(split.train, [split.train, split.validation, split.test], 'one-hot');
  const yOf = (idx: Int32Array) => Int32Array.from(idx, (i) => source.y[i]);
  const [trainX, validationX, testX] = encoded.parts;
  const train = { X: trainX, y: yOf(split.train) };
  const trainCounts = countClasses(train.y, nClasses);
  assertEveryClassTrained(trainCounts, countClasses(source.y, nClasses), source.classNames);
  let minorityClass = 0;
  for (let c = 1; c < nClasses; c++) if (trainCounts[c] < trainCounts[minorityClass]) minorityClass = c;
  const dataset: Dataset = {
    X: datasetMatrix(source, split.train, encoded),
    y: source.y,
    classNames: source.classNames,
    featureNames: encoded.featureNames,
    kind: source.kind === 'image' ? 'image' : 'tabular',
    imageShape: source.imageShape,
  };
  return {
    config,
    source,
    dataset,
    nClasses,
    splitIndex,
    splitCount: count,
    split,
    scaler: encoded.scaler,
    encoded,
    train,
    validation: { X: validationX, y: yOf(split.validation) },
    test: { X: testX, y: yOf(split.test) },
    trainCounts,
    minorityClass,
  };
}

/**
 * The reference experiment of relative accuracy (Zhang et al. 2023, §5.1): a class-balanced
 * training set of the same size as `prep`'s imbalanced one — ⌈n / C⌉ rows of every class — drawn
 * (seeded) from the rows `prep` does not test or validate on, including rows the long-tail builder
 * left out; the same validation and test rows; preprocessing fitted on the balanced rows.
 * @throws DataError naming the class with too few such rows, and what to do.
 * @see Zhang, Kang, Hooi, Yan & Feng 2023, Deep Long-Tailed Learning: A Survey, IEEE TPAMI 45(9)
 */
export function balancedReference(prep: PreparedExperiment): PreparedExperiment {
  const base = prep.source.base?.source ?? prep.source;
  const toBase = (rows: Int32Array) => (prep.source.base ? Int32Array.from(rows, (r) => prep.source.base!.rows[r]) : rows);
  const validation = toBase(prep.split.validation);
  const test = toBase(prep.split.test);
  const held = new Uint8Array(base.y.length);
  for (const r of validation) held[r] = 1;
  for (const r of test) held[r] = 1;
  const C = prep.nClasses;
  const perClass = Math.ceil(prep.train.y.length / C);
  const pools: number[][] = Array.from({ length: C }, () => []);
  for (let r = 0; r < base.y.length; r++) if (!held[r]) pools[base.y[r]].push(r);
  const short = pools.findIndex((p) => p.length < perClass);
  if (short >= 0) {
    throw new DataError(
      `Relative accuracy needs a balanced training set as large as the imbalanced one (${prep.train.y.length} rows): ${perClass} rows of every class outside the test and validation rows, and class '${base.classNames[short]}' has only ${pools[short].length}. Build the long tail from a balanced dataset (the long-tail builder keeps the rows it leaves out), or switch relative accuracy off. Got ${pools[short].length} rows of '${base.classNames[short]}' instead.`,
    );
  }
  const rng = createRng(prep.config.seed).fork('balanced-reference');
  const train = Int32Array.from(pools.flatMap((p) => rng.shuffle(p.slice()).slice(0, perClass))).sort();
  return prepareFromSplit(prep.config, base, { train, validation, test }, 0, 1);
}

/**
 * Every class that has rows must keep at least one for training: a loss, a resampler or a prior
 * correction cannot learn a class the model never sees (and class weights would divide by zero).
 * @throws DataError naming the class and what to change.
 */
export function assertEveryClassTrained(trainCounts: readonly number[], totalCounts: readonly number[], classNames: readonly string[]): void {
  const c = trainCounts.findIndex((n, k) => n === 0 && totalCounts[k] > 0);
  if (c < 0) return;
  throw new DataError(
    `Class '${classNames[c]}' has no training rows after the split (all ${totalCounts[c]} of its rows went to validation or test). Lower the test or validation fraction, use fewer folds, or drop or merge the class. Got 0 training rows instead.`,
  );
}

/** Every labelled row in pre-scaling units: raw numeric data as it is; tables encoded with the training fit, then unscaled. */
function datasetMatrix(source: Source, train: Int32Array, encoded: EncodedParts): Matrix {
  const withX = source as Source & { X?: Matrix };
  if (withX.X) return withX.X;
  const all = Int32Array.from({ length: source.y.length }, (_, i) => i);
  const X = source.features(train, [all], 'one-hot').parts[0];
  const out = new Float64Array(X.rows * X.cols);
  const { mean, scale } = encoded.scaler;
  for (let i = 0; i < X.rows; i++) for (let j = 0; j < X.cols; j++) out[i * X.cols + j] = X.data[i * X.cols + j] * scale[j] + mean[j];
  return { data: out, rows: X.rows, cols: X.cols };
}

/** Methods that resample categorical columns as category codes (SMOTE-NC, SMOTEN). */
const needsCodes = (method: MethodSpec) => METHODS[method.id].requires === 'categorical';

function resample(prep: PreparedExperiment, method: MethodSpec, X: Matrix, y: Labels, categoricalFeatures: number[] = []): ResampleResult | null {
  const def = METHODS[method.id];
  if (!def.resampler) return null;
  const rng = createRng(prep.config.seed).fork(`resample:${method.id}`);
  const extra = needsCodes(method) && def.resampler === 'smote-nc' ? { categoricalFeatures } : {};
  return resamplers[def.resampler].resample(X, y, { ...resamplerOptions(method), ...extra, classNames: prep.dataset.classNames } as never, rng);
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
  if (needsCodes(method)) return honestCodesData(prep, method);
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
 * SMOTE-NC / SMOTEN: the training split is encoded with categorical columns as category codes,
 * resampled (synthetic rows get a category, not a blend of one-hot columns), then one-hot encoded
 * exactly as the other methods' inputs.
 */
function honestCodesData(prep: PreparedExperiment, method: MethodSpec): MethodData {
  const codes = prep.source.features(prep.split.train, [prep.split.train], 'codes');
  if (codes.categoricalFeatures.length === 0) {
    throw new ConfigError(`${METHODS[method.id].label} needs categorical columns, and this data has none. Use SMOTE for numeric data, or mark a column as categorical in the Data panel.`);
  }
  assertAllCategoricalForSmoten(method, codes);
  const resampled = resample(prep, method, codes.parts[0], prep.train.y, codes.categoricalFeatures)!;
  const X = codes.toModel(resampled.X);
  return {
    train: { X, y: resampled.y },
    validation: prep.validation,
    test: prep.test,
    scaler: prep.scaler,
    trainCountsBefore: prep.trainCounts,
    resampled: { ...resampled, X },
    inputRowToDataset: (i) => prep.split.train[i],
  };
}

/**
 * SMOTEN treats every column as a category; numeric columns would be "interpolated" by majority
 * vote of their raw values, a silent wrong answer. Refuse, and say which columns are numeric.
 */
function assertAllCategoricalForSmoten(method: MethodSpec, codes: EncodedParts): void {
  if (METHODS[method.id].resampler !== 'smoten') return;
  const width = codes.parts[0].cols;
  if (codes.categoricalFeatures.length === width) return;
  const cat = new Set(codes.categoricalFeatures);
  const numeric = codes.featureNames.filter((_, j) => !cat.has(j));
  throw new ConfigError(
    `SMOTEN needs every feature to be categorical; this data also has numeric columns (${numeric.slice(0, 5).map((n) => `'${n}'`).join(', ')}${numeric.length > 5 ? ', …' : ''}). Use SMOTE-NC for mixed data, or mark those columns ignored. Got ${numeric.length} numeric of ${width} features instead.`,
  );
}

/**
 * The leaky protocol, for teaching: resample the WHOLE dataset first, then split it. Synthetic
 * (and duplicated) minority points land in the test split next to their parents in the training
 * split, so the test score is inflated. Same seeds and fractions as the honest protocol.
 * @see Santos et al. 2018, Cross-Validation for Imbalanced Datasets: Avoiding Overoptimistic and Overfitting Approaches, IEEE CIM 13(4)
 */
function leakyData(prep: PreparedExperiment, method: MethodSpec): MethodData {
  const { y } = prep.dataset;
  let resampled: ResampleResult;
  if (needsCodes(method)) {
    const all = Int32Array.from({ length: y.length }, (_, i) => i);
    const codes = prep.source.features(all, [all], 'codes');
    assertAllCategoricalForSmoten(method, codes);
    const r = resample(prep, method, codes.parts[0], y, codes.categoricalFeatures)!;
    resampled = { ...r, X: codes.toModel(r.X) };
  } else {
    resampled = resample(prep, method, prep.dataset.X, y)!;
  }
  const split = splitRows(prep.config, resampled.y, prep.nClasses, prep.splitIndex, prep.dataset.classNames);
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

