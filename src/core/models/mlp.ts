/**
 * Multinomial logistic regression and the multi-layer perceptron, as one model: logistic
 * regression is an MLP with no hidden layers.
 *
 *   h_0 = x,   h_l = φ(h_{l−1} W_l + b_l)  (l = 1..L),   logits = h_L W_{L+1} + b_{L+1}
 *
 * with φ ∈ {relu, tanh, sigmoid}. `forward` returns logits; softmax is applied by the loss and by
 * `predictProba`, never inside the model. `forwardOnHost` is the same function in plain JavaScript
 * on a host copy of θ, for prediction without synchronous device reads (see there).
 *
 * Speed: on WASM and CPU a small model's step costs mostly per-op bookkeeping and a few slow
 * kernels, so the training path (`lossWithGradient`) is built from few, large ops:
 *  - all weights and biases live in ONE flat tf.Variable (layout: W_1, b_1, W_2, b_2, … with W
 *    row-major [fanIn, fanOut], so each layer's [W; b] is one [fanIn + 1, fanOut] block). Adam is
 *    element-wise, so one flat variable gives exactly the same update as one variable per tensor,
 *    but the optimiser runs ~14 kernels per step instead of ~14 per tensor;
 *  - each layer is one fused matMul+bias+activation kernel, called directly (the `tf.fused.matMul`
 *    op un-fuses itself whenever a gradient tape is active, i.e. inside `optimizer.minimize`);
 *  - forward, loss and a hand-written backward pass sit inside one `tf.customGrad`, so `minimize`
 *    records a single tape node; ∂θ is assembled by one concat of the per-layer [∂W; ∂b] blocks.
 *
 * Initialisation: Glorot-uniform weights from our seeded Rng, zero biases (identical on every
 * backend). @see Glorot & Bengio 2010.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../random';
import { glorotUniform } from './initializers';
import type { HiddenActivation, ModelSpec } from './modelSpec';

export interface MlpArchitecture {
  inputs: number;
  /** Units per hidden layer; empty for logistic regression. */
  hidden: readonly number[];
  outputs: number;
  activation: HiddenActivation;
}

/** Where one layer's parameters sit in the flat parameter vector. */
export interface LayerLayout {
  fanIn: number;
  fanOut: number;
  weightOffset: number;
  biasOffset: number;
}

/** The architecture a {@link ModelSpec} describes for `inputs` features and `outputs` classes. */
export function architectureFor(
  spec: Pick<ModelSpec, 'kind' | 'hiddenLayers' | 'width' | 'activation'>,
  inputs: number,
  outputs: number,
): MlpArchitecture {
  const hidden = spec.kind === 'mlp' ? new Array<number>(spec.hiddenLayers).fill(spec.width) : [];
  return { inputs, hidden, outputs, activation: spec.activation };
}

/** Offsets of every layer's W and b in the flat parameter vector, and its total size. */
export function parameterLayout(arch: MlpArchitecture): { layers: LayerLayout[]; size: number } {
  const sizes = [arch.inputs, ...arch.hidden, arch.outputs];
  const layers: LayerLayout[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l];
    const fanOut = sizes[l + 1];
    layers.push({ fanIn, fanOut, weightOffset: offset, biasOffset: offset + fanIn * fanOut });
    offset += fanIn * fanOut + fanOut;
  }
  return { layers, size: offset };
}

/** Initial flat parameters: Glorot-uniform weights (drawn layer by layer from `rng`), zero biases. */
export function initialParameters(arch: MlpArchitecture, rng: Rng): Float32Array {
  const { layers, size } = parameterLayout(arch);
  const theta = new Float32Array(size);
  for (const L of layers) {
    glorotUniform(L.fanIn, L.fanOut, rng, theta.subarray(L.weightOffset, L.biasOffset));
  }
  return theta;
}

/** A loss on the logits that also returns ∂loss/∂logits (see `normalizedCrossEntropy`). */
export type LossHead = (logits: tf.Tensor2D) => { loss: tf.Scalar; dLogits?: tf.Tensor2D };

/**
 * One mini-batch laid out for {@link Mlp.lossWithGradient}, assembled on the host: uploading these
 * few KB is far cheaper than gathering and transposing on the device (on WASM, GatherV2 and
 * Transpose cost ~10–30 ns per element), and it gives the first layer's bias for free.
 */
export interface MlpBatch {
  /** [1, B, inputs + 1]: the batch rows with a trailing column of ones. */
  xAug: tf.Tensor3D;
  /** [1, inputs + 1, B]: the transpose of `xAug`. */
  xAugT: tf.Tensor3D;
  /** [1, 1, B]: ones (sums the batch in the bias gradients). */
  onesRow: tf.Tensor3D;
}

/** Host-side arrays for an {@link MlpBatch} holding rows `rows` of the row-major matrix `data` (`cols` wide). */
export function packBatchRows(
  data: Float32Array | Float64Array,
  cols: number,
  rows: ArrayLike<number>,
): { xAug: Float32Array; xAugT: Float32Array } {
  const B = rows.length;
  const w = cols + 1;
  const xAug = new Float32Array(B * w);
  const xAugT = new Float32Array(w * B);
  for (let i = 0; i < B; i++) {
    const src = rows[i] * cols;
    const dst = i * w;
    for (let j = 0; j < cols; j++) {
      const v = data[src + j];
      xAug[dst + j] = v;
      xAugT[j * B + i] = v;
    }
    xAug[dst + cols] = 1;
    xAugT[cols * B + i] = 1;
  }
  return { xAug, xAugT };
}

export class Mlp {
  readonly arch: MlpArchitecture;
  readonly layout: readonly LayerLayout[];
  /** All weights and biases, flat (see the file comment for the layout). */
  readonly params: tf.Variable<tf.Rank.R1>;
  /** Sizes of the pieces `lossWithGradient` splits θ into. */
  private readonly splitSizes: number[];
  private disposed = false;
  /**
   * Keep the last layer as it is (a fixed classifier, e.g. a simplex ETF): its gradient is 0, so
   * Adam's moments stay 0 and the update leaves it exactly unchanged.
   */
  freezeLastLayer = false;

  /** Creates the model with seeded Glorot-uniform weights and zero biases. */
  constructor(arch: MlpArchitecture, rng: Rng) {
    this.arch = arch;
    this.layout = parameterLayout(arch).layers;
    this.splitSizes = splitSizes(this.layout);
    const init = initialParameters(arch, rng);
    this.params = tf.tidy(() => tf.variable(tf.tensor1d(init, 'float32'), true));
  }

  /** The trainable variables, for `optimizer.minimize(f, true, mlp.variables)`. */
  get variables(): tf.Variable[] {
    return [this.params];
  }

  /**
   * Logits for the rows of `x` ([n, inputs] → [n, outputs]). Built from ordinary ops, so it is
   * differentiable w.r.t. `theta` by autodiff (the tests check the hand-written gradient with it).
   */
  forward(x: tf.Tensor2D, theta: tf.Tensor1D = this.params): tf.Tensor2D {
    this.assertAlive();
    return logitsOf(this.arch, this.layout, theta, x);
  }

  /**
   * The scalar `head(logits(batch))` with a hand-written backward pass, for `optimizer.minimize`.
   * Its gradient w.r.t. `theta` is back-propagation of the head's dLogits:
   *
   *   δ_{L+1} = ∂loss/∂logits,  [∂W_l; ∂b_l] = [h_{l−1}, 1]ᵀ δ_l,  δ_{l−1} = (δ_l W_lᵀ) ⊙ φ'(h_{l−1})
   *
   * with φ' written in terms of the layer output: relu' = [h > 0], tanh' = 1 − h², sigmoid' = h(1 − h).
   * [∂W_l; ∂b_l] is exactly layer l's block of the flat layout, so one concat assembles ∂θ.
   *
   * Kernels are called directly on rank-3 operands (the batched-matmul layout every backend's
   * kernels use), skipping the op wrappers' reshapes; no autodiff runs through them. Tensors the
   * backward pass needs are kept and appended to `held`; the caller disposes them once `minimize`
   * has returned (whether or not the backward pass ran).
   */
  lossWithGradient(batch: MlpBatch, head: LossHead, held: tf.Tensor[], theta: tf.Tensor1D = this.params): tf.Scalar {
    this.assertAlive();
    const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
      // One SplitV instead of 2L + 1 slices: [W_1; b_1] as a block, then W_l and b_l separately.
      const pass = forwardPass(this.arch, this.layout, tf.split(args[0] as tf.Tensor1D, this.splitSizes), batch);
      const { loss, dLogits } = head(pass.logits);
      if (!dLogits) throw new Error('lossWithGradient needs a loss head that returns dLogits.');
      // Keep what the backward pass reads; everything else dies with customGrad's own tidy.
      for (const t of [...pass.acts, ...pass.Ws, dLogits]) held.push(tf.keep(t));
      const gradFunc = (dy: tf.Tensor): tf.Tensor => tf.concat(backwardPass(this.arch, this.layout, pass, tf.mul(dLogits, dy) as tf.Tensor2D, batch, this.freezeLastLayer));
      return { value: loss, gradFunc };
    });
    return f(theta) as tf.Scalar;
  }

  /** Frees the parameters. Further calls throw. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.params.dispose();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('This model has been disposed.');
  }
}

/**
 * Logits for the rows of `x` ([n, inputs] → [n, outputs]) from the flat θ (the model's parameters
 * start at `offset`). Ordinary ops, so differentiable by autodiff (the gradient tests use it).
 */
export function logitsOf(arch: MlpArchitecture, layout: readonly LayerLayout[], theta: tf.Tensor1D, x: tf.Tensor2D, offset = 0): tf.Tensor2D {
  return tf.tidy(() => {
    let h = x;
    const last = layout.length - 1;
    for (let l = 0; l <= last; l++) {
      const L = layout[l];
      const W = tf.reshape(tf.slice(theta, [offset + L.weightOffset], [L.fanIn * L.fanOut]), [L.fanIn, L.fanOut]) as tf.Tensor2D;
      const b = tf.slice(theta, [offset + L.biasOffset], [L.fanOut]);
      if (l === last) return tf.fused.matMul({ a: h, b: W, bias: b }) as tf.Tensor2D;
      const act = arch.activation;
      h = (act === 'tanh' ? tf.tanh(tf.fused.matMul({ a: h, b: W, bias: b })) : tf.fused.matMul({ a: h, b: W, bias: b, activation: act })) as tf.Tensor2D;
    }
    throw new Error('unreachable');
  });
}

/** Sizes of the pieces {@link forwardPass} takes θ in: [W_1; b_1] as one block, then W_l and b_l. */
function splitSizes(layout: readonly LayerLayout[]): number[] {
  return layout.flatMap((L, l) => (l === 0 ? [(L.fanIn + 1) * L.fanOut] : [L.fanIn * L.fanOut, L.fanOut]));
}

/** What one forward pass keeps for its backward pass. */
interface ForwardPass {
  /** Hidden layer outputs h_1 … h_L, [1, B, width]. */
  acts: tf.Tensor3D[];
  /** W_2 … W_{L+1}, [1, fanIn, fanOut]. */
  Ws: tf.Tensor3D[];
  /** [B, outputs]. */
  logits: tf.Tensor2D;
}

/**
 * The logits of one model for a host-packed batch, from θ already split into {@link splitSizes}
 * pieces. The ones column of `xAug` carries the first layer's bias, so W_1 and b_1 are one
 * [inputs + 1, fanOut] block. Kernels are called directly on rank-3 operands (the batched-matmul
 * layout every backend's kernels use), skipping the op wrappers' reshapes.
 */
function forwardPass(arch: MlpArchitecture, layout: readonly LayerLayout[], pieces: readonly tf.Tensor[], batch: MlpBatch): ForwardPass {
  const nLayers = layout.length;
  const act = arch.activation;
  const B = batch.xAug.shape[1];
  const acts: tf.Tensor3D[] = [];
  const Ws: tf.Tensor3D[] = [];
  const L0 = layout[0];
  const W0aug = tf.reshape(pieces[0], [1, L0.fanIn + 1, L0.fanOut]) as tf.Tensor3D;
  let h = layerKernel(batch.xAug, W0aug, null, nLayers === 1 ? 'linear' : act);
  for (let l = 1; l < nLayers; l++) {
    acts.push(h);
    const L = layout[l];
    const W = tf.reshape(pieces[2 * l - 1], [1, L.fanIn, L.fanOut]) as tf.Tensor3D;
    Ws.push(W);
    h = layerKernel(h, W, pieces[2 * l], l === nLayers - 1 ? 'linear' : act);
  }
  return { acts, Ws, logits: tf.reshape(h, [B, arch.outputs]) as tf.Tensor2D };
}

/**
 * Back-propagation of ∂loss/∂logits through one {@link forwardPass}:
 *
 *   δ_{L+1} = ∂loss/∂logits,  [∂W_l; ∂b_l] = [h_{l−1}, 1]ᵀ δ_l,  δ_{l−1} = (δ_l W_lᵀ) ⊙ φ'(h_{l−1})
 *
 * with φ' written in terms of the layer output: relu' = [h > 0], tanh' = 1 − h², sigmoid' = h(1 − h).
 * Returns the flat [∂W_l; ∂b_l] blocks in layout order (exactly θ's layout, so one concat assembles
 * ∂θ). `freezeLast`: the last layer's block is zeros (a fixed classifier).
 */
function backwardPass(arch: MlpArchitecture, layout: readonly LayerLayout[], pass: ForwardPass, dLogits: tf.Tensor2D, batch: MlpBatch, freezeLast = false): tf.Tensor[] {
  const nLayers = layout.length;
  const B = batch.xAug.shape[1];
  // WASM runs only untransposed matmuls on its fast (XNNPACK) path — a transposed operand costs
  // ~9× (measured: 680 µs against 80 µs for [256, 64]ᵀ·[256, 64]) — so there we transpose
  // explicitly; elsewhere the kernel's own transpose flags are free.
  const explicit = tf.getBackend() === 'wasm';
  const blocks: tf.Tensor[] = new Array(nLayers);
  let delta = tf.reshape(dLogits, [1, B, arch.outputs]) as tf.Tensor3D;
  for (let l = nLayers - 1; l >= 1; l--) {
    const hPrev = pass.acts[l - 1];
    const block = explicit
      ? matMulKernel(tf.concat([tf.transpose(hPrev, [0, 2, 1]), batch.onesRow], 1) as tf.Tensor3D, delta)
      : tf.concat([matMulKernel(hPrev, delta, true), matMulKernel(batch.onesRow, delta)], 1);
    blocks[l] = freezeLast && l === nLayers - 1 ? tf.zeros([block.size]) : tf.reshape(block, [-1]);
    const W = pass.Ws[l - 1];
    const dh = explicit ? matMulKernel(delta, tf.transpose(W, [0, 2, 1]) as tf.Tensor3D) : matMulKernel(delta, W, false, true);
    delta = activationGradient(arch.activation, dh, hPrev);
  }
  blocks[0] = tf.reshape(explicit ? matMulKernel(batch.xAugT, delta) : matMulKernel(batch.xAug, delta, true), [-1]);
  return blocks;
}

/**
 * One _FusedMatMul kernel on rank-3 operands: [1, m, k]·[1, k, n] (+ bias [n]) then φ → [1, m, n].
 * tanh has no fused kernel in TF.js 4.x, so it is a second op.
 */
function layerKernel(a: tf.Tensor3D, b: tf.Tensor3D, bias: tf.Tensor | null, act: HiddenActivation | 'linear'): tf.Tensor3D {
  const activation = act === 'tanh' ? 'linear' : act;
  const inputs: tf.NamedTensorMap = bias ? { a, b, bias } : { a, b };
  const z = tf.engine().runKernel(tf._FusedMatMul, inputs, { transposeA: false, transposeB: false, activation }) as tf.Tensor3D;
  return act === 'tanh' ? (tf.tanh(z) as tf.Tensor3D) : z;
}

/**
 * [M, m, k]·[M, k, n] (either operand may have batch 1 and broadcast) then φ, as one kernel where
 * the backend fuses it: the products over a leading model axis of models/mlpStack.ts.
 */
export function matMul3(a: tf.Tensor3D, b: tf.Tensor3D, transposeA: boolean, transposeB: boolean, act: HiddenActivation | 'linear' = 'linear'): tf.Tensor3D {
  const activation = act === 'tanh' ? 'linear' : act;
  const z = tf.engine().runKernel(tf._FusedMatMul, { a, b }, { transposeA, transposeB, activation }) as tf.Tensor3D;
  return act === 'tanh' ? (tf.tanh(z) as tf.Tensor3D) : z;
}

/** One BatchMatMul kernel on rank-3 operands, [1, m, k]·[1, k, n] → [1, m, n] (operands transposed as flagged). */
function matMulKernel(a: tf.Tensor3D, b: tf.Tensor3D, transposeA = false, transposeB = false): tf.Tensor3D {
  return tf.engine().runKernel(tf.BatchMatMul, { a, b }, { transposeA, transposeB }) as tf.Tensor3D;
}

/** dL/dz from dL/dh for h = φ(z), using only the output h. */
export function activationGradient(act: HiddenActivation, dh: tf.Tensor3D, h: tf.Tensor3D): tf.Tensor3D {
  switch (act) {
    case 'relu':
      return tf.mul(dh, tf.step(h));
    case 'tanh':
      return tf.mul(dh, tf.sub(1, tf.square(h)));
    case 'sigmoid':
      return tf.mul(dh, tf.mul(h, tf.sub(1, h)));
  }
}

/**
 * The logits of {@link Mlp.forward} — the same function of the same flat θ — computed on the host in
 * float64, with no TF.js call: for prediction from a host copy of θ (read once, asynchronously,
 * after training). Prediction must not read the device synchronously: on WebGPU `dataSync` copies
 * through a WebGPU canvas that is drawn into a 2D canvas, and on Chromium's software adapter
 * (`--disable-gpu`) that readback returns zeros and breaks other readbacks in flight.
 *
 * `x` is row-major [rows, arch.inputs]; returns row-major [rows, arch.outputs]. Rows go through in
 * blocks of {@link HOST_BLOCK_ROWS} (each weight is loaded once per block, ~2× faster than row by row
 * for wide layers) using two scratch blocks, so memory stays O(width) beyond the output.
 * @throws Error when `theta` or `x` does not fit `arch` and `rows`.
 */
export function forwardOnHost(arch: MlpArchitecture, theta: Float32Array, x: Float32Array | Float64Array, rows: number): Float64Array {
  const { layers, size } = parameterLayout(arch);
  if (theta.length !== size) throw new Error(`forwardOnHost: θ must hold ${size} values for this architecture. Got ${theta.length} instead.`);
  if (x.length !== rows * arch.inputs) {
    throw new Error(`forwardOnHost: x must hold rows × inputs = ${rows * arch.inputs} values. Got ${x.length} instead.`);
  }
  const th = Float64Array.from(theta);
  // Scratch blocks of HOST_BLOCK_ROWS rows S apart (S = the widest layer). Rows past the end of x stay
  // 0: computed, never copied out.
  const S = Math.max(arch.inputs, arch.outputs, ...arch.hidden);
  const S2 = 2 * S;
  const S3 = 3 * S;
  let h = new Float64Array(HOST_BLOCK_ROWS * S);
  let z = new Float64Array(HOST_BLOCK_ROWS * S);
  const out = new Float64Array(rows * arch.outputs);
  const last = layers.length - 1;
  for (let i0 = 0; i0 < rows; i0 += HOST_BLOCK_ROWS) {
    const n = Math.min(HOST_BLOCK_ROWS, rows - i0);
    h.fill(0);
    for (let r = 0; r < n; r++) {
      for (let k = 0, src = (i0 + r) * arch.inputs; k < arch.inputs; k++) h[r * S + k] = x[src + k];
    }
    for (let l = 0; l <= last; l++) {
      const { fanIn, fanOut, weightOffset, biasOffset } = layers[l];
      for (let j = 0; j < fanOut; j++) {
        const b = th[biasOffset + j];
        z[j] = b;
        z[S + j] = b;
        z[S2 + j] = b;
        z[S3 + j] = b;
      }
      // W is row-major [fanIn, fanOut]: z_r += h_rk · W[k, :] walks θ contiguously.
      for (let k = 0; k < fanIn; k++) {
        const a0 = h[k];
        const a1 = h[S + k];
        const a2 = h[S2 + k];
        const a3 = h[S3 + k];
        const row = weightOffset + k * fanOut;
        for (let j = 0; j < fanOut; j++) {
          const w = th[row + j];
          z[j] += a0 * w;
          z[S + j] += a1 * w;
          z[S2 + j] += a2 * w;
          z[S3 + j] += a3 * w;
        }
      }
      if (l < last) for (let r = 0; r < HOST_BLOCK_ROWS; r++) activateInPlace(arch.activation, z, r * S, fanOut);
      const t = h;
      h = z;
      z = t;
    }
    for (let r = 0; r < n; r++) {
      for (let c = 0, dst = (i0 + r) * arch.outputs; c < arch.outputs; c++) out[dst + c] = h[r * S + c];
    }
  }
  return out;
}

/** Rows per block in {@link forwardOnHost} (the inner loop is unrolled for exactly this many). */
const HOST_BLOCK_ROWS = 4;

/** φ applied to `z[from .. from + n)`, in place (the host twin of the fused kernels' activations). */
function activateInPlace(act: HiddenActivation, z: Float64Array, from: number, n: number): void {
  const end = from + n;
  switch (act) {
    case 'relu':
      for (let j = from; j < end; j++) z[j] = z[j] > 0 ? z[j] : 0;
      return;
    case 'tanh':
      for (let j = from; j < end; j++) z[j] = Math.tanh(z[j]);
      return;
    case 'sigmoid':
      for (let j = from; j < end; j++) z[j] = 1 / (1 + Math.exp(-z[j]));
      return;
  }
}

/** Creates a model for `arch` with weights drawn from `rng`. */
export function createMlp(arch: MlpArchitecture, rng: Rng): Mlp {
  return new Mlp(arch, rng);
}
