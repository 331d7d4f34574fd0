/**
 * The classifier a method is trained with: a multinomial logistic regression or a small MLP,
 * plus its optimiser settings. One spec list drives validation, the URL codec, the CLI and the
 * UI controls (house rule 4).
 */
import { validateParams, type ParamSpec } from '../params';

export interface ModelSpec {
  kind: 'logistic' | 'mlp' | 'cnn';
  /** Hidden layers of the MLP (ignored for 'logistic'). */
  hiddenLayers: number;
  /** Units per hidden layer (ignored for 'logistic'). */
  width: number;
  /** Hidden-layer activation (ignored for 'logistic'). */
  activation: 'relu' | 'tanh' | 'sigmoid';
  /** Adam (Kingma & Ba 2015) or plain mini-batch SGD (as TensorFlow Playground uses). */
  optimizer: 'adam' | 'sgd';
  /** Optimiser step size α. */
  learningRate: number;
  epochs: number;
  batchSize: number;
  /** CNN (image sets): conv-BN-ReLU blocks, and filters of the first block (doubling per block). */
  blocks: number;
  filters: number;
  /** Image sets only: augment the training batches of every class, of the tail classes, or none. */
  augment: 'none' | 'all' | 'tail';
  flip: boolean;
  shift: number;
  rotate: number;
  noise: number;
}

/** The augmentation settings, shown only for image data. */
export const AUGMENT_PARAMS = new Set<keyof ModelSpec>(['augment', 'flip', 'shift', 'rotate', 'noise']);
/** The CNN's settings, shown only when the CNN is picked. */
export const CNN_PARAMS = new Set<keyof ModelSpec>(['blocks', 'filters']);

export type ModelKind = ModelSpec['kind'];
export type HiddenActivation = ModelSpec['activation'];

/** A {@link ParamSpec} whose name is a field of {@link ModelSpec}. */
export interface ModelParamSpec extends ParamSpec {
  name: keyof ModelSpec;
}

export const MODEL_PARAM_SPECS: readonly ModelParamSpec[] = [
  {
    name: 'kind',
    kind: 'enum',
    label: 'model',
    help: "'logistic' is multinomial logistic regression (a linear decision boundary); 'mlp' adds hidden layers and can bend it; 'cnn' (image sets) is a small convolutional network: conv-BN-ReLU blocks and global average pooling.",
    default: 'mlp',
    options: ['logistic', 'mlp', 'cnn'],
  },
  {
    name: 'hiddenLayers',
    kind: 'int',
    label: 'hidden layers',
    help: 'Number of hidden layers of the MLP (ignored by logistic regression).',
    default: 2,
    min: 1,
    max: 4,
  },
  {
    name: 'width',
    kind: 'int',
    label: 'width',
    help: 'Units in each hidden layer of the MLP (ignored by logistic regression).',
    default: 16,
    min: 2,
    max: 256,
  },
  {
    name: 'activation',
    kind: 'enum',
    label: 'activation',
    help: 'Non-linearity after each hidden layer: relu = max(0, x), tanh, or the logistic sigmoid 1/(1+e^−x).',
    default: 'relu',
    options: ['relu', 'tanh', 'sigmoid'],
  },
  {
    name: 'optimizer',
    kind: 'enum',
    label: 'optimiser',
    help: 'Adam adapts the step per parameter and rarely diverges; plain SGD takes the raw gradient step, so a large learning rate makes it blow up (NaN) — try it.',
    default: 'adam',
    options: ['adam', 'sgd'],
    citation: 'Kingma & Ba 2015, Adam: A Method for Stochastic Optimization, ICLR; Robbins & Monro 1951',
  },
  {
    name: 'learningRate',
    kind: 'float',
    label: 'learning rate',
    help: 'Step size of the optimiser. Too large and the loss diverges (training stops with a message); too small and it learns slowly.',
    default: 0.01,
    min: 1e-4,
    max: 10,
    log: true,
    citation: 'Kingma & Ba 2015, Adam: A Method for Stochastic Optimization, ICLR',
  },
  {
    name: 'epochs',
    kind: 'int',
    label: 'epochs',
    help: 'Passes over the (resampled) training split.',
    default: 60,
    min: 1,
    max: 1000,
  },
  {
    name: 'batchSize',
    kind: 'int',
    label: 'batch size',
    help: 'Rows per gradient step. Larger batches run faster per epoch (fewer, larger operations) but take fewer steps.',
    default: 64,
    min: 1,
    max: 4096,
  },
  { name: 'blocks', kind: 'int', label: 'conv blocks', help: 'CNN: conv 3×3 → batch norm → ReLU blocks (2×2 max-pooling between them).', default: 2, min: 1, max: 3 },
  { name: 'filters', kind: 'int', label: 'filters', help: 'CNN: filters of the first block; each further block doubles them.', default: 8, min: 2, max: 64 },
  {
    name: 'augment',
    kind: 'enum',
    label: 'augment images',
    help: 'Image sets: random flips, shifts, rotations and noise on the training batches — for every class, or only for the tail classes (fewer training rows than the median class), which gives the rare classes more variety.',
    default: 'none',
    options: ['none', 'all', 'tail'],
  },
  { name: 'flip', kind: 'bool', label: 'flip', help: 'Mirror left–right with probability ½ (wrong for digits and text; fine for most photos).', default: false },
  { name: 'shift', kind: 'int', label: 'shift (px)', help: 'Shift by up to this many pixels each way, filling with zeros.', default: 1, min: 0, max: 8 },
  { name: 'rotate', kind: 'float', label: 'rotate (°)', help: 'Rotate by up to this many degrees either way.', default: 10, min: 0, max: 45, step: 1 },
  { name: 'noise', kind: 'float', label: 'noise', help: 'Standard deviation of Gaussian noise added to each pixel (pixels are in [0, 1]).', default: 0.02, min: 0, max: 0.5, step: 0.01 },
];

/** The defaults of {@link MODEL_PARAM_SPECS} as a spec. */
export const DEFAULT_MODEL_SPEC: Readonly<ModelSpec> = Object.freeze(
  Object.fromEntries(MODEL_PARAM_SPECS.map((s) => [s.name, s.default])) as unknown as ModelSpec,
);

/**
 * Validates a model spec against {@link MODEL_PARAM_SPECS}: fills missing fields with defaults,
 * rejects unknown fields and out-of-range values.
 * @throws ConfigError e.g. "model.width must be an integer between 2 and 256. Got 300 instead."
 */
export function validateModelSpec(raw: unknown, path = 'model'): ModelSpec {
  return validateParams(MODEL_PARAM_SPECS, raw, path) as unknown as ModelSpec;
}
