/**
 * Softmax cross-entropy with per-class weights — the root of the imbalance-loss family.
 *
 * For logits z_i ∈ R^C and label y_i, the per-sample loss is
 *
 *   CE_i = −log softmax(z_i)_{y_i} = logsumexp(z_i) − z_{i,y_i},
 *
 * computed as log Σ_c exp(z_ic − m_i) − (z_{i,y_i} − m_i) with m_i = max_c z_ic, so it never
 * overflows. With class weights w_c ≥ 0 the batch loss is the weighted mean
 *
 *   L = Σ_i w_{y_i} CE_i / Σ_i w_{y_i},
 *
 * exactly what `torch.nn.CrossEntropyLoss(weight=w)` (reduction 'mean') computes. If every sample in
 * the batch has weight 0 the loss is defined as 0 (PyTorch would return NaN), so an all-ignored
 * batch does not look like divergence.
 *
 * Internally the labels and weights are folded into a *weighted target* matrix T with
 * T_ic = w_{y_i}·[c = y_i]. Then L = Σ_ic T_ic (lse_i − z_ic) / Σ_ic T_ic and the gradient has the
 * closed form ∂L/∂z_ic = (p_ic·Σ_k T_ik − T_ic) / Σ T, p = softmax(z), which the fast training step
 * uses instead of tape-based autodiff (fewer, larger ops).
 *
 * Planned extensions are further fields of {@link CrossEntropyParams} on this same function, not
 * new losses: logit offsets (balanced softmax, Ren et al. 2020; logit adjustment, Menon et al.
 * 2021: z_ic + τ log π_c), class margins (LDAM, Cao et al. 2019: z_{i,y_i} − Δ_{y_i}, then a scale
 * s) and a focusing term (focal loss, Lin et al. 2017: (1 − p_{i,y_i})^γ CE_i). Offsets and margins
 * only transform z before the same expression (the gradient formula above still applies to the
 * transformed logits); the focal term changes the gradient and would need its own closed form.
 *
 * @see Cross-entropy with class weights: PyTorch `torch.nn.CrossEntropyLoss(weight=…)`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ConfigError, DataError, got } from '../errors';
import type { Labels } from '../types';

/** Parameters of the cross-entropy family. Only class weights are implemented so far. */
export interface CrossEntropyParams {
  /**
   * Per-class weights w_c ≥ 0, length C. Omitted: all 1 (plain mean cross-entropy).
   * Use {@link inverseFrequencyWeights} for scikit-learn's `class_weight='balanced'`.
   */
  classWeights?: readonly number[];
}

/** The pieces of one cross-entropy evaluation (all tensors are owned by the caller). */
export interface CrossEntropyTerms {
  /** Σ_i w_{y_i} CE_i / max(Σ_i w_{y_i}, tiny) — the loss. */
  loss: tf.Scalar;
  /** Σ_i w_{y_i} CE_i. */
  weightedSum: tf.Scalar;
  /** Σ_i w_{y_i}. */
  weightSum: tf.Scalar;
  /** ∂loss/∂logits, present when asked for. */
  dLogits?: tf.Tensor2D;
}

/** Guards the division when every sample of a batch has weight 0. */
const TINY = 1e-30;

/**
 * Class weights w_c = n / (C · n_c), with n = Σ_c n_c and C = counts.length: each class then
 * contributes the same total weight (n / C) to the loss, as if the classes were balanced.
 * A class with n_c = 0 gets weight 0 (it has no samples to weigh). Only the ratios matter to
 * {@link weightedCrossEntropy}, which divides by Σ_i w_{y_i}.
 *
 * Example: counts [90, 10] → [100/(2·90), 100/(2·10)] = [0.5556, 5].
 *
 * @see King & Zeng 2001, Logistic Regression in Rare Events Data, Political Analysis 9(2)
 *   (weighting to correct for class-based sampling)
 * @see scikit-learn `compute_class_weight('balanced', …)` / `class_weight='balanced'`:
 *   n_samples / (n_classes * np.bincount(y))
 * @throws DataError when a count is negative or not an integer, or all counts are 0.
 */
export function inverseFrequencyWeights(counts: readonly number[]): number[] {
  let n = 0;
  for (const c of counts) {
    if (!Number.isInteger(c) || c < 0) {
      throw new DataError(`Class counts must be non-negative integers. Got ${got(counts)} instead.`);
    }
    n += c;
  }
  if (n === 0) throw new DataError(`Class counts must contain at least one sample. Got ${got(counts)} instead.`);
  return counts.map((c) => (c > 0 ? n / (counts.length * c) : 0));
}

/**
 * Checks class weights: exactly C finite values ≥ 0, not all 0.
 * @throws ConfigError naming `path`.
 */
export function validateClassWeights(weights: readonly number[], nClasses: number, path = 'classWeights'): void {
  if (!Array.isArray(weights) || weights.length !== nClasses) {
    throw new ConfigError(`${path} must be a list of ${nClasses} weights, one per class. Got ${got(weights)} instead.`, path);
  }
  for (const w of weights) {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new ConfigError(`${path} must contain only finite numbers ≥ 0. Got ${got(weights)} instead.`, path);
    }
  }
  if (weights.every((w) => w === 0)) {
    throw new ConfigError(`${path} must have at least one weight > 0. Got ${got(weights)} instead.`, path);
  }
}

/**
 * Row-major n×C weighted targets: row i is w_{y_i} times the one-hot vector of y_i.
 * Uploaded once per training run; gathering rows of it gives each batch its targets and weights.
 */
export function weightedTargets(labels: Labels, nClasses: number, classWeights?: readonly number[]): Float32Array {
  const T = new Float32Array(labels.length * nClasses);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    T[i * nClasses + c] = classWeights ? classWeights[c] : 1;
  }
  return T;
}

/**
 * Host-side batch targets for {@link normalizedCrossEntropy}: for the batch rows `rows` of `labels`,
 * fills `targets` (B×C, row-major) with T_ic / Σ T and `rowWeights` (B) with w_{y_i} / Σ T, where
 * T_ic = w_{y_i}·[c = y_i] and Σ T = Σ_i w_{y_i}. All zeros when the batch's weights sum to 0.
 * Returns Σ T.
 */
export function fillNormalizedTargets(
  labels: Labels,
  rows: ArrayLike<number>,
  nClasses: number,
  classWeights: readonly number[] | undefined,
  targets: Float32Array,
  rowWeights: Float32Array,
): number {
  let sum = 0;
  for (let i = 0; i < rows.length; i++) sum += classWeights ? classWeights[labels[rows[i]]] : 1;
  const scale = sum > 0 ? 1 / sum : 0;
  targets.fill(0, 0, rows.length * nClasses);
  for (let i = 0; i < rows.length; i++) {
    const c = labels[rows[i]];
    const w = (classWeights ? classWeights[c] : 1) * scale;
    targets[i * nClasses + c] = w;
    rowWeights[i] = w;
  }
  return sum;
}

/**
 * The loss on pre-normalised targets: with T̃ = T / Σ T (B×C) and r̃ = Σ_c T̃_ic (B×1),
 *
 *   L = Σ_ic T̃_ic (log Σ_k e^{z_ik − m_i} − (z_ic − m_i)),   ∂L/∂z = softmax(z) ⊙ r̃ − T̃.
 *
 * Normalising on the host (see {@link fillNormalizedTargets}) saves five kernels per batch in the
 * training step. Synchronous, tidy; the caller owns the returned tensors.
 */
export function normalizedCrossEntropy(
  logits: tf.Tensor2D,
  targets: tf.Tensor2D,
  rowWeights: tf.Tensor2D,
  withGradient: boolean,
): { loss: tf.Scalar; dLogits?: tf.Tensor2D } {
  return tf.tidy(() => {
    const m = tf.max(logits, 1, true);
    const shifted = tf.sub(logits, m);
    const e = tf.exp(shifted);
    const s = tf.sum(e, 1, true);
    const loss = tf.sum(tf.mul(targets, tf.sub(tf.log(s), shifted))) as tf.Scalar;
    if (!withGradient) return { loss };
    const dLogits = tf.sub(tf.mul(tf.div(e, s), rowWeights), targets) as tf.Tensor2D;
    return { loss, dLogits };
  });
}

/**
 * Cross-entropy of `logits` (B×C) against weighted targets `targets` (B×C, see
 * {@link weightedTargets}; any non-negative rows work, e.g. soft labels). Returns the loss, its
 * numerator and denominator, and optionally ∂loss/∂logits in closed form. Synchronous, tidy.
 */
export function crossEntropyFromTargets(logits: tf.Tensor2D, targets: tf.Tensor2D, withGradient: boolean): CrossEntropyTerms {
  return tf.tidy(() => {
    const m = tf.max(logits, 1, true);
    const shifted = tf.sub(logits, m);
    const e = tf.exp(shifted);
    const s = tf.sum(e, 1, true);
    // lse_i − z_ic = log s_i − (z_ic − m_i)
    const nll = tf.sub(tf.log(s), shifted);
    const weightedSum = tf.sum(tf.mul(targets, nll)) as tf.Scalar;
    const weightSum = tf.sum(targets) as tf.Scalar;
    const denom = tf.maximum(weightSum, TINY);
    const loss = tf.div(weightedSum, denom) as tf.Scalar;
    const out: Record<string, tf.Tensor> = { loss, weightedSum, weightSum };
    if (withGradient) {
      const p = tf.div(e, s);
      out.dLogits = tf.div(tf.sub(tf.mul(p, tf.sum(targets, 1, true)), targets), denom);
    }
    return out;
  }) as unknown as CrossEntropyTerms;
}

/**
 * The weighted softmax cross-entropy L (see the file comment) of `logits` (B×C) for integer
 * `labels` (length B, values 0..C−1) as a scalar tensor. Differentiable with `tf.grad`. Tidy.
 *
 * @throws ConfigError when the class weights do not fit C.
 */
export function weightedCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D | Labels, params: CrossEntropyParams = {}): tf.Scalar {
  const nClasses = logits.shape[1];
  if (params.classWeights) validateClassWeights(params.classWeights, nClasses, 'classWeights');
  return tf.tidy(() => {
    const y = labels instanceof tf.Tensor ? tf.cast(labels, 'int32') : tf.tensor1d(labels, 'int32');
    let targets = tf.cast(tf.oneHot(y, nClasses), 'float32') as tf.Tensor2D;
    if (params.classWeights) targets = tf.mul(targets, tf.tensor1d(params.classWeights as number[], 'float32'));
    return crossEntropyFromTargets(logits, targets, false).loss;
  });
}

/**
 * Plain-number twin of {@link weightedCrossEntropy} (float64, no TF.js), used by the tests as the
 * reference: Σ_i w_{y_i} (logsumexp(z_i) − z_{i,y_i}) / Σ_i w_{y_i}, 0 when Σ_i w_{y_i} = 0.
 */
export function weightedCrossEntropyReference(logits: number[][], labels: number[], weights: number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < logits.length; i++) {
    const z = logits[i];
    const m = Math.max(...z);
    let s = 0;
    for (const v of z) s += Math.exp(v - m);
    const ce = Math.log(s) + m - z[labels[i]];
    const w = weights[labels[i]];
    num += w * ce;
    den += w;
  }
  return den > 0 ? num / den : 0;
}
