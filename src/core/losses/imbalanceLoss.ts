/**
 * The imbalance-aware loss family as ONE function of the logits, so every named loss is a choice
 * of parameters (and each is tested against one plain-number reference, referenceLosses.ts):
 *
 *   z'_i = s · (z_i − Δ_{y_i} e_{y_i}) + b          (margin on the true class, scale, logit offsets)
 *   p_i  = softmax(z'_i),  p_t = p_{i,y_i},  q = 1 − p_t
 *   ℓ_i  = −log p_t                                  (cross-entropy)
 *        = −q^γ log p_t                              (focal, Lin et al. 2017)
 *        = 1 − (2g + ε) / (g + 1 + ε),  g = q^α p_t   (self-adjusting dice, Li et al. 2020; α = 0: dice)
 *   L    = Σ_i w_{y_i} ℓ_i / Σ_i w_{y_i}             (class weights w)
 *
 * Named members: class-weighted CE (w), class-balanced focal (w from the effective number, γ),
 * LDAM (Δ_c ∝ n_c^{−1/4}, s; Cao et al. 2019), balanced softmax (b_c = log n_c; Ren et al. 2020),
 * logit adjustment (b_c = τ log π_c; Menon et al. 2021). At the neutral parameters (w = 1, Δ = 0,
 * s = 1, b = 0, γ = 0) every member is the plain cross-entropy.
 *
 * Every term depends on z'_i only through p_t, so ∂ℓ_i/∂z'_ic = f_i (p_ic − [c = y_i]) with a
 * per-sample factor f_i = −p_t ∂ℓ_i/∂p_t:
 *   CE: f = 1;   focal: f = q^γ − γ q^{γ−1} p_t log p_t;
 *   dice: f = (2 + ε) p_t g′ / (g + 1 + ε)²,  g′ = q^α − α q^{α−1} p_t.
 * Hence ∂L/∂z = s · f ⊙ (p ⊙ r̃ − T̃) with the host-normalised targets T̃ and row weights r̃ of
 * weightedCrossEntropy.ts: the closed form the training step uses (few, large ops).
 * q is computed as Σ_{c≠y} p_c (no cancellation near p_t = 1) and floored at 1e-30.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ConfigError, got } from '../errors';

export type LossTerm = { kind: 'ce' } | { kind: 'focal'; gamma: number } | { kind: 'dice'; alpha: number; smoothing: number };

export interface ImbalanceLoss {
  /** w_c ≥ 0 (length C); omitted = 1. */
  classWeights?: readonly number[];
  /** b_c added to every logit while training (length C); omitted = 0. */
  logitOffsets?: readonly number[];
  /** Δ_c ≥ 0 subtracted from the true class's logit (length C); omitted = 0. */
  margins?: readonly number[];
  /** s > 0; omitted = 1. */
  scale?: number;
  term: LossTerm;
}

export const CE: ImbalanceLoss = { term: { kind: 'ce' } };

function checkVector(v: readonly number[] | undefined, n: number, path: string, min: number): void {
  if (v === undefined) return;
  if (!Array.isArray(v) || v.length !== n || v.some((x) => typeof x !== 'number' || !Number.isFinite(x) || x < min)) {
    throw new ConfigError(`${path} must be ${n} finite numbers${min === -Infinity ? '' : ` ≥ ${min}`}, one per class. Got ${got(v)} instead.`, path);
  }
}

/** @throws ConfigError naming the first bad field and its valid range. */
export function validateImbalanceLoss(loss: ImbalanceLoss, nClasses: number): void {
  checkVector(loss.classWeights, nClasses, 'loss.classWeights', 0);
  if (loss.classWeights && loss.classWeights.every((w) => w === 0)) throw new ConfigError(`loss.classWeights must have a weight > 0. Got ${got(loss.classWeights)} instead.`);
  checkVector(loss.logitOffsets, nClasses, 'loss.logitOffsets', -Infinity);
  checkVector(loss.margins, nClasses, 'loss.margins', 0);
  if (loss.scale !== undefined && !(Number.isFinite(loss.scale) && loss.scale > 0)) throw new ConfigError(`loss.scale must be a number > 0. Got ${got(loss.scale)} instead.`, 'loss.scale');
  const t = loss.term;
  if (t.kind === 'focal' && !(Number.isFinite(t.gamma) && t.gamma >= 0 && t.gamma <= 10)) {
    throw new ConfigError(`gamma must be a number between 0 and 10. Got ${got(t.gamma)} instead.`, 'gamma');
  }
  if (t.kind === 'dice' && !(Number.isFinite(t.alpha) && t.alpha >= 0 && t.alpha <= 10)) {
    throw new ConfigError(`alpha must be a number between 0 and 10. Got ${got(t.alpha)} instead.`, 'alpha');
  }
  if (t.kind === 'dice' && !(Number.isFinite(t.smoothing) && t.smoothing >= 0 && t.smoothing <= 10)) {
    throw new ConfigError(`smoothing must be a number between 0 and 10. Got ${got(t.smoothing)} instead.`, 'smoothing');
  }
}

/** Whether the loss needs the batch's one-hot labels (anything beyond weighted cross-entropy). */
export const needsOneHot = (loss: ImbalanceLoss) => loss.term.kind !== 'ce' || loss.margins !== undefined || loss.scale !== undefined || loss.logitOffsets !== undefined;

/** Constant tensors of a loss (upload once per training run; the caller disposes them). */
export interface LossConstants {
  offsets?: tf.Tensor2D;
  margins?: tf.Tensor2D;
}

export function lossConstants(loss: ImbalanceLoss): LossConstants {
  const C = (loss.logitOffsets ?? loss.margins)?.length ?? 0;
  return {
    offsets: loss.logitOffsets ? tf.tensor2d(loss.logitOffsets as number[], [1, C]) : undefined,
    margins: loss.margins ? tf.tensor2d(loss.margins as number[], [1, C]) : undefined,
  };
}

/**
 * The loss and (optionally) ∂L/∂logits for one batch. `T` (B×C) and `r` (B×1) are the normalised
 * weighted targets and row weights (weightedCrossEntropy.ts `fillNormalizedTargets`), `O` (B×C)
 * the one-hot labels. Synchronous, tidy; the caller owns the returned tensors.
 */
export function imbalanceLossHead(
  logits: tf.Tensor2D,
  batch: { T: tf.Tensor2D; r: tf.Tensor2D; O: tf.Tensor2D },
  loss: ImbalanceLoss,
  consts: LossConstants,
  withGradient: boolean,
): { loss: tf.Scalar; dLogits?: tf.Tensor2D } {
  return tf.tidy(() => {
    const s = loss.scale ?? 1;
    let z: tf.Tensor = logits;
    if (consts.margins) z = tf.sub(z, tf.mul(batch.O, consts.margins));
    if (s !== 1) z = tf.mul(z, s);
    if (consts.offsets) z = tf.add(z, consts.offsets);
    const m = tf.max(z, 1, true);
    const shifted = tf.sub(z, m);
    const e = tf.exp(shifted);
    const sum = tf.sum(e, 1, true);
    const p = tf.div(e, sum);
    const logpt = tf.sub(tf.sum(tf.mul(batch.O, shifted), 1, true), tf.log(sum));
    const t = loss.term;
    let perSample: tf.Tensor;
    let factor: tf.Tensor | null = null;
    if (t.kind === 'ce') {
      perSample = tf.neg(logpt);
    } else {
      const pt = tf.exp(logpt);
      const q = tf.maximum(tf.sum(tf.mul(tf.sub(1, batch.O), p), 1, true), 1e-30);
      if (t.kind === 'focal') {
        const qg = t.gamma === 0 ? tf.onesLike(q) : tf.pow(q, t.gamma);
        perSample = tf.neg(tf.mul(qg, logpt));
        if (withGradient) factor = t.gamma === 0 ? qg : tf.sub(qg, tf.mul(t.gamma, tf.mul(tf.pow(q, t.gamma - 1), tf.mul(pt, logpt))));
      } else {
        const qa = t.alpha === 0 ? tf.onesLike(q) : tf.pow(q, t.alpha);
        const g = tf.mul(qa, pt);
        const den = tf.add(g, 1 + t.smoothing);
        perSample = tf.sub(1, tf.div(tf.add(tf.mul(g, 2), t.smoothing), den));
        if (withGradient) {
          const gPrime = t.alpha === 0 ? qa : tf.sub(qa, tf.mul(t.alpha, tf.mul(tf.pow(q, t.alpha - 1), pt)));
          factor = tf.div(tf.mul(2 + t.smoothing, tf.mul(pt, gPrime)), tf.square(den));
        }
      }
    }
    const value = tf.sum(tf.mul(batch.r, perSample)) as tf.Scalar;
    if (!withGradient) return { loss: value };
    let d: tf.Tensor = tf.sub(tf.mul(p, batch.r), batch.T);
    if (factor) d = tf.mul(d, factor);
    if (s !== 1) d = tf.mul(d, s);
    return { loss: value, dLogits: d as tf.Tensor2D };
  });
}

export type ConfusionMetric = 'f1' | 'gmean' | 'balanced-accuracy';

/**
 * AnyLoss-style confusion-matrix loss: probabilities are amplified towards 0/1,
 * p̂ = σ(L·(p − ½)), and a soft one-vs-rest confusion matrix per class is built from them,
 * TP_c = Σ_i O_ic p̂_ic, FN_c = Σ_i O_ic (1 − p̂_ic), FP_c = Σ_i (1 − O_ic) p̂_ic; the loss is
 * 1 − metric with metric = macro F1 (2TP / (2TP + FP + FN)), G-mean ((Π_c recall_c)^{1/C}) or
 * balanced accuracy (mean recall). Classes absent from the batch are left out. Batch-level: its
 * gradient couples the rows of a batch (see {@link confusionLossHead}).
 * @see Han, Lee & Kim 2024, AnyLoss: Transforming Classification Metrics into Loss Functions, KDD
 */
export function confusionLoss(logits: tf.Tensor2D, O: tf.Tensor2D, metric: ConfusionMetric, amplification: number): tf.Scalar {
  return tf.tidy(() => {
    const p = tf.softmax(logits);
    const ph = tf.sigmoid(tf.mul(amplification, tf.sub(p, 0.5)));
    const tp = tf.sum(tf.mul(O, ph), 0);
    const pos = tf.sum(O, 0);
    const present = tf.cast(tf.greater(pos, 0), 'float32');
    const nPresent = tf.maximum(tf.sum(present), 1);
    const recall = tf.div(tp, tf.maximum(pos, 1e-12));
    let value: tf.Tensor;
    if (metric === 'f1') {
      const fp = tf.sum(tf.mul(tf.sub(1, O), ph), 0);
      const fn = tf.sub(pos, tp);
      const f1 = tf.div(tf.mul(2, tp), tf.maximum(tf.add(tf.add(tf.mul(2, tp), fp), fn), 1e-12));
      value = tf.div(tf.sum(tf.mul(f1, present)), nPresent);
    } else if (metric === 'balanced-accuracy') {
      value = tf.div(tf.sum(tf.mul(recall, present)), nPresent);
    } else {
      // Geometric mean over present classes, in log space; recalls floored so log stays finite.
      const logs = tf.mul(tf.log(tf.maximum(recall, 1e-7)), present);
      value = tf.exp(tf.div(tf.sum(logs), nPresent));
    }
    return tf.sub(1, value) as tf.Scalar;
  });
}

/**
 * {loss, ∂loss/∂logits} of {@link confusionLoss}, the gradient in closed form (the training step
 * runs inside a custom gradient, where nested autodiff is not recorded). With p̂ = σ(L(p − ½)),
 * K present classes, D_c = TP_c + FP_c + P_c (P_c = positives of class c):
 *   balanced accuracy: ∂M/∂p̂_ic = O_ic / (K P_c)
 *   macro F1:          ∂M/∂p̂_ic = (1/K)·[O_ic·2(D_c − TP_c)/D_c² − (1 − O_ic)·2TP_c/D_c²]
 *   G-mean:            ∂M/∂p̂_ic = M·O_ic / (K·TP_c)   (0 where the recall sits at its floor)
 * then ∂L/∂p = −∂M/∂p̂ · L p̂(1 − p̂) and the softmax backward ∂L/∂z_i = p_i ⊙ (g_i − ⟨g_i, p_i⟩).
 * Tidy; the caller owns the results.
 */
export function confusionLossHead(logits: tf.Tensor2D, O: tf.Tensor2D, metric: ConfusionMetric, amplification: number, withGradient: boolean): { loss: tf.Scalar; dLogits?: tf.Tensor2D } {
  return tf.tidy(() => {
    const loss = confusionLoss(logits, O, metric, amplification);
    if (!withGradient) return { loss };
    const p = tf.softmax(logits);
    const ph = tf.sigmoid(tf.mul(amplification, tf.sub(p, 0.5)));
    const tp = tf.sum(tf.mul(O, ph), 0, true);
    const pos = tf.sum(O, 0, true);
    const present = tf.cast(tf.greater(pos, 0), 'float32');
    const K = tf.maximum(tf.sum(present), 1);
    let dM: tf.Tensor;
    if (metric === 'balanced-accuracy') {
      dM = tf.div(tf.mul(O, present), tf.mul(K, tf.maximum(pos, 1e-12)));
    } else if (metric === 'f1') {
      const fp = tf.sum(tf.mul(tf.sub(1, O), ph), 0, true);
      const D = tf.maximum(tf.add(tf.add(tp, fp), pos), 1e-12);
      const D2 = tf.square(D);
      const dTp = tf.div(tf.mul(2, tf.sub(D, tp)), D2);
      const dFp = tf.neg(tf.div(tf.mul(2, tp), D2));
      dM = tf.div(tf.mul(tf.add(tf.mul(O, dTp), tf.mul(tf.sub(1, O), dFp)), present), K);
    } else {
      const recall = tf.div(tp, tf.maximum(pos, 1e-12));
      const live = tf.mul(present, tf.cast(tf.greater(recall, 1e-7), 'float32'));
      const M = tf.sub(1, loss);
      dM = tf.div(tf.mul(tf.mul(O, live), M), tf.mul(K, tf.maximum(tp, 1e-30)));
    }
    const g = tf.mul(tf.neg(dM), tf.mul(amplification, tf.mul(ph, tf.sub(1, ph))));
    const dz = tf.mul(p, tf.sub(g, tf.sum(tf.mul(g, p), 1, true)));
    return { loss, dLogits: dz as tf.Tensor2D };
  });
}
