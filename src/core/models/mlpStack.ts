/**
 * M same-shaped MLPs (or logistic regressions) trained as one computation per step: one flat
 * variable holds every model's θ back to back ([M, P], each model in the layout of mlp.ts), the
 * models see the same mini-batch, and the loss is one stacked head over their [M·B, C] logits
 * (losses/stackedLossHead.ts), so a step costs one batch upload, one loss head, one optimiser
 * update and one epoch read-back for all M models instead of M of each.
 *
 * Adam and SGD are element-wise, so one update of the [M·P] vector is exactly M separate updates;
 * the models' parameters never mix (each model's logits depend only on its own block, and its
 * loss only on its own rows). Same initial θ and batches ⇒ the same numbers as M separate runs
 * (up to float summation order inside the stacked reductions).
 *
 * Each layer is one matrix product over a leading model axis ([M, B, k]·[M, k, n]): one kernel for
 * all models, which is what pays on WebGL/WebGPU, where a step's cost is mostly kernel dispatch.
 * Not used on WASM and CPU (training/trainGroup.ts trains the members one after another there):
 * TF.js's WASM BatchMatMul takes its fast XNNPACK path only for a batch of one operand pair
 * (measured in Node: 5.9 ms for [8, 256, 64]·[8, 64, 64] against 0.52 ms for the 8 products one by
 * one), and a variant issuing the products model by model inside one stacked step measured no
 * faster than separate runs (31.8 against 33.1 method-epochs/s for 8 models).
 */
import * as tf from '@tensorflow/tfjs-core';
import { activationGradient, matMul3, initialParameters, logitsOf, parameterLayout, type LayerLayout, type MlpArchitecture, type MlpBatch } from './mlp';
import type { Rng } from '../random';

/** The stacked loss: logits [M·B, C] → each model's loss [M] and the stacked ∂/∂logits. */
export type StackHead = (logits: tf.Tensor2D) => { losses: tf.Tensor1D; dLogits: tf.Tensor2D };

export class MlpStack {
  readonly arch: MlpArchitecture;
  readonly layout: readonly LayerLayout[];
  /** Models in the stack. */
  readonly count: number;
  /** Parameters per model. */
  readonly size: number;
  /** Every model's θ, model m at [m·size, (m + 1)·size). */
  readonly params: tf.Variable<tf.Rank.R1>;
  private disposed = false;

  /** `count` models, each initialised from `rng` exactly as `createMlp(arch, rng)` would (same θ for every model). */
  constructor(arch: MlpArchitecture, count: number, rng: Rng) {
    this.arch = arch;
    const { layers, size } = parameterLayout(arch);
    this.layout = layers;
    this.count = count;
    this.size = size;
    const one = initialParameters(arch, rng);
    const all = new Float32Array(count * size);
    for (let m = 0; m < count; m++) all.set(one, m * size);
    this.params = tf.tidy(() => tf.variable(tf.tensor1d(all, 'float32'), true));
  }

  /**
   * One product per layer over the leading model axis, for all M models:
   *
   *   H_l = φ([H_{l−1}, 1] · [W_l; b_l])            [M, B, k + 1]·[M, k + 1, n] (layer 1: X broadcast)
   *   ∂[W_l; b_l] = [H_{l−1}, 1]ᵀ Δ_l,   Δ_{l−1} = (Δ_l W_lᵀ) ⊙ φ'(H_{l−1})
   *
   * The ones column carries every bias, so each layer's [W_l; b_l] is one contiguous [k + 1, n]
   * block of each model's θ and its gradient lands in the same place. Returns the per-model losses
   * [M] and ∂(Σ_m L_m)/∂θ [M·P] for one shared batch; `head` receives the stacked logits [M·B, C]
   * and returns each model's loss and the stacked ∂/∂logits. Synchronous; call inside a tidy.
   */
  lossAndGradient(batch: MlpBatch, head: StackHead): { losses: tf.Tensor1D; grad: tf.Tensor1D } {
    this.assertAlive();
    const M = this.count;
    const B = batch.xAug.shape[1];
    const act = this.arch.activation;
    const nLayers = this.layout.length;
    const blockSizes = this.layout.map((L) => (L.fanIn + 1) * L.fanOut);
    const blocks = tf.split(tf.reshape(this.params, [M, this.size]), blockSizes, 1).map((b, l) => tf.reshape(b, [M, this.layout[l].fanIn + 1, this.layout[l].fanOut]) as tf.Tensor3D);
    const ones = tf.ones([M, B, 1]);
    const inputs: tf.Tensor3D[] = [batch.xAug];
    const outputs: tf.Tensor3D[] = [];
    let h: tf.Tensor3D = batch.xAug;
    for (let l = 0; l < nLayers; l++) {
      if (l > 0) {
        h = tf.concat([h, ones], 2) as tf.Tensor3D;
        inputs.push(h);
      }
      const z = matMul3(h, blocks[l], false, false, l === nLayers - 1 ? 'linear' : act);
      outputs.push(z);
      h = z;
    }
    const C = this.arch.outputs;
    const { losses, dLogits } = head(tf.reshape(h, [M * B, C]) as tf.Tensor2D);
    const grads: tf.Tensor[] = new Array(nLayers);
    let delta = tf.reshape(dLogits, [M, B, C]) as tf.Tensor3D;
    for (let l = nLayers - 1; l >= 0; l--) {
      const L = this.layout[l];
      // Layer 1's input is X, shared by every model: [1, d + 1, B]ᵀ·[M, B, n] broadcasts.
      grads[l] = tf.reshape(matMul3(inputs[l], delta, true, false), [M, -1]);
      if (l === 0) break;
      const W = tf.slice(blocks[l], [0, 0, 0], [M, L.fanIn, L.fanOut]) as tf.Tensor3D;
      const dh = matMul3(delta, W, false, true);
      delta = activationGradient(act, dh, outputs[l - 1]);
    }
    return { losses, grad: tf.reshape(tf.concat(grads, 1), [-1]) as tf.Tensor1D };
  }

  /** Logits of model `m` for the rows of `x`. */
  logits(m: number, x: tf.Tensor2D): tf.Tensor2D {
    this.assertAlive();
    return logitsOf(this.arch, this.layout, this.params, x, m * this.size);
  }

  /** 0 per model whose parameters are all finite, NaN otherwise ([M]). */
  nonFinite(): tf.Tensor1D {
    return tf.tidy(() => tf.sum(tf.mul(tf.reshape(this.params, [this.count, this.size]), 0), 1) as tf.Tensor1D);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.params.dispose();
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('This model stack has been disposed.');
  }
}
