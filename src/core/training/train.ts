/**
 * The classifier fit loop: seeded, cancellable, leak-free, and fast on WASM/CPU.
 *
 * Objective: the class-weighted softmax cross-entropy (see losses/weightedCrossEntropy.ts)
 *   L(θ) = Σ_i w_{y_i} CE_i(θ) / Σ_i w_{y_i}
 * over each mini-batch, minimised with Adam (or plain SGD, θ ← θ − α·g, when the spec asks):
 *   m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  θ ← θ − α·m̂/(√v̂ + ε),  m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)
 * (β₁ = 0.9, β₂ = 0.999, ε = the backend's epsilon; `tf.train.adam`).
 * @see Kingma & Ba 2015, Adam: A Method for Stochastic Optimization, ICLR
 *
 * Why a custom step instead of `tf.LayersModel.fit`: on WASM and CPU a small model's step is
 * dominated by per-op bookkeeping and a few slow kernels (transposed matmuls, gathers), so the
 * step is built from few, large ops: a flat parameter vector, directly called fused
 * matMul+bias+activation kernels, the closed-form loss gradient and a hand-written backward pass
 * (models/mlp.ts). Measured on WASM in Node (bench/training/mlpEpochs.ts): ~4× `model.fit`.
 *
 * Batches are assembled on the host — rows copied in the shuffled order, a ones column appended
 * and the weighted targets pre-normalised — and uploaded (a few KB per batch) instead of being
 * gathered from a device copy of X: WASM's GatherV2 costs ~10× more than the copy + upload, and
 * host-side normalisation saves five loss kernels. The device is read ONCE per epoch: training
 * loss (accumulated on the device), validation loss and per-class recall come back in one
 * `.data()`; there are no per-batch reads.
 *
 * The device is never read synchronously (no `dataSync`): on WebGPU a synchronous read copies
 * through a WebGPU canvas drawn into a 2D canvas, and on Chromium's software adapter that returns
 * zeros (constant predictions, ROC AUC 0.5) and breaks other readbacks in flight. So θ is read once,
 * asynchronously, when training ends, and `predictProba` — synchronous by contract — runs the
 * forward pass on the host (`forwardOnHost`): the same code path, and for the same θ the same
 * numbers, on every backend.
 *
 * Randomness: `rng.fork('init')` draws the initial weights, `rng.fork('shuffle')` the batch order
 * of every epoch, so the same seed on the same backend gives bit-identical results.
 */
import * as tf from '@tensorflow/tfjs-core';
import { CancelledError, ConfigError } from '../errors';
import {
  crossEntropyFromTargets,
  fillNormalizedTargets,
  normalizedCrossEntropy,
  weightedTargets,
} from '../losses/weightedCrossEntropy';
import { confusionLossHead, imbalanceLossHead, lossConstants, needsOneHot, type ConfusionMetric, type ImbalanceLoss } from '../losses/imbalanceLoss';
import { architectureFor, createMlp, initialParameters, forwardOnHost, packBatchRows, type Mlp, type MlpArchitecture, type MlpBatch } from '../models/mlp';
import { validateModelSpec, type ModelSpec } from '../models/modelSpec';
import type { Rng } from '../random';
import type { Labels, Matrix } from '../types';
import { yieldToEventLoop } from './yieldToEventLoop';
import { divergenceError, validateInputs, validateMatrix } from './validateInputs';
import type { SamplingScheme } from './sampling';
import { prepareEpoch, readOnce, softmaxRows } from './epoch';
import { mlpHead, penultimateFeatures } from './decoupled';

/** One progress event per epoch (the natural throttle). */
export interface EpochEvent {
  /** 1-based. */
  epoch: number;
  /** Mean training loss of the epoch (batch losses weighted by batch size), class-weighted if weights were given. */
  loss: number;
  /** Unweighted mean cross-entropy on the validation set after the epoch; null without one. */
  valLoss: number | null;
  /** Recall of each class on the validation set (NaN for a class with no validation rows); null without one. */
  valRecall: number[] | null;
  /** Milliseconds since training started. */
  elapsedMs: number;
}

/**
 * The part of `AbortSignal` the loop reads. The core compiles without DOM typings; a real
 * `AbortSignal` (browser, worker or Node) satisfies this.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

/**
 * What the training step minimises. Default: cross-entropy with `classWeights`. `drw` switches
 * the class weights at a given epoch (deferred re-weighting, Cao et al. 2019): epochs before it
 * use the loss's own weights, epochs from it on use `drw.classWeights`.
 */
export type TrainingLoss =
  | { kind: 'family'; loss: ImbalanceLoss; drw?: { epoch: number; classWeights: number[] } }
  | { kind: 'confusion'; metric: ConfusionMetric; amplification: number };

export interface TrainOptions {
  /** Training rows. Read batch by batch while training runs: do not mutate until the promise settles. */
  X: Matrix;
  /** Class index per row of X, 0..nClasses−1. */
  y: Labels;
  nClasses: number;
  model: ModelSpec;
  /** Per-class loss weights w_c (e.g. `inverseFrequencyWeights(counts)`); omitted: all 1. Ignored when `loss` is given. */
  classWeights?: number[];
  /** The loss (family member, DRW schedule, or a confusion-matrix loss); omitted: cross-entropy with `classWeights`. */
  loss?: TrainingLoss;
  /** Which rows each epoch visits (sampling.ts); omitted or 'instance': a shuffle of every row. */
  sampling?: SamplingScheme;
  /** Start from these parameters instead of a fresh initialisation (fine-tuning; same architecture). */
  initialParams?: Float32Array;
  /**
   * A fixed last layer (row-major [fanIn, C] weights, C biases) that training never changes,
   * e.g. a simplex equiangular tight frame. Needs an MLP with at least one hidden layer.
   */
  fixedClassifier?: { weights: Float32Array; bias: Float32Array };
  /**
   * Writes training row `row` as the model should see it this time into `out` (X.cols values):
   * the hook for data augmentation, called for every row of every batch. Omitted: X as it is.
   */
  transformRow?: (row: number, out: Float32Array) => void;
  /** Image sets: [height, width, channels] of each row (needed by the CNN). */
  imageShape?: [number, number, number];
  validation?: { X: Matrix; y: Labels };
  rng: Rng;
  /** Checked once per epoch; when aborted, training stops, frees everything and throws CancelledError. */
  signal?: AbortSignalLike;
  onEpoch?: (ev: EpochEvent) => void | Promise<void>;
}

export interface TrainedClassifier {
  history: EpochEvent[];
  /** MLP only: the architecture and a host copy of the trained flat parameters (fine-tuning). */
  readonly arch?: MlpArchitecture;
  readonly theta?: Float32Array;
  /** The last layer as a logistic regression on the penultimate features (decoupled methods, weight norms). */
  readonly head: { arch: MlpArchitecture; theta: Float32Array };
  /** The penultimate features of the rows of X (the representation the last layer sees). */
  features(X: Matrix): Matrix;
  /** Set when the model trained on another backend than the active one, and why. */
  readonly trainedOn?: string;
  /** Softmax probabilities, row-major rows × nClasses. */
  predictProba(X: Matrix): Float32Array;
  /** Frees the model's tensors. `predictProba` throws afterwards. */
  dispose(): void;
}

/** Rows per forward pass in validation (bounds peak memory for big validation sets). */
const CHUNK_ROWS = 8192;

/**
 * An epoch loss above this many times ln C (the loss of uniform guessing) counts as divergence:
 * healthy training starts near ln C and falls; 100 × ln C means confidently wrong logits in the
 * hundreds.
 */
export const EXPLODED_LOSS_FACTOR = 100;

/**
 * Trains a logistic regression or MLP (per `opts.model`) on `X`, `y`.
 *
 * Every epoch: shuffle the row order with the rng, run one Adam step per mini-batch (rows
 * assembled on the host), then read back the epoch's loss and validation metrics once, call
 * `onEpoch`, and yield to the event loop so cancellation and progress messages get through.
 * After the last epoch θ is read back once; `predictProba` computes on the host from that copy.
 *
 * @throws ConfigError for an invalid model spec, class count or class weights.
 * @throws DataError for inconsistent shapes, labels out of range, non-finite features, or a
 *   training set with fewer than two classes.
 * @throws TrainingDivergedError when the loss (or a weight) becomes NaN or infinite, or the epoch
 *   loss exceeds {@link EXPLODED_LOSS_FACTOR} × ln C. Adam rarely reaches NaN: with a huge step the
 *   loss jumps to thousands and the weights end up wherever the overshoot left them, which is a
 *   silent wrong answer unless it is reported as divergence.
 * @throws CancelledError when `signal` is aborted (checked before training and after each epoch).
 * In every case all tensors, the model and the optimizer are disposed before the promise settles.
 */
export async function trainClassifier(opts: TrainOptions): Promise<TrainedClassifier> {
  const spec = validateModelSpec(opts.model);
  if (spec.kind === 'cnn') {
    if (!opts.imageShape) {
      throw new ConfigError(`The CNN works on image sets; this data has no image shape. Pick the MLP or logistic regression, or load an image set. Got model 'cnn' instead.`, 'model.kind');
    }
    const { trainCnn } = await import('./trainCnn');
    return trainCnn({ ...opts, model: spec, imageShape: opts.imageShape });
  }
  validateInputs(opts);
  const explodedLoss = EXPLODED_LOSS_FACTOR * Math.log(opts.nClasses);
  const { X, y, nClasses } = opts;
  const n = X.rows;
  const batchSize = Math.min(spec.batchSize, n);
  const nBatches = Math.ceil(n / batchSize);
  if (opts.signal?.aborted) throw new CancelledError();

  const owned: tf.Tensor[] = [];
  let mlp: Mlp | null = null;
  let optimizer: tf.Optimizer | null = null;
  let handedOver = false;
  try {
    mlp = createMlp(architectureFor(spec, X.cols, nClasses), opts.rng.fork('init'));
    if (opts.initialParams || opts.fixedClassifier) {
      // Built on the host (never read back from the device): the given parameters, or the same
      // seeded initialisation createMlp drew, with the fixed last layer written in.
      const theta = opts.initialParams ? opts.initialParams.slice() : initialParameters(mlp.arch, opts.rng.fork('init'));
      if (theta.length !== mlp.params.size) {
        throw new ConfigError(`initialParams must hold ${mlp.params.size} values for this architecture. Got ${theta.length} instead.`, 'initialParams');
      }
      if (opts.fixedClassifier) {
        const L = mlp.layout[mlp.layout.length - 1];
        const { weights, bias } = opts.fixedClassifier;
        if (mlp.layout.length < 2 || weights.length !== L.fanIn * L.fanOut || bias.length !== L.fanOut) {
          throw new ConfigError(
            `A fixed classifier needs an MLP with at least one hidden layer and ${L.fanIn} × ${L.fanOut} weights. Got ${mlp.layout.length - 1} hidden layers and ${weights.length} weights instead.`,
            'fixedClassifier',
          );
        }
        theta.set(weights, L.weightOffset);
        theta.set(bias, L.biasOffset);
        mlp.freezeLastLayer = true;
      }
      const target = mlp.params;
      tf.tidy(() => target.assign(tf.tensor1d(theta, 'float32')));
    }
    optimizer = spec.optimizer === 'sgd' ? tf.train.sgd(spec.learningRate) : tf.train.adam(spec.learningRate);
    const model = mlp;
    const opt = optimizer;

    const batchFractions = tf.tensor1d(Array.from({ length: nBatches }, (_, b) => (Math.min(n, (b + 1) * batchSize) - b * batchSize) / n));
    owned.push(batchFractions);
    // Ones rows for the bias gradients: one per batch size (the last batch may be shorter).
    const onesRows = new Map<number, tf.Tensor3D>();
    for (const B of new Set([batchSize, n - (nBatches - 1) * batchSize])) {
      const t = tf.ones([1, 1, B]) as tf.Tensor3D;
      owned.push(t);
      onesRows.set(B, t);
    }
    const val = opts.validation ? uploadValidation(opts.validation, nClasses, owned) : null;
    const lossPlan: TrainingLoss = opts.loss ?? { kind: 'family', loss: { classWeights: opts.classWeights, term: { kind: 'ce' } } };
    const consts = lossPlan.kind === 'family' ? lossConstants(lossPlan.loss) : {};
    for (const t of [consts.offsets, consts.margins]) if (t) owned.push(t);
    const oneHot = lossPlan.kind === 'confusion' || needsOneHot(lossPlan.loss);

    const shuffleRng = opts.rng.fork('shuffle');
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;

    const history: EpochEvent[] = [];
    const start = tf.util.now();
    for (let epoch = 1; epoch <= spec.epochs; epoch++) {
      const weights = prepareEpoch(lossPlan, opts.sampling, y, nClasses, epoch, spec.epochs, shuffleRng, order);
      // Everything between two read-backs is synchronous, so one tidy frees the whole epoch.
      const summary = tf.tidy(() => {
        const costs: tf.Tensor[] = [];
        for (let b = 0; b < nBatches; b++) {
          const rows = order.subarray(b * batchSize, Math.min(n, (b + 1) * batchSize));
          const B = rows.length;
          // The batch is assembled on the host (see MlpBatch for why) in fresh arrays: the CPU
          // backend keeps a reference to the array a tensor is created from.
          const packed = opts.transformRow ? packTransformed(opts.transformRow, X.cols, rows) : packBatchRows(X.data, X.cols, rows);
          const targets = new Float32Array(B * nClasses);
          const rowWeights = new Float32Array(B);
          fillNormalizedTargets(y, rows, nClasses, weights, targets, rowWeights);
          const batch: MlpBatch = {
            xAug: tf.tensor3d(packed.xAug, [1, B, X.cols + 1]),
            xAugT: tf.tensor3d(packed.xAugT, [1, X.cols + 1, B]),
            onesRow: onesRows.get(B) as tf.Tensor3D,
          };
          const T = tf.tensor2d(targets, [B, nClasses]);
          const r = tf.tensor2d(rowWeights, [B, 1]);
          const held: tf.Tensor[] = [batch.xAug, batch.xAugT, T, r];
          let O: tf.Tensor2D | null = null;
          if (oneHot) {
            const o = new Float32Array(B * nClasses);
            for (let i = 0; i < B; i++) o[i * nClasses + y[rows[i]]] = 1;
            O = tf.tensor2d(o, [B, nClasses]);
            held.push(O);
          }
          try {
            const head = (logits: tf.Tensor2D) =>
              lossPlan.kind === 'confusion'
                ? confusionLossHead(logits, O!, lossPlan.metric, lossPlan.amplification, true)
                : O
                  ? imbalanceLossHead(logits, { T, r, O }, { ...lossPlan.loss, classWeights: weights }, consts, true)
                  : normalizedCrossEntropy(logits, T, r, true);
            const cost = opt.minimize(() => model.lossWithGradient(batch, head, held), true, model.variables);
            costs.push(cost as tf.Scalar);
          } finally {
            tf.dispose(held);
          }
        }
        const parts: tf.Tensor[] = [
          tf.sum(tf.mul(tf.stack(costs), batchFractions)),
          // 0 when every weight is finite, NaN otherwise (Inf·0 = NaN): catches a bad last step.
          tf.sum(tf.mul(model.params, 0)),
        ];
        if (val) parts.push(...validationTerms((x) => model.forward(x), val));
        return tf.concat(parts.map((t) => tf.reshape(t, [-1])));
      });
      const values = await readOnce(summary);

      const loss = values[0];
      const diverged = divergenceError(loss, values[1], epoch, spec.learningRate, explodedLoss, opts.nClasses);
      if (diverged) throw diverged;
      const ev: EpochEvent = {
        epoch,
        loss,
        valLoss: val ? values[2] / val.rows : null,
        valRecall: val ? val.counts.map((count, c) => (count > 0 ? values[3 + c] / count : NaN)) : null,
        elapsedMs: tf.util.now() - start,
      };
      history.push(ev);
      await opts.onEpoch?.(ev);
      await yieldToEventLoop();
      if (opts.signal?.aborted) throw new CancelledError();
    }

    // A private copy: the CPU backend's `data()` hands out its own storage.
    const theta = ((await model.params.data()) as Float32Array).slice();
    const arch = model.arch;
    const classifier: TrainedClassifier = {
      history,
      arch,
      theta,
      head: mlpHead(arch, theta),
      features: (Xf) => penultimateFeatures(arch, theta, Xf),
      predictProba: (Xp) => predictProba(model, arch, theta, Xp),
      dispose: () => model.dispose(),
    };
    handedOver = true;
    return classifier;
  } finally {
    tf.dispose(owned);
    optimizer?.dispose();
    if (!handedOver) mlp?.dispose();
  }
}

export interface ValidationTensors {
  X: tf.Tensor2D;
  /** One-hot labels, [rows, C]. */
  Y: tf.Tensor2D;
  y: tf.Tensor1D;
  rows: number;
  counts: number[];
}

export function uploadValidation(v: { X: Matrix; y: Labels }, nClasses: number, owned: tf.Tensor[]): ValidationTensors {
  const X = tf.tensor2d(toFloat32(v.X.data), [v.X.rows, v.X.cols]);
  owned.push(X);
  const Y = tf.tensor2d(weightedTargets(v.y, nClasses), [v.X.rows, nClasses]);
  owned.push(Y);
  const y = tf.tensor1d(Int32Array.from(v.y), 'int32');
  owned.push(y);
  const counts = new Array<number>(nClasses).fill(0);
  for (let i = 0; i < v.y.length; i++) counts[v.y[i]]++;
  return { X, Y, y, rows: v.X.rows, counts };
}

/** [Σ_i CE_i] and [correct predictions per class] on the validation set of the model `forward` computes (call inside tidy). */
export function validationTerms(forward: (x: tf.Tensor2D) => tf.Tensor2D, val: ValidationTensors): tf.Tensor[] {
  let ceSum: tf.Tensor | null = null;
  let correct: tf.Tensor | null = null;
  for (let s = 0; s < val.rows; s += CHUNK_ROWS) {
    const len = Math.min(CHUNK_ROWS, val.rows - s);
    const whole = len === val.rows;
    const x = whole ? val.X : tf.slice(val.X, [s, 0], [len, -1]);
    const Y = whole ? val.Y : tf.slice(val.Y, [s, 0], [len, -1]);
    const y = whole ? val.y : tf.slice(val.y, [s], [len]);
    const logits = forward(x);
    const ce = crossEntropyFromTargets(logits, Y, false).weightedSum;
    const hit = tf.cast(tf.equal(tf.argMax(logits, 1), y), 'float32');
    const perClass = tf.matMul(tf.reshape(hit, [1, len]), Y);
    ceSum = ceSum ? tf.add(ceSum, ce) : ce;
    correct = correct ? tf.add(correct, perClass) : perClass;
  }
  return [ceSum as tf.Tensor, correct as tf.Tensor];
}

/**
 * Softmax probabilities from the host copy `theta` of the trained parameters (see the file comment
 * for why prediction never touches the device). `model` is only checked for having been disposed.
 */
function predictProba(model: Mlp, arch: MlpArchitecture, theta: Float32Array, X: Matrix): Float32Array {
  if (model.isDisposed) throw new Error('This classifier has been disposed; train a new one to predict.');
  validateMatrix(X, 'X', arch.inputs);
  return softmaxRows(forwardOnHost(arch, theta, X.data, X.rows), arch.outputs);
}

/** The batch rows after `transform` (augmentation), packed like packBatchRows. */
export function packTransformed(transform: (row: number, out: Float32Array) => void, cols: number, rows: ArrayLike<number>): ReturnType<typeof packBatchRows> {
  const data = new Float32Array(rows.length * cols);
  for (let i = 0; i < rows.length; i++) transform(rows[i], data.subarray(i * cols, (i + 1) * cols));
  return packBatchRows(data, cols, Int32Array.from({ length: rows.length }, (_, i) => i));
}

/** A private float32 copy (the CPU backend keeps a reference to the array it is given). */
function toFloat32(data: Float32Array | Float64Array): Float32Array {
  return data instanceof Float32Array ? data.slice() : Float32Array.from(data);
}
