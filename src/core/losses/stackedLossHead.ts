/**
 * The imbalance-loss family (imbalanceLoss.ts) for M models at once: their logits stacked into one
 * [M·B, C] matrix (model m's batch in rows m·B … m·B + B − 1) and every parameter given per row,
 * so one set of kernels serves M differently-configured losses:
 *
 *   z'_i = s_i · (z_i − Δ_i ⊙ e_{y_i}) + b_i,   p_i = softmax(z'_i),   q_i = 1 − p_{i,y_i}
 *   ℓ_i  = (1 − d_i) · (−q_i^{γ_i} log p_t)  +  d_i · (1 − (2g_i + ε_i)/(g_i + 1 + ε_i)),  g_i = q_i^{α_i} p_t
 *   L_m  = Σ_{i ∈ model m} r̃_i ℓ_i
 *
 * with d_i ∈ {0, 1} the dice mask. A row of a cross-entropy model has γ = 0, d = 0, s = 1, Δ = b = 0,
 * which gives exactly −log p_t and the gradient factor 1: the same numbers as
 * {@link imbalanceLossHead} for each model alone. ∂L/∂z'_i = f_i (p_i r̃_i − T̃_i) with the per-row
 * factor f_i of the file comment of imbalanceLoss.ts, then × s_i.
 *
 * Built for training several models as one computation per step (training/trainGroup.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ImbalanceLoss } from './imbalanceLoss';

/** Per-row loss parameters for a stack (tensors of [M·B, C] or [M·B, 1]); absent = neutral for every row. */
export interface StackedLossRows {
  offsets?: tf.Tensor2D;
  margins?: tf.Tensor2D;
  scale?: tf.Tensor2D;
  gamma?: tf.Tensor2D;
  dice?: { mask: tf.Tensor2D; alpha: tf.Tensor2D; smoothing: tf.Tensor2D };
}

/**
 * Uploads the per-row parameters of `losses` (one per model) for batches of `B` rows. Only the
 * parameters some model uses are built. The caller disposes the tensors.
 */
export function stackedLossRows(losses: readonly ImbalanceLoss[], B: number, nClasses: number): StackedLossRows {
  const M = losses.length;
  const perClass = (pick: (l: ImbalanceLoss) => readonly number[] | undefined, neutral: number): tf.Tensor2D | undefined => {
    if (!losses.some((l) => pick(l) !== undefined)) return undefined;
    const out = new Float32Array(M * B * nClasses).fill(neutral);
    losses.forEach((l, m) => {
      const v = pick(l);
      if (v) for (let i = 0; i < B; i++) for (let c = 0; c < nClasses; c++) out[(m * B + i) * nClasses + c] = v[c];
    });
    return tf.tensor2d(out, [M * B, nClasses]);
  };
  const perRow = (value: (l: ImbalanceLoss) => number, neutral: number): tf.Tensor2D | undefined => {
    if (losses.every((l) => value(l) === neutral)) return undefined;
    const out = new Float32Array(M * B);
    losses.forEach((l, m) => out.fill(value(l), m * B, (m + 1) * B));
    return tf.tensor2d(out, [M * B, 1]);
  };
  const rows: StackedLossRows = {
    offsets: perClass((l) => l.logitOffsets, 0),
    margins: perClass((l) => l.margins, 0),
    scale: perRow((l) => l.scale ?? 1, 1),
    gamma: perRow((l) => (l.term.kind === 'focal' ? l.term.gamma : 0), 0),
  };
  const mask = perRow((l) => (l.term.kind === 'dice' ? 1 : 0), 0);
  if (mask) {
    // Rows of non-dice models get α = 0, ε = 1: finite values that the mask then zeroes.
    rows.dice = {
      mask,
      alpha: tf.tensor2d(rowValues(losses, B, (l) => (l.term.kind === 'dice' ? l.term.alpha : 0)), [M * B, 1]),
      smoothing: tf.tensor2d(rowValues(losses, B, (l) => (l.term.kind === 'dice' ? l.term.smoothing : 1)), [M * B, 1]),
    };
  }
  return rows;
}

function rowValues(losses: readonly ImbalanceLoss[], B: number, value: (l: ImbalanceLoss) => number): Float32Array {
  const out = new Float32Array(losses.length * B);
  losses.forEach((l, m) => out.fill(value(l), m * B, (m + 1) * B));
  return out;
}

/** Every tensor of a {@link StackedLossRows}. */
export function stackedLossTensors(rows: StackedLossRows): tf.Tensor[] {
  const out = [rows.offsets, rows.margins, rows.scale, rows.gamma, rows.dice?.mask, rows.dice?.alpha, rows.dice?.smoothing];
  return out.filter((t): t is tf.Tensor2D => t !== undefined);
}

/**
 * Per-model losses [M] and ∂(Σ_m L_m)/∂logits [M·B, C] for stacked logits. `T` (M·B × C) and `r`
 * (M·B × 1) are each model's normalised weighted targets and row weights; `O` the one-hot labels,
 * needed unless every row is plain cross-entropy. Synchronous, tidy; the caller owns the results.
 */
export function stackedLossHead(
  logits: tf.Tensor2D,
  batch: { T: tf.Tensor2D; r: tf.Tensor2D; O: tf.Tensor2D | null },
  rows: StackedLossRows,
  models: number,
): { losses: tf.Tensor1D; dLogits: tf.Tensor2D } {
  return tf.tidy(() => {
    const { T, r, O } = batch;
    const plain = !rows.offsets && !rows.margins && !rows.scale && !rows.gamma && !rows.dice;
    let z: tf.Tensor = logits;
    if (rows.margins) z = tf.sub(z, tf.mul(O!, rows.margins));
    if (rows.scale) z = tf.mul(z, rows.scale);
    if (rows.offsets) z = tf.add(z, rows.offsets);
    const m = tf.max(z, 1, true);
    const shifted = tf.sub(z, m);
    const e = tf.exp(shifted);
    const sum = tf.sum(e, 1, true);
    const p = tf.div(e, sum);
    const perModel = (perRow: tf.Tensor) => tf.sum(tf.reshape(perRow, [models, -1]), 1) as tf.Tensor1D;
    if (plain) {
      // Σ_c T̃_ic (log s_i − shifted_ic): the normalised cross-entropy, no labels needed.
      const losses = perModel(tf.mul(T, tf.sub(tf.log(sum), shifted)));
      return { losses, dLogits: tf.sub(tf.mul(p, r), T) as tf.Tensor2D };
    }
    const logpt = tf.sub(tf.sum(tf.mul(O!, shifted), 1, true), tf.log(sum));
    let perSample: tf.Tensor = tf.neg(logpt);
    let factor: tf.Tensor | null = null;
    if (rows.gamma || rows.dice) {
      const pt = tf.exp(logpt);
      const q = tf.maximum(tf.sum(tf.mul(tf.sub(1, O!), p), 1, true), 1e-30);
      if (rows.gamma) {
        const qg = tf.pow(q, rows.gamma);
        perSample = tf.neg(tf.mul(qg, logpt));
        factor = tf.sub(qg, tf.mul(rows.gamma, tf.mul(tf.pow(q, tf.sub(rows.gamma, 1)), tf.mul(pt, logpt))));
      }
      if (rows.dice) {
        const { mask, alpha, smoothing } = rows.dice;
        const qa = tf.pow(q, alpha);
        const g = tf.mul(qa, pt);
        const den = tf.add(tf.add(g, 1), smoothing);
        const diceLoss = tf.sub(1, tf.div(tf.add(tf.mul(g, 2), smoothing), den));
        const gPrime = tf.sub(qa, tf.mul(alpha, tf.mul(tf.pow(q, tf.sub(alpha, 1)), pt)));
        const diceFactor = tf.div(tf.mul(tf.add(smoothing, 2), tf.mul(pt, gPrime)), tf.square(den));
        const keep = tf.sub(1, mask);
        perSample = tf.add(tf.mul(keep, perSample), tf.mul(mask, diceLoss));
        factor = tf.add(tf.mul(keep, factor ?? tf.onesLike(mask)), tf.mul(mask, diceFactor));
      }
    }
    const losses = perModel(tf.mul(r, perSample));
    let d: tf.Tensor = tf.sub(tf.mul(p, r), T);
    if (factor) d = tf.mul(d, factor);
    if (rows.scale) d = tf.mul(d, rows.scale);
    return { losses, dLogits: d as tf.Tensor2D };
  });
}
