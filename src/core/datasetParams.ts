/**
 * Parameter specs of the built-in 2-D generators (the "Data" panel). Ranges follow the product
 * brief: imbalance ratio 1:1 to 1:1000 on a log slider, 2–10 classes.
 */
import type { ParamSpec } from './params';

export const SHAPES = ['moons', 'blobs', 'circles', 'spiral', 'xor'] as const;

export const DATASET_PARAM_SPECS: readonly ParamSpec[] = [
  {
    name: 'shape',
    kind: 'enum',
    label: 'shape',
    help: 'Geometry of the 2-D classes.',
    default: 'moons',
    options: SHAPES,
  },
  { name: 'n', kind: 'int', label: 'samples', help: 'Total number of points (before the split).', default: 1050, min: 20, max: 20000, log: true },
  {
    name: 'classes',
    kind: 'int',
    label: 'classes',
    help: 'Two classes, or 3–10 for a long-tailed multi-class set whose class sizes follow the profile below.',
    default: 2,
    min: 2,
    max: 10,
  },
  {
    name: 'imbalanceRatio',
    kind: 'float',
    label: 'imbalance ratio (1:r)',
    help: 'Size of the largest class divided by the size of the smallest (the imbalance factor of long-tailed sets).',
    default: 20,
    min: 1,
    max: 1000,
    log: true,
  },
  {
    name: 'profile',
    kind: 'enum',
    label: 'long-tail profile',
    help: 'How class sizes fall from head to tail when there are more than two classes: exponential (Cui et al. 2019) or step (half the classes are rare, Buda et al. 2018).',
    default: 'exponential',
    options: ['exponential', 'step'],
  },
  { name: 'noise', kind: 'float', label: 'overlap / noise', help: 'Spread of each class around its shape; higher values make the classes overlap.', default: 0.4, min: 0, max: 1, step: 0.05 },
  {
    name: 'labelNoise',
    kind: 'float',
    label: 'label noise',
    help: 'Fraction of points whose label is flipped to another class at random (annotation noise).',
    default: 0,
    min: 0,
    max: 0.5,
    step: 0.01,
  },
];

/** How the data is divided for evaluation (see data/split.ts and data/folds.ts). */
export interface SplitConfig {
  protocol: 'holdout' | 'cross-validation' | 'balanced-test';
  test: number;
  validation: number;
  folds: number;
  repeats: number;
  testPerClass: number;
  relativeAccuracy: boolean;
}

export const SPLIT_PARAM_SPECS: readonly ParamSpec[] = [
  {
    name: 'protocol',
    kind: 'enum',
    label: 'evaluation',
    help: 'holdout: one stratified train / validation / test split. cross-validation: stratified k-fold, every row tested once per repeat (Kohavi 1995). balanced-test: the same number of test rows from every class, so head and tail classes are scored on equal footing (long-tailed recognition, Liu et al. 2019). Resampling and all fitted preprocessing use the training rows only.',
    default: 'holdout',
    options: ['holdout', 'cross-validation', 'balanced-test'],
  },
  { name: 'test', kind: 'float', label: 'test fraction', help: 'Share of each class held out for the final metrics (stratified).', default: 0.3, min: 0.05, max: 0.8, step: 0.05 },
  {
    name: 'validation',
    kind: 'float',
    label: 'validation fraction',
    help: 'Share of each class held out for the validation loss curve (stratified). Never resampled.',
    default: 0.2,
    min: 0,
    max: 0.45,
    step: 0.05,
  },
  { name: 'folds', kind: 'int', label: 'folds', help: 'Number of stratified folds (cross-validation). Every class needs at least this many rows.', default: 5, min: 2, max: 20 },
  {
    name: 'repeats',
    kind: 'int',
    label: 'repeats',
    help: 'Runs with different seeds for the split (hold-out, balanced test) or the fold assignment (cross-validation); tables show mean ± std over them.',
    default: 1,
    min: 1,
    max: 10,
  },
  {
    name: 'testPerClass',
    kind: 'int',
    label: 'test rows per class',
    help: 'Balanced test set: this many test rows from every class (each class must keep at least one training row).',
    default: 20,
    min: 1,
    max: 10000,
    log: true,
  },
  {
    name: 'relativeAccuracy',
    kind: 'bool',
    label: 'relative accuracy (extra runs)',
    help: 'Also trains every method, and plain cross-entropy, on a class-balanced training set of the same size drawn from rows the imbalanced one left out, and reports accuracy ÷ max(the two balanced accuracies): how close a method gets to what balanced data would give (Zhang et al. 2023). Needs data with enough rows per class outside the test split, e.g. a long tail built from a balanced dataset.',
    default: false,
    citation: 'Zhang, Kang, Hooi, Yan & Feng 2023, Deep Long-Tailed Learning: A Survey, IEEE TPAMI 45(9), §5.1 (relative accuracy)',
  },
];

/** Image sets: the size and colour they are decoded to. */
export const IMAGE_PARAM_SPECS: readonly ParamSpec[] = [
  { name: 'size', kind: 'int', label: 'image size (px)', help: 'Images are resized to size × size pixels when decoded.', default: 32, min: 4, max: 128 },
  { name: 'color', kind: 'enum', label: 'colour', help: 'Grayscale (one value per pixel) or RGB (three).', default: 'gray', options: ['gray', 'rgb'] },
];

/** The long-tail builder (CIFAR-LT protocol: Cao et al. 2019; Cui et al. 2019). */
export const LONG_TAIL_PARAM_SPECS: readonly ParamSpec[] = [
  {
    name: 'profile',
    kind: 'enum',
    label: 'long-tail profile',
    help: 'exponential: class i keeps n_max · factor^(−i/(C−1)) rows (Cao et al. 2019); step: half the classes keep n_max / factor (Buda et al. 2018).',
    default: 'exponential',
    options: ['exponential', 'step'],
  },
  { name: 'imbalanceFactor', kind: 'float', label: 'imbalance factor', help: 'Largest over smallest training class after the builder.', default: 100, min: 1, max: 1000, log: true },
  { name: 'testPerClass', kind: 'int', label: 'balanced test rows per class', help: 'Set aside from every class before the long tail is built, so the test set stays balanced.', default: 20, min: 1, max: 10000, log: true },
];
