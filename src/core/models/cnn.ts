/**
 * The small CNN of cnnHost.ts as TF.js variables, for training. Forward in training mode uses the
 * batch's statistics in batch norm and returns them, so the caller can update the running
 * statistics after the optimiser step (momentum 0.9) — without reading the device.
 */
import * as tf from '@tensorflow/tfjs-core';
// The CNN trains by autodiff (conv2d, maxPool, moments…): call registerGradients() first.
import type { Rng } from '../random';
import { BN_EPSILON, cnnBlocks, initialCnnParams, type CnnArchitecture, type CnnBlockShape, type CnnParams } from './cnnHost';

const MOMENTUM = 0.9;

interface BlockVars {
  kernel: tf.Variable<tf.Rank.R4>;
  gamma: tf.Variable<tf.Rank.R1>;
  beta: tf.Variable<tf.Rank.R1>;
  mean: tf.Variable<tf.Rank.R1>;
  variance: tf.Variable<tf.Rank.R1>;
}

export class Cnn {
  readonly arch: CnnArchitecture;
  private readonly shapes: CnnBlockShape[];
  private readonly blocks: BlockVars[];
  private readonly W: tf.Variable<tf.Rank.R2>;
  private readonly b: tf.Variable<tf.Rank.R1>;

  constructor(arch: CnnArchitecture, rng: Rng) {
    this.arch = arch;
    this.shapes = cnnBlocks(arch);
    const p = initialCnnParams(arch, rng);
    // tidy: a variable keeps its own copy; the tensors it was made from must not outlive it.
    this.blocks = tf.tidy(() =>
      this.shapes.map((s, i) => ({
        kernel: tf.variable(tf.tensor4d(p.blocks[i].kernel, [3, 3, s.cin, s.cout]), true),
        gamma: tf.variable(tf.tensor1d(p.blocks[i].gamma), true),
        beta: tf.variable(tf.tensor1d(p.blocks[i].beta), true),
        mean: tf.variable(tf.tensor1d(p.blocks[i].mean), false),
        variance: tf.variable(tf.tensor1d(p.blocks[i].variance), false),
      })),
    );
    const cLast = this.shapes[this.shapes.length - 1].cout;
    this.W = tf.tidy(() => tf.variable(tf.tensor2d(p.dense.W, [cLast, arch.outputs]), true));
    this.b = tf.tidy(() => tf.variable(tf.tensor1d(p.dense.b), true));
  }

  /** The trainable variables (kernels, γ, β, dense layer). */
  get trainable(): tf.Variable[] {
    return [...this.blocks.flatMap((v) => [v.kernel, v.gamma, v.beta]), this.W, this.b];
  }

  /**
   * Logits of x ([B, h, w, c]). Training mode normalises with the batch's mean and variance and
   * returns them (one pair per block); inference mode uses the running statistics.
   */
  forward(x: tf.Tensor4D, training: boolean): { logits: tf.Tensor2D; moments: { mean: tf.Tensor1D; variance: tf.Tensor1D }[] } {
    const moments: { mean: tf.Tensor1D; variance: tf.Tensor1D }[] = [];
    let h: tf.Tensor4D = x;
    this.shapes.forEach((s, i) => {
      const v = this.blocks[i];
      const z = tf.conv2d(h, v.kernel, 1, 'same');
      let mean: tf.Tensor1D = v.mean;
      let variance: tf.Tensor1D = v.variance;
      if (training) {
        const m = tf.moments(z, [0, 1, 2]);
        mean = m.mean as tf.Tensor1D;
        variance = m.variance as tf.Tensor1D;
        moments.push({ mean, variance });
      }
      const normed = tf.add(tf.mul(tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, BN_EPSILON))), v.gamma), v.beta);
      h = tf.relu(normed) as tf.Tensor4D;
      if (s.pool) h = tf.maxPool(h, 2, 2, 'valid');
    });
    const pooled = tf.mean(h, [1, 2]) as tf.Tensor2D;
    return { logits: tf.add(tf.matMul(pooled, this.W), this.b) as tf.Tensor2D, moments };
  }

  /** running ← 0.9 · running + 0.1 · batch statistic, for every block (device only). */
  updateRunningStats(moments: { mean: tf.Tensor1D; variance: tf.Tensor1D }[]): void {
    tf.tidy(() => {
      moments.forEach((m, i) => {
        const v = this.blocks[i];
        v.mean.assign(tf.add(tf.mul(v.mean, MOMENTUM), tf.mul(m.mean, 1 - MOMENTUM)));
        v.variance.assign(tf.add(tf.mul(v.variance, MOMENTUM), tf.mul(m.variance, 1 - MOMENTUM)));
      });
    });
  }

  /** One asynchronous read of every parameter into a host copy (for host prediction). */
  async readParams(): Promise<CnnParams> {
    const read = async (t: tf.Tensor) => ((await t.data()) as Float32Array).slice();
    const blocks = [];
    for (const v of this.blocks) {
      blocks.push({ kernel: await read(v.kernel), gamma: await read(v.gamma), beta: await read(v.beta), mean: await read(v.mean), variance: await read(v.variance) });
    }
    return { blocks, dense: { W: await read(this.W), b: await read(this.b) } };
  }

  dispose(): void {
    for (const v of this.blocks) tf.dispose([v.kernel, v.gamma, v.beta, v.mean, v.variance]);
    tf.dispose([this.W, this.b]);
  }
}
