/**
 * Trains several MLPs / logistic regressions that differ only in their loss as ONE computation per
 * step (models/mlpStack.ts): the comparison of loss-level methods on the same data — cross-entropy,
 * class-weighted, focal, LDAM-DRW, balanced softmax, logit adjustment, dice, and every method that
 * only changes the scores afterwards — is this tool's core job, and training them one after another
 * repeats the same batch assembly, loss kernels, optimiser update and read-back once per model
 * (on WebGL/WebGPU, where kernel dispatch dominates a small model's step). On WASM and CPU the
 * members train one after another (`mode`, see there).
 *
 * Contract: member m gets exactly what `trainClassifier({ …shared, loss: members[m].loss, classWeights:
 * members[m].classWeights, rng })` would give — the same initial weights (`rng.fork('init')`), the
 * same batch order (`rng.fork('shuffle')`), the same objective (losses/stackedLossHead.ts) and the
 * same per-epoch events — up to float summation order. The tests check this against separate runs.
 *
 * Members fail on their own: an invalid loss is reported before training, a member whose loss
 * diverges is reported at that epoch and the others train on (its parameters are its own; NaNs in
 * its block never reach another model's logits or loss). Cancellation stops every member.
 *
 * Not for: confusion-matrix losses (their gradient couples the rows of a batch, and the stacked
 * head is row-wise), fixed classifiers, fine-tuning from given parameters, augmentation, the CNN.
 * Those train alone (train.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { CancelledError, ConfigError } from '../errors';
import { fillNormalizedTargets } from '../losses/weightedCrossEntropy';
import { stackedLossHead, stackedLossRows, stackedLossTensors, type StackedLossRows } from '../losses/stackedLossHead';
import { CE, type ImbalanceLoss } from '../losses/imbalanceLoss';
import { architectureFor, forwardOnHost, packBatchRows, type MlpBatch } from '../models/mlp';
import { MlpStack } from '../models/mlpStack';
import { validateModelSpec, type ModelSpec } from '../models/modelSpec';
import type { Rng } from '../random';
import type { Labels, Matrix } from '../types';
import { mlpHead, penultimateFeatures } from './decoupled';
import { epochClassWeights, epochRows, readOnce, softmaxRows } from './epoch';
import type { SamplingScheme } from './sampling';
import { EXPLODED_LOSS_FACTOR, trainClassifier, uploadValidation, validationTerms, type AbortSignalLike, type EpochEvent, type TrainedClassifier, type TrainingLoss } from './train';
import { divergenceError, validateInputs, validateMatrix } from './validateInputs';
import { yieldToEventLoop } from './yieldToEventLoop';

export interface GroupMember {
  /** A loss-family plan (confusion-matrix losses train alone); omitted: cross-entropy with `classWeights`. */
  loss?: TrainingLoss;
  classWeights?: number[];
  onEpoch?: (ev: EpochEvent) => void | Promise<void>;
}

export interface GroupTrainOptions {
  X: Matrix;
  y: Labels;
  nClasses: number;
  /** An MLP or logistic regression (the CNN trains alone). */
  model: ModelSpec;
  members: GroupMember[];
  /** Shared by every member (the rows a batch holds). */
  sampling?: SamplingScheme;
  validation?: { X: Matrix; y: Labels };
  rng: Rng;
  signal?: AbortSignalLike;
  /**
   * 'batched': one stacked model (models/mlpStack.ts); 'sequential': the members one after
   * another; 'auto' (default): batched on WebGL/WebGPU, sequential on WASM and CPU, where batching
   * measured no faster (see mlpStack.ts). Results are the same either way.
   */
  mode?: 'auto' | 'batched' | 'sequential';
}

/** One member's outcome: its classifier, or why it has none (invalid loss, divergence). */
export type GroupOutcome = { ok: true; classifier: TrainedClassifier } | { ok: false; error: Error };

/** Backends where one stacked model beats separate runs (see models/mlpStack.ts). */
const BATCHING_BACKENDS = new Set(['webgl', 'webgpu']);

/** Whether a group trains as one stacked model in `mode` on the active backend. */
export function batchedOn(mode: 'auto' | 'batched' | 'sequential'): boolean {
  return mode === 'batched' || (mode === 'auto' && BATCHING_BACKENDS.has(tf.getBackend()));
}

/** Whether `loss` can be a member of a group (see the file comment). */
export function groupable(loss: TrainingLoss | undefined): boolean {
  return loss === undefined || loss.kind === 'family';
}

/**
 * Trains every member as one stacked model; see the file comment for the contract.
 * @throws ConfigError / DataError for problems of the shared inputs (model, data, validation split).
 * @throws CancelledError when `signal` is aborted. Every tensor is disposed before the promise settles.
 */
export async function trainClassifierGroup(opts: GroupTrainOptions): Promise<GroupOutcome[]> {
  const spec = validateModelSpec(opts.model);
  if (spec.kind === 'cnn') throw new ConfigError("The CNN trains one model at a time. Got model 'cnn' instead.", 'model.kind');
  const { X, y, nClasses } = opts;
  const shared = { X, y, nClasses, model: spec, validation: opts.validation, rng: opts.rng };
  // Shared problems throw (they would fail every member alike); a member's own problem fails that member.
  validateInputs(shared);
  const outcomes: (GroupOutcome | null)[] = opts.members.map((m) => {
    if (!groupable(m.loss)) return { ok: false, error: new ConfigError('A confusion-matrix loss trains alone, not in a group.', 'loss') };
    try {
      validateInputs({ ...shared, loss: m.loss, classWeights: m.classWeights });
      return null;
    } catch (e) {
      return { ok: false, error: e as Error };
    }
  });
  const live = opts.members.map((_, i) => i).filter((i) => outcomes[i] === null);
  if (live.length === 0) return outcomes as GroupOutcome[];
  if (opts.signal?.aborted) throw new CancelledError();
  if (!batchedOn(opts.mode ?? 'auto')) {
    for (const i of live) {
      const m = opts.members[i];
      try {
        outcomes[i] = { ok: true, classifier: await trainClassifier({ ...shared, sampling: opts.sampling, loss: m.loss, classWeights: m.classWeights, signal: opts.signal, onEpoch: m.onEpoch }) };
      } catch (e) {
        // The shared inputs were checked above: what fails now is this member's (divergence, or an
        // unexpected error, which the caller reports as such); the members before it keep their models.
        if (e instanceof CancelledError) throw e;
        outcomes[i] = { ok: false, error: e instanceof Error ? e : new Error(String(e)) };
      }
    }
    return outcomes as GroupOutcome[];
  }

  const plans: TrainingLoss[] = live.map((i) => opts.members[i].loss ?? { kind: 'family', loss: { classWeights: opts.members[i].classWeights, term: { kind: 'ce' } } });
  const familyLoss = (p: TrainingLoss): ImbalanceLoss => (p.kind === 'family' ? p.loss : CE);
  const M = live.length;
  const n = X.rows;
  const batchSize = Math.min(spec.batchSize, n);
  const nBatches = Math.ceil(n / batchSize);
  const explodedLoss = EXPLODED_LOSS_FACTOR * Math.log(nClasses);
  const plainCe = plans.every((p) => familyLoss(p).term.kind === 'ce' && !familyLoss(p).margins && !familyLoss(p).logitOffsets && familyLoss(p).scale === undefined);

  const owned: tf.Tensor[] = [];
  const arch = architectureFor(spec, X.cols, nClasses);
  let stack: MlpStack | null = null;
  let optimizer: tf.Optimizer | null = null;
  try {
    stack = new MlpStack(arch, M, opts.rng.fork('init'));
    optimizer = spec.optimizer === 'sgd' ? tf.train.sgd(spec.learningRate) : tf.train.adam(spec.learningRate);
    const model = stack;
    const opt = optimizer;
    const lastB = n - (nBatches - 1) * batchSize;
    // Per batch size (the last batch may be shorter): the ones row for the bias gradients and the
    // per-row loss parameters.
    const perSize = new Map<number, { onesRow: tf.Tensor3D; rows: StackedLossRows }>();
    for (const B of new Set([batchSize, lastB])) {
      const onesRow = tf.ones([1, 1, B]) as tf.Tensor3D;
      const rows = stackedLossRows(plans.map(familyLoss), B, nClasses);
      owned.push(onesRow, ...stackedLossTensors(rows));
      perSize.set(B, { onesRow, rows });
    }
    const fractions = tf.tensor2d(Array.from({ length: nBatches }, (_, b) => (Math.min(n, (b + 1) * batchSize) - b * batchSize) / n), [nBatches, 1]);
    owned.push(fractions);
    const val = opts.validation ? uploadValidation(opts.validation, nClasses, owned) : null;

    const shuffleRng = opts.rng.fork('shuffle');
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const histories: EpochEvent[][] = live.map(() => []);
    const failed: (Error | null)[] = live.map(() => null);
    const start = tf.util.now();
    const C = nClasses;
    for (let epoch = 1; epoch <= spec.epochs; epoch++) {
      epochRows(opts.sampling, y, nClasses, epoch, spec.epochs, shuffleRng, order);
      const weights = plans.map((p) => epochClassWeights(p, epoch));
      const summary = tf.tidy(() => {
        const costs: tf.Tensor[] = [];
        for (let b = 0; b < nBatches; b++) {
          const rows = order.subarray(b * batchSize, Math.min(n, (b + 1) * batchSize));
          const B = rows.length;
          const packed = packBatchRows(X.data, X.cols, rows);
          const targets = new Float32Array(M * B * C);
          const rowWeights = new Float32Array(M * B);
          for (let m = 0; m < M; m++) {
            fillNormalizedTargets(y, rows, C, weights[m], targets.subarray(m * B * C, (m + 1) * B * C), rowWeights.subarray(m * B, (m + 1) * B));
          }
          let onehot: Float32Array | null = null;
          if (!plainCe) {
            onehot = new Float32Array(M * B * C);
            for (let i = 0; i < B; i++) onehot[i * C + y[rows[i]]] = 1;
            for (let m = 1; m < M; m++) onehot.copyWithin(m * B * C, 0, B * C);
          }
          const size = perSize.get(B)!;
          const batch: MlpBatch = { xAug: tf.tensor3d(packed.xAug, [1, B, X.cols + 1]), xAugT: tf.tensor3d(packed.xAugT, [1, X.cols + 1, B]), onesRow: size.onesRow };
          const T = tf.tensor2d(targets, [M * B, C]);
          const r = tf.tensor2d(rowWeights, [M * B, 1]);
          const O = onehot ? tf.tensor2d(onehot, [M * B, C]) : null;
          const { losses, grad } = model.lossAndGradient(batch, (logits) => stackedLossHead(logits, { T, r, O }, size.rows, M));
          opt.applyGradients({ [model.params.name]: grad });
          costs.push(losses);
        }
        // Per model: the epoch loss (batch losses weighted by batch size), the finiteness check, then
        // for each model its validation CE sum and correct predictions per class.
        const parts: tf.Tensor[] = [tf.sum(tf.mul(tf.stack(costs), fractions), 0), model.nonFinite()];
        if (val) for (let m = 0; m < M; m++) parts.push(...validationTerms((x) => model.logits(m, x), val));
        return tf.concat(parts.map((t) => tf.reshape(t, [-1])));
      });
      const values = await readOnce(summary);
      const elapsedMs = tf.util.now() - start;
      for (let m = 0; m < M; m++) {
        if (failed[m]) continue;
        const diverged = divergenceError(values[m], values[M + m], epoch, spec.learningRate, explodedLoss, nClasses);
        if (diverged) {
          failed[m] = diverged;
          continue;
        }
        const o = 2 * M + m * (1 + C);
        const ev: EpochEvent = {
          epoch,
          loss: values[m],
          valLoss: val ? values[o] / val.rows : null,
          valRecall: val ? val.counts.map((count, c) => (count > 0 ? values[o + 1 + c] / count : NaN)) : null,
          elapsedMs,
        };
        histories[m].push(ev);
        await opts.members[live[m]].onEpoch?.(ev);
      }
      await yieldToEventLoop();
      if (opts.signal?.aborted) throw new CancelledError();
      if (failed.every((f) => f !== null)) break;
    }

    const all = ((await model.params.data()) as Float32Array).slice();
    live.forEach((i, m) => {
      const f = failed[m];
      outcomes[i] = f ? { ok: false, error: f } : { ok: true, classifier: hostClassifier(arch, all.slice(m * model.size, (m + 1) * model.size), histories[m]) };
    });
    return outcomes as GroupOutcome[];
  } finally {
    tf.dispose(owned);
    optimizer?.dispose();
    stack?.dispose();
  }
}

/** A trained classifier that predicts on the host from its θ (nothing on the device to free). */
function hostClassifier(arch: ReturnType<typeof architectureFor>, theta: Float32Array, history: EpochEvent[]): TrainedClassifier {
  let disposed = false;
  return {
    history,
    arch,
    theta,
    head: mlpHead(arch, theta),
    features: (Xf) => penultimateFeatures(arch, theta, Xf),
    predictProba(Xp) {
      if (disposed) throw new Error('This classifier has been disposed; train a new one to predict.');
      validateMatrix(Xp, 'X', arch.inputs);
      return softmaxRows(forwardOnHost(arch, theta, Xp.data, Xp.rows), arch.outputs);
    },
    dispose() {
      disposed = true;
    },
  };
}

