/**
 * Real data the user loaded (a built-in dataset or their own file) as a Source: tables through
 * schema inference + an encoder fitted on the training rows, image sets as pixel matrices, and
 * the long-tail builder on top of either.
 */
import type { ExperimentConfig, LoadedDatasetConfig } from '../config';
import { DataError } from '../errors';
import { createRng } from '../random';
import { takeRows, type Matrix } from '../types';
import { imageFeatureNames, type ImageSet } from './images/imageSet';
import { buildLongTail } from './images/longTail';
import { matrixSource, type Source } from './source';
import { tableSource } from './tableSource';
import type { Table } from './table/table';

/** The loaded rows that travel beside a config (to workers, never into the URL). */
export type LoadedData =
  | { kind: 'table'; table: Table }
  | {
      kind: 'images';
      train: ImageSet;
      /** A balanced test set shipped with the data (digits-lt-test): always the test split. */
      test?: ImageSet;
    };

export function loadedSource(config: ExperimentConfig, data: LoadedData): Source {
  const ds = config.dataset as LoadedDatasetConfig;
  const source = data.kind === 'table' ? tableSource(data.table, ds) : imageSource(data.train, data.test);
  return ds.longTail ? longTailSource(source, ds.longTail, createRng(config.seed).fork('long-tail')) : source;
}

/** An image set (and its fixed test set, if any) as a pixel-matrix source. */
export function imageSource(train: ImageSet, test?: ImageSet): Source {
  if (test && (test.width !== train.width || test.height !== train.height || test.channels !== train.channels)) {
    throw new DataError(
      `The test images must have the training images' size (${train.height}×${train.width}×${train.channels}). Got ${test.height}×${test.width}×${test.channels} instead.`,
    );
  }
  const classNames = train.classNames.slice();
  const testY = test
    ? Int32Array.from(test.y, (c) => {
        const name = test.classNames[c];
        const idx = classNames.indexOf(name);
        if (idx < 0) throw new DataError(`The test set has a class '${name}' that the training set lacks. Use the same class folders in both. Got '${name}' instead.`);
        return idx;
      })
    : new Int32Array(0);
  const n = train.y.length + testY.length;
  const cols = train.width * train.height * train.channels;
  const pixels = test ? new Float32Array(n * cols) : train.pixels;
  if (test) {
    pixels.set(train.pixels, 0);
    pixels.set(test.pixels, train.pixels.length);
  }
  const y = new Int32Array(n);
  y.set(train.y, 0);
  y.set(testY, train.y.length);
  const X: Matrix = { data: pixels, rows: n, cols };
  return matrixSource({
    kind: 'image',
    X,
    y,
    classNames,
    featureNames: imageFeatureNames(train.height, train.width, train.channels),
    imageShape: [train.height, train.width, train.channels],
    fixedTest: test ? Int32Array.from({ length: testY.length }, (_, i) => train.y.length + i) : undefined,
    notes: [...train.notes, ...(test?.notes ?? [])],
  });
}

/**
 * The long-tail builder over any source: a balanced test set of `testPerClass` rows per class is
 * set aside first, then every class of the rest is cut to the profile's count (class 0 the head),
 * so the model trains long-tailed and is scored on balanced data (the CIFAR-LT protocol).
 * @see Cao, Wei, Gaidon, Arechiga & Ma 2019, Learning Imbalanced Datasets with Label-Distribution-Aware Margin Loss, NeurIPS
 */
export function longTailSource(source: Source, spec: NonNullable<LoadedDatasetConfig['longTail']>, rng: ReturnType<typeof createRng>): Source {
  const nClasses = source.classNames.length;
  const lt = buildLongTail(source.y, nClasses, { profile: spec.profile, imbalanceFactor: spec.imbalanceFactor, testPerClass: spec.testPerClass, classNames: source.classNames }, rng);
  const rows = new Int32Array(lt.train.length + lt.test.length);
  rows.set(lt.train, 0);
  rows.set(lt.test, lt.train.length);
  const map = (idx: Int32Array) => Int32Array.from(idx, (i) => rows[i]);
  const withX = source as Source & { X?: Matrix };
  return {
    ...source,
    y: Int32Array.from(rows, (i) => source.y[i]),
    fixedTest: Int32Array.from({ length: lt.test.length }, (_, i) => lt.train.length + i),
    raw2d: source.raw2d ? takeRows(source.raw2d, rows) : undefined,
    ...(withX.X ? { X: takeRows(withX.X, rows) } : {}),
    notes: [...source.notes, `Long-tail builder: ${lt.train.length} training rows (${spec.profile}, factor ${spec.imbalanceFactor}), ${lt.test.length} balanced test rows.`],
    features: (fitRows, parts, mode) => source.features(map(fitRows), parts.map(map), mode),
    example: (row) => source.example(rows[row]),
    base: { source, rows },
  };
}
