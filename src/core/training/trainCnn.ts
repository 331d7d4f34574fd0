/**
 * The fit loop of the small CNN (models/cnn.ts), with the same contract as the MLP's
 * (train.ts): seeded, cancellable, one device read per epoch, the same losses (the family head's
 * closed-form ∂L/∂logits enters autodiff through a custom gradient), the same batch sampling and
 * augmentation hook, divergence checks and prediction on the host from one final read of the
 * parameters. Autodiff (not a hand-written backward pass) trains the convolutions.
 */
import * as tf from '@tensorflow/tfjs-core';
import { CancelledError, ConfigError, got } from '../errors';
import { confusionLossHead, imbalanceLossHead, lossConstants } from '../losses/imbalanceLoss';
import { crossEntropyFromTargets, fillNormalizedTargets, weightedTargets } from '../losses/weightedCrossEntropy';
import { Cnn } from '../models/cnn';
import { registerGradients } from '../models/registerGradients';
import { cnnBlocks, cnnForwardOnHost, type CnnArchitecture, type CnnParams } from '../models/cnnHost';
import type { Matrix } from '../types';
import { prepareEpoch, readOnce, softmaxRows } from './epoch';
import { EXPLODED_LOSS_FACTOR, type EpochEvent, type TrainedClassifier, type TrainingLoss, type TrainOptions } from './train';
import { divergenceError, validateInputs } from './validateInputs';
import { yieldToEventLoop } from './yieldToEventLoop';

/** Pooled features (the dense layer's input) on the host, by running the host forward without the dense layer. */
function hostFeatures(arch: CnnArchitecture, p: CnnParams, X: Matrix): Matrix {
  const cLast = cnnBlocks(arch)[arch.blocks - 1].cout;
  // Identity dense layer: logits = pooled features.
  const eye = new Float32Array(cLast * cLast);
  for (let k = 0; k < cLast; k++) eye[k * cLast + k] = 1;
  const z = cnnForwardOnHost({ ...arch, outputs: cLast }, { blocks: p.blocks, dense: { W: eye, b: new Float32Array(cLast) } }, X.data, X.rows);
  return { data: z, rows: X.rows, cols: cLast };
}

/** Kernels the CNN's backward pass needs; TF.js's WASM backend has none of them. */
const GRADIENT_KERNELS = ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPoolGrad'];

/**
 * Trains the CNN on the active backend, or on the CPU backend when the active one cannot
 * differentiate convolutions (WASM): the backend is switched for this model only and restored
 * afterwards, and `trainedOn` says so.
 */
export async function trainCnn(opts: TrainOptions & { imageShape: [number, number, number] }): Promise<TrainedClassifier> {
  const active = tf.getBackend();
  const missing = GRADIENT_KERNELS.filter((k) => !tf.getKernel(k, active));
  if (missing.length === 0) return trainCnnHere(opts);
  if (!(await tf.setBackend('cpu'))) {
    throw new ConfigError(`The CNN needs convolution gradients (${missing.join(', ')}), which the ${active} backend lacks, and the CPU backend is not available. Use the MLP, or a WebGPU / WebGL backend. Got backend '${active}' instead.`, 'model.kind');
  }
  try {
    const trained = await trainCnnHere(opts);
    return { ...trained, trainedOn: `cpu (the ${active} backend has no convolution gradients)` };
  } finally {
    await tf.setBackend(active);
  }
}

async function trainCnnHere(opts: TrainOptions & { imageShape: [number, number, number] }): Promise<TrainedClassifier> {
  validateInputs(opts);
  const spec = opts.model;
  const [height, width, channels] = opts.imageShape;
  if (opts.X.cols !== height * width * channels) {
    throw new ConfigError(`The CNN expects images of ${height}×${width}×${channels} = ${height * width * channels} values per row. Got ${opts.X.cols} instead.`, 'imageShape');
  }
  if (opts.initialParams || opts.fixedClassifier) throw new ConfigError(`Fine-tuning and fixed classifiers work with the MLP; the CNN does not support them yet. Got model 'cnn' instead.`, 'model.kind');
  const arch: CnnArchitecture = { height, width, channels, blocks: spec.blocks, filters: spec.filters, outputs: opts.nClasses };
  const { X, y, nClasses } = opts;
  const n = X.rows;
  const batchSize = Math.min(spec.batchSize, n);
  const nBatches = Math.ceil(n / batchSize);
  const explodedLoss = EXPLODED_LOSS_FACTOR * Math.log(nClasses);
  if (opts.signal?.aborted) throw new CancelledError();
  const lossPlan: TrainingLoss = opts.loss ?? { kind: 'family', loss: { classWeights: opts.classWeights, term: { kind: 'ce' } } };
  await registerGradients();
  const owned: tf.Tensor[] = [];
  const model = new Cnn(arch, opts.rng.fork('init'));
  const optimizer = spec.optimizer === 'sgd' ? tf.train.sgd(spec.learningRate) : tf.train.adam(spec.learningRate);
  try {
    const consts = lossPlan.kind === 'family' ? lossConstants(lossPlan.loss) : {};
    for (const t of [consts.offsets, consts.margins]) if (t) owned.push(t);
    const val = opts.validation && opts.validation.y.length > 0 ? opts.validation : null;
    const valX = val ? tf.tensor4d(Float32Array.from(val.X.data), [val.X.rows, height, width, channels]) : null;
    const valY = val ? tf.tensor2d(weightedTargets(val.y, nClasses), [val.y.length, nClasses]) : null;
    const valLabels = val ? tf.tensor1d(Int32Array.from(val.y), 'int32') : null;
    for (const t of [valX, valY, valLabels]) if (t) owned.push(t);
    const valCounts = val ? Array.from({ length: nClasses }, (_, c) => val.y.filter((v) => v === c).length) : [];
    const shuffleRng = opts.rng.fork('shuffle');
    const order = Int32Array.from({ length: n }, (_, i) => i);
    const history: EpochEvent[] = [];
    const start = tf.util.now();
    for (let epoch = 1; epoch <= spec.epochs; epoch++) {
      const weights = prepareEpoch(lossPlan, opts.sampling, y, nClasses, epoch, spec.epochs, shuffleRng, order);
      const costs: tf.Scalar[] = [];
      for (let b = 0; b < nBatches; b++) {
        const rows = order.subarray(b * batchSize, Math.min(n, (b + 1) * batchSize));
        const B = rows.length;
        const xb = new Float32Array(B * X.cols);
        for (let i = 0; i < B; i++) {
          if (opts.transformRow) opts.transformRow(rows[i], xb.subarray(i * X.cols, (i + 1) * X.cols));
          else xb.set(X.data.subarray(rows[i] * X.cols, (rows[i] + 1) * X.cols), i * X.cols);
        }
        const T = new Float32Array(B * nClasses);
        const r = new Float32Array(B);
        fillNormalizedTargets(y, rows, nClasses, weights, T, r);
        const O = new Float32Array(B * nClasses);
        for (let i = 0; i < B; i++) O[i * nClasses + y[rows[i]]] = 1;
        const batch = { x: tf.tensor4d(xb, [B, height, width, channels]), T: tf.tensor2d(T, [B, nClasses]), r: tf.tensor2d(r, [B, 1]), O: tf.tensor2d(O, [B, nClasses]) };
        const moments: { mean: tf.Tensor1D; variance: tf.Tensor1D }[] = [];
        const kept: tf.Tensor[] = [];
        try {
          // The loss head's closed-form ∂L/∂logits joins autodiff through a custom gradient.
          const headLoss = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
            const logits = args[0] as tf.Tensor2D;
            const save = args[1] as tf.GradSaveFunc;
            const out =
              lossPlan.kind === 'confusion'
                ? confusionLossHead(logits, batch.O, lossPlan.metric, lossPlan.amplification, true)
                : imbalanceLossHead(logits, batch, { ...lossPlan.loss, classWeights: weights }, consts, true);
            save([out.dLogits!]);
            return { value: out.loss, gradFunc: (dy: tf.Scalar, saved: tf.Tensor[]) => tf.mul(dy, saved[0]) };
          });
          const cost = optimizer.minimize(
            () => {
              const f = model.forward(batch.x, true);
              for (const m of f.moments) {
                moments.push({ mean: tf.keep(m.mean), variance: tf.keep(m.variance) });
                kept.push(m.mean, m.variance);
              }
              return headLoss(f.logits) as tf.Scalar;
            },
            true,
            model.trainable,
          ) as tf.Scalar;
          costs.push(cost);
          model.updateRunningStats(moments);
        } finally {
          tf.dispose([batch.x, batch.T, batch.r, batch.O, ...kept]);
        }
      }
      const summary = tf.tidy(() => {
        const fractions = tf.tensor1d(Array.from({ length: nBatches }, (_, b) => (Math.min(n, (b + 1) * batchSize) - b * batchSize) / n));
        const parts: tf.Tensor[] = [tf.sum(tf.mul(tf.stack(costs), fractions)), tf.addN(model.trainable.map((v) => tf.sum(tf.mul(v, 0))))];
        if (valX && valY && valLabels) {
          const logits = model.forward(valX, false).logits;
          parts.push(crossEntropyFromTargets(logits, valY, false).weightedSum);
          parts.push(tf.matMul(tf.reshape(tf.cast(tf.equal(tf.argMax(logits, 1), valLabels), 'float32'), [1, -1]), valY));
        }
        return tf.concat(parts.map((t) => tf.reshape(t, [-1])));
      });
      tf.dispose(costs);
      const values = await readOnce(summary);
      const diverged = divergenceError(values[0], values[1], epoch, spec.learningRate, explodedLoss, nClasses);
      if (diverged) throw diverged;
      const ev: EpochEvent = {
        epoch,
        loss: values[0],
        valLoss: val ? values[2] / val.y.length : null,
        valRecall: val ? valCounts.map((count, c) => (count > 0 ? values[3 + c] / count : NaN)) : null,
        elapsedMs: tf.util.now() - start,
      };
      history.push(ev);
      await opts.onEpoch?.(ev);
      await yieldToEventLoop();
      if (opts.signal?.aborted) throw new CancelledError();
    }
    const params = await model.readParams();
    const cLast = cnnBlocks(arch)[arch.blocks - 1].cout;
    const headArch = { inputs: cLast, hidden: [], outputs: nClasses, activation: 'relu' as const };
    const headTheta = new Float32Array(cLast * nClasses + nClasses);
    headTheta.set(params.dense.W, 0);
    headTheta.set(params.dense.b, cLast * nClasses);
    let disposed = false;
    const classifier: TrainedClassifier = {
      history,
      head: { arch: headArch, theta: headTheta },
      features: (Xf) => hostFeatures(arch, params, Xf),
      predictProba: (Xp) => {
        if (disposed) throw new Error('This classifier has been disposed; train a new one to predict.');
        if (Xp.cols !== X.cols) throw new ConfigError(`X must have ${X.cols} columns, like the training images. Got ${got(Xp.cols)} instead.`);
        return softmaxRows(cnnForwardOnHost(arch, params, Xp.data, Xp.rows), nClasses);
      },
      dispose: () => {
        disposed = true;
      },
    };
    return classifier;
  } finally {
    // Prediction runs on the host copy of the parameters: the device model is never needed again.
    tf.dispose(owned);
    optimizer.dispose();
    model.dispose();
  }
}
