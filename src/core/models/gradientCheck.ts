/**
 * Checks the hand-written backward pass of {@link Mlp.lossWithGradient} against TF.js autodiff
 * through {@link Mlp.forward} and `weightedCrossEntropy`, on whatever backend is active. Used by
 * the tests on every backend we can run (cpu, wasm); cheap enough for a debug self-check.
 * Results are read with `await data()`, never `dataSync()`, so the check also works on WebGPU
 * (whose synchronous read returns zeros on Chromium's software adapter). Autodiff needs the
 * gradients registered (`@tensorflow/tfjs` or `@tensorflow/tfjs-core/dist/register_all_gradients`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { fillNormalizedTargets, normalizedCrossEntropy, weightedCrossEntropy } from '../losses/weightedCrossEntropy';
import { createRng } from '../random';
import { createMlp, packBatchRows, type MlpArchitecture } from './mlp';

export interface GradientPair {
  ours: { loss: number; grad: Float32Array };
  auto: { loss: number; grad: Float32Array };
}

/** Loss and ∂loss/∂θ both ways, for a seeded model and `rows` random rows. Leaks no tensors. */
export async function gradientPair(arch: MlpArchitecture, seed: number, rows: number, classWeights?: number[]): Promise<GradientPair> {
  const rng = createRng(seed);
  const model = createMlp(arch, rng.fork('init'));
  const data = new Float32Array(rows * arch.inputs).map(() => rng.normal());
  const y = Int32Array.from({ length: rows }, () => rng.int(arch.outputs));
  const all = Array.from({ length: rows }, (_, i) => i);
  const T = new Float32Array(rows * arch.outputs);
  const r = new Float32Array(rows);
  fillNormalizedTargets(y, all, arch.outputs, classWeights, T, r);
  const packed = packBatchRows(data, arch.inputs, all);
  let results: tf.Tensor[] = [];
  try {
    results = tf.tidy(() => {
      const batch = {
        xAug: tf.tensor3d(packed.xAug, [1, rows, arch.inputs + 1]),
        xAugT: tf.tensor3d(packed.xAugT, [1, arch.inputs + 1, rows]),
        onesRow: tf.ones([1, 1, rows]) as tf.Tensor3D,
      };
      const Tt = tf.tensor2d(T, [rows, arch.outputs]);
      const rt = tf.tensor2d(r, [rows, 1]);
      const held: tf.Tensor[] = [];
      const ours = tf.valueAndGrad((theta: tf.Tensor) =>
        model.lossWithGradient(batch, (logits) => normalizedCrossEntropy(logits, Tt, rt, true), held, theta as tf.Tensor1D),
      )(model.params);
      tf.dispose(held);
      const x = tf.tensor2d(data, [rows, arch.inputs]);
      const auto = tf.valueAndGrad((theta: tf.Tensor) => weightedCrossEntropy(model.forward(x, theta as tf.Tensor1D), y, { classWeights }))(
        model.params,
      );
      return [ours.value, ours.grad, auto.value, auto.grad];
    });
    const [oursLoss, oursGrad, autoLoss, autoGrad] = (await Promise.all(results.map((t) => t.data()))) as Float32Array[];
    return {
      ours: { loss: oursLoss[0], grad: oursGrad.slice() },
      auto: { loss: autoLoss[0], grad: autoGrad.slice() },
    };
  } finally {
    tf.dispose(results);
    model.dispose();
  }
}
