/**
 * Post-hoc adjustments of a trained classifier's probabilities: they change the decision, not the
 * model, so they cost nothing to try (Buda et al. 2018; Menon et al. 2021). Each returns new
 * row-major n × C probabilities; inputs are never mutated.
 */
import { ConfigError, DataError, got } from '../errors';

/** Renormalises each row of w ⊙ p (w_c > 0). */
function reweightRows(scores: Float32Array, C: number, w: readonly number[]): Float32Array {
  const out = new Float32Array(scores.length);
  for (let o = 0; o < scores.length; o += C) {
    let s = 0;
    for (let c = 0; c < C; c++) s += (out[o + c] = scores[o + c] * w[c]);
    if (s > 0) for (let c = 0; c < C; c++) out[o + c] /= s;
  }
  return out;
}

function priorsOf(trainCounts: readonly number[]): number[] {
  const n = trainCounts.reduce((a, b) => a + b, 0);
  if (n === 0 || trainCounts.some((c) => !(c >= 0))) throw new DataError(`Training class counts must be non-negative with at least one row. Got ${got(trainCounts)} instead.`);
  return trainCounts.map((c) => Math.max(c, 0.5) / n);
}

/**
 * Post-hoc logit adjustment: log p′_c = log p_c − τ log π_c + const, i.e. p′_c ∝ p_c / π_c^τ with
 * π the training class priors. τ = 1 is prior correction — the Bayes rule for balanced error,
 * turning p(y|x) under the training priors into p(y|x) under uniform priors (Buda et al.'s
 * thresholding by priors); τ = 0 leaves the scores unchanged.
 * @see Menon, Jayasumana, Rawat, Jain, Veit & Kumar 2021, Long-Tail Learning via Logit Adjustment, ICLR
 * @see Buda, Maki & Mazurowski 2018, A systematic study of the class imbalance problem in convolutional neural networks, Neural Networks 106
 */
export function logitAdjustScores(scores: Float32Array, trainCounts: readonly number[], tau: number): Float32Array {
  if (!(Number.isFinite(tau) && tau >= 0 && tau <= 3)) throw new ConfigError(`tau must be a number between 0 and 3. Got ${got(tau)} instead.`, 'tau');
  const C = trainCounts.length;
  return reweightRows(scores, C, priorsOf(trainCounts).map((p) => p ** -tau));
}

export type ThresholdObjective = 'f1' | 'gmean' | 'balanced-accuracy';

/** The objective for a binary decision with counts tp, fn, fp, tn (positive = the minority class). */
function objectiveValue(o: ThresholdObjective, tp: number, fn: number, fp: number, tn: number): number {
  const tpr = tp + fn > 0 ? tp / (tp + fn) : 0;
  const tnr = tn + fp > 0 ? tn / (tn + fp) : 0;
  if (o === 'f1') return 2 * tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
  if (o === 'gmean') return Math.sqrt(tpr * tnr);
  return (tpr + tnr) / 2;
}

/**
 * The threshold t on the positive class's score that maximises `objective` on (scores, y):
 * every distinct score is a candidate (predict positive iff score ≥ t), ties broken towards the
 * threshold closest to 0.5. Binary only.
 * @see Provost 2000, Machine learning from imbalanced data sets 101, AAAI workshop; Zou et al. 2016, Finding the best classification threshold in imbalanced classification, Big Data Research 5
 * @throws DataError when the data has no positive or no negative row.
 */
export function chooseThreshold(scores: Float32Array, y: Int32Array, positive: number, objective: ThresholdObjective): { threshold: number; value: number } {
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b * 2 + positive] - scores[a * 2 + positive]);
  const P = y.reduce((a, v) => a + (v === positive ? 1 : 0), 0);
  const N = n - P;
  if (P === 0 || N === 0) throw new DataError(`Choosing a threshold needs validation rows of both classes. Got ${P} positive and ${N} negative rows instead; raise the validation fraction.`);
  let best = { threshold: 0.5, value: objectiveValue(objective, 0, P, 0, N) };
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (y[i] === positive) tp++;
    else fp++;
    const s = scores[i * 2 + positive];
    if (k + 1 < n && scores[order[k + 1] * 2 + positive] === s) continue;
    const v = objectiveValue(objective, tp, P - tp, fp, N - fp);
    if (v > best.value + 1e-12 || (Math.abs(v - best.value) <= 1e-12 && Math.abs(s - 0.5) < Math.abs(best.threshold - 0.5))) best = { threshold: s, value: v };
  }
  return best;
}

/**
 * Binary scores rescaled so that the argmax decision becomes "positive iff p ≥ t": the odds are
 * multiplied by (1 − t)/t, a monotone map, so rankings (ROC, PR) are unchanged and p = t maps to ½.
 */
export function applyThreshold(scores: Float32Array, positive: number, threshold: number): Float32Array {
  const t = Math.min(Math.max(threshold, 1e-6), 1 - 1e-6);
  const k = (1 - t) / t;
  const out = new Float32Array(scores.length);
  for (let o = 0; o < scores.length; o += 2) {
    const p = scores[o + positive];
    const q = (p * k) / (p * k + (1 - p));
    out[o + positive] = q;
    out[o + 1 - positive] = 1 - q;
  }
  return out;
}
