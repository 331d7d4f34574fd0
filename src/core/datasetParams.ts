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

export const SPLIT_PARAM_SPECS: readonly ParamSpec[] = [
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
];
