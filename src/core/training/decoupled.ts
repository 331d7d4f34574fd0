/**
 * Decoupled classifier learning on a trained MLP (pure host math on the parameter copy θ): the
 * representation h(x) — the last hidden layer — is kept, only the classifier on top changes.
 *
 * - τ-normalisation: w_c ← w_c / ‖w_c‖^τ, bias dropped. Head classes grow larger classifier
 *   weights under instance sampling; dividing by the norm removes that bias (τ = 0: unchanged).
 * - LWS (learnable weight scaling): logits_c = f_c · (w_c·h + b_c), with only f learned, on the
 *   training features with class-balanced weighting.
 * - cRT (classifier re-training) and feature-space augmentation train a fresh softmax classifier on
 *   the features (experiment.ts calls the trainer for that); `featureAugment` adds virtual tail
 *   features drawn from calibrated per-class Gaussians first.
 * @see Kang, Xie, Rohrbach, Yan, Gordo, Feng & Kalantidis 2020, Decoupling Representation and Classifier for Long-Tailed Recognition, ICLR
 */
import { ConfigError, got } from '../errors';
import { forwardOnHost, parameterLayout, type MlpArchitecture } from '../models/mlp';
import type { Rng } from '../random';
import type { Labels, Matrix } from '../types';
import { softmaxRows } from './epoch';

/** The last hidden layer's activations h(x) for the rows of X (X itself for logistic regression). */
export function penultimateFeatures(arch: MlpArchitecture, theta: Float32Array, X: Matrix): Matrix {
  if (arch.hidden.length === 0) return { data: Float64Array.from(X.data), rows: X.rows, cols: X.cols };
  const { layers } = parameterLayout(arch);
  const last = layers[layers.length - 1];
  const featureArch: MlpArchitecture = { inputs: arch.inputs, hidden: arch.hidden.slice(0, -1), outputs: arch.hidden[arch.hidden.length - 1], activation: arch.activation };
  const z = forwardOnHost(featureArch, theta.subarray(0, last.weightOffset), X.data, X.rows);
  const act = arch.activation;
  for (let i = 0; i < z.length; i++) {
    const v = z[i];
    z[i] = act === 'relu' ? Math.max(0, v) : act === 'tanh' ? Math.tanh(v) : 1 / (1 + Math.exp(-v));
  }
  return { data: z, rows: X.rows, cols: featureArch.outputs };
}

/**
 * The MLP's last layer as a logistic regression on the penultimate features: its architecture and
 * its [W; b] parameters (the flat layout of a model without hidden layers).
 */
export function mlpHead(arch: MlpArchitecture, theta: Float32Array): { arch: MlpArchitecture; theta: Float32Array } {
  const { layers } = parameterLayout(arch);
  const L = layers[layers.length - 1];
  return { arch: { inputs: L.fanIn, hidden: [], outputs: L.fanOut, activation: arch.activation }, theta: theta.slice(L.weightOffset, L.biasOffset + L.fanOut) };
}

/** Last layer's weights as C column vectors w_c (length fanIn) and biases b_c. */
function classifier(arch: MlpArchitecture, theta: Float32Array): { W: Float64Array[]; b: Float64Array; fanIn: number } {
  const { layers } = parameterLayout(arch);
  const L = layers[layers.length - 1];
  const W = Array.from({ length: L.fanOut }, (_, c) => Float64Array.from({ length: L.fanIn }, (_, k) => theta[L.weightOffset + k * L.fanOut + c]));
  return { W, b: Float64Array.from(theta.subarray(L.biasOffset, L.biasOffset + L.fanOut)), fanIn: L.fanIn };
}

/** ‖w_c‖ of every class's classifier weights (the "head classes have larger norms" view). */
export function classifierNorms(arch: MlpArchitecture, theta: Float32Array): number[] {
  return classifier(arch, theta).W.map((w) => Math.sqrt(w.reduce((a, v) => a + v * v, 0)));
}

/** θ with the last layer τ-normalised: w_c / ‖w_c‖^τ, biases 0. */
export function tauNormalize(arch: MlpArchitecture, theta: Float32Array, tau: number): Float32Array {
  if (!(Number.isFinite(tau) && tau >= 0 && tau <= 2)) throw new ConfigError(`tau must be a number between 0 and 2. Got ${got(tau)} instead.`, 'tau');
  const { layers } = parameterLayout(arch);
  const L = layers[layers.length - 1];
  const norms = classifierNorms(arch, theta);
  const out = theta.slice();
  for (let c = 0; c < L.fanOut; c++) {
    const s = norms[c] > 0 ? norms[c] ** -tau : 1;
    for (let k = 0; k < L.fanIn; k++) out[L.weightOffset + k * L.fanOut + c] *= s;
    out[L.biasOffset + c] = 0;
  }
  return out;
}

/** Logits of the last layer for features H (rows × fanIn). */
function logitsOf(W: Float64Array[], b: Float64Array, H: Matrix): Float64Array {
  const C = W.length;
  const out = new Float64Array(H.rows * C);
  for (let i = 0; i < H.rows; i++) {
    for (let c = 0; c < C; c++) {
      let z = b[c];
      const w = W[c];
      for (let k = 0; k < H.cols; k++) z += H.data[i * H.cols + k] * w[k];
      out[i * C + c] = z;
    }
  }
  return out;
}

/**
 * LWS: learns per-class scales f_c ≥ 0 of the logits by full-batch gradient descent on the
 * class-balanced cross-entropy of the training features (weights ∝ 1/n_c, the expectation of
 * class-balanced sampling): ∂L/∂f_c = Σ_i w_{y_i} (p_ic − [c = y_i]) z_ic / Σ_i w_{y_i}.
 * Returns θ with the last layer's columns and biases scaled by f.
 */
export function learnWeightScaling(arch: MlpArchitecture, theta: Float32Array, H: Matrix, y: Labels, steps = 200, lr = 0.5): { theta: Float32Array; scales: number[] } {
  const { W, b } = classifier(arch, theta);
  const C = W.length;
  const z = logitsOf(W, b, H);
  const counts = new Array<number>(C).fill(0);
  for (const c of y) counts[c]++;
  const w = counts.map((n) => (n > 0 ? 1 / n : 0));
  const wSum = Array.from(y).reduce((a, c) => a + w[c], 0);
  const f = new Array<number>(C).fill(1);
  const grad = new Array<number>(C);
  const p = new Float64Array(C);
  for (let step = 0; step < steps; step++) {
    grad.fill(0);
    for (let i = 0; i < y.length; i++) {
      let m = -Infinity;
      for (let c = 0; c < C; c++) m = Math.max(m, (p[c] = f[c] * z[i * C + c]));
      let s = 0;
      for (let c = 0; c < C; c++) s += p[c] = Math.exp(p[c] - m);
      for (let c = 0; c < C; c++) grad[c] += (w[y[i]] * (p[c] / s - (c === y[i] ? 1 : 0)) * z[i * C + c]) / wSum;
    }
    for (let c = 0; c < C; c++) f[c] = Math.max(0, f[c] - lr * grad[c]);
  }
  const { layers } = parameterLayout(arch);
  const L = layers[layers.length - 1];
  const out = theta.slice();
  for (let c = 0; c < C; c++) {
    for (let k = 0; k < L.fanIn; k++) out[L.weightOffset + k * L.fanOut + c] *= f[c];
    out[L.biasOffset + c] *= f[c];
  }
  return { theta: out, scales: f };
}

/**
 * Feature-space augmentation for tail classes: every class with fewer rows than the largest gets
 * virtual features x ~ N(μ_c, diag σ̃²_c) until it matches the largest class, where the variance is
 * calibrated towards the classes nearest to it that have more data (its mean's k = 2 nearest
 * classes with at least as many rows; none: its own variance):
 *
 *   σ̃²_c = λ_c σ²_c + (1 − λ_c) · mean_{h ∈ near(c)} σ²_h,   λ_c = n_c / (n_c + n̄),
 *
 * n̄ the mean class size: a class with few rows trusts its neighbours' spread more. Returns the
 * training features with the virtual rows appended (their labels in y).
 * @see Yang, Liu & Xu 2021, Free Lunch for Few-shot Learning: Distribution Calibration, ICLR (calibrating a rare class's statistics from similar frequent classes); the representation-calibration idea of RCAL (2022) and the virtual-feature calibration of LMD (2025)
 */
export function featureAugment(H: Matrix, y: Labels, nClasses: number, rng: Rng): { X: Matrix; y: Labels; added: number[] } {
  const d = H.cols;
  const rows: number[][] = Array.from({ length: nClasses }, () => []);
  for (let i = 0; i < y.length; i++) rows[y[i]].push(i);
  const counts = rows.map((r) => r.length);
  const mu = rows.map((r) => {
    const m = new Float64Array(d);
    for (const i of r) for (let k = 0; k < d; k++) m[k] += H.data[i * d + k] / r.length;
    return m;
  });
  const v = rows.map((r, c) => {
    const s = new Float64Array(d);
    for (const i of r) for (let k = 0; k < d; k++) s[k] += (H.data[i * d + k] - mu[c][k]) ** 2 / Math.max(1, r.length - 1);
    return s;
  });
  const present = counts.filter((n) => n > 0);
  const mean = present.reduce((a, b) => a + b, 0) / present.length;
  const target = Math.max(...counts);
  const added = counts.map((n) => (n > 0 ? target - n : 0));
  const total = y.length + added.reduce((a, b) => a + b, 0);
  const X = new Float64Array(total * d);
  X.set(H.data, 0);
  const yOut = new Int32Array(total);
  yOut.set(y, 0);
  let row = y.length;
  for (let c = 0; c < nClasses; c++) {
    if (added[c] === 0) continue;
    const near = rows
      .map((_, h) => h)
      .filter((h) => h !== c && counts[h] >= counts[c])
      .sort((a, b) => dist2(mu[a], mu[c]) - dist2(mu[b], mu[c]))
      .slice(0, 2);
    const lambda = counts[c] / (counts[c] + mean);
    const sd = new Float64Array(d);
    for (let k = 0; k < d; k++) {
      const borrowed = near.length ? near.reduce((a, h) => a + v[h][k], 0) / near.length : v[c][k];
      sd[k] = Math.sqrt(lambda * v[c][k] + (1 - lambda) * borrowed);
    }
    for (let t = 0; t < added[c]; t++, row++) {
      for (let k = 0; k < d; k++) X[row * d + k] = mu[c][k] + sd[k] * rng.normal();
      yOut[row] = c;
    }
  }
  return { X: { data: X, rows: total, cols: d }, y: yOut, added };
}

const dist2 = (a: Float64Array, b: Float64Array) => a.reduce((s, v, k) => s + (v - b[k]) ** 2, 0);

/** Softmax probabilities of the MLP with parameters θ on the rows of X, on the host. */
export function predictWith(arch: MlpArchitecture, theta: Float32Array, X: Matrix): Float32Array {
  return softmaxRows(forwardOnHost(arch, theta, X.data, X.rows), arch.outputs);
}

/**
 * A simplex equiangular tight frame as a fixed classifier: C unit vectors in R^d (d ≥ C) whose
 * pairwise cosines are all −1/(C−1), the geometry the last layer converges to under balanced
 * training ("neural collapse"). Fixing it keeps head classes from claiming more of the feature
 * space under imbalance:
 *   M = √(C/(C−1)) · U (I_C − 1 1ᵀ/C),   U ∈ R^{d×C} with orthonormal columns (seeded Gram–Schmidt).
 * Returns row-major [d, C] weights (column c = class c) and zero biases.
 * @see Papyan, Han & Donoho 2020, Prevalence of neural collapse during the terminal phase of deep learning training, PNAS; Yang et al. 2022, Inducing Neural Collapse in Imbalanced Learning, NeurIPS (the fixed ETF classifier used by FedGELA / FedLoGe)
 * @throws ConfigError when d < C.
 */
export function simplexEtf(d: number, C: number, rng: Rng): { weights: Float32Array; bias: Float32Array } {
  if (d < C) throw new ConfigError(`A simplex ETF classifier for ${C} classes needs a last hidden layer of at least ${C} units. Got ${d} instead; widen the model.`, 'width');
  const U: Float64Array[] = [];
  while (U.length < C) {
    const v = Float64Array.from({ length: d }, () => rng.normal());
    for (const u of U) {
      const dot = v.reduce((a, x, k) => a + x * u[k], 0);
      for (let k = 0; k < d; k++) v[k] -= dot * u[k];
    }
    const norm = Math.sqrt(v.reduce((a, x) => a + x * x, 0));
    if (norm < 1e-8) continue;
    U.push(v.map((x) => x / norm));
  }
  const s = Math.sqrt(C / (C - 1));
  const weights = new Float32Array(d * C);
  for (let k = 0; k < d; k++) {
    const mean = U.reduce((a, u) => a + u[k], 0) / C;
    for (let c = 0; c < C; c++) weights[k * C + c] = s * (U[c][k] - mean);
  }
  return { weights, bias: new Float32Array(C) };
}
