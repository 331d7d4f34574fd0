/**
 * Metrics of the predicted probabilities themselves (not just their ranking or argmax): Brier
 * score, log loss and expected calibration error with its reliability diagram.
 *
 * All take class indices `yTrue` and row-major per-class probabilities `scores` of length n·C.
 */
import { ConfigError, got } from '../errors';
import type { LabelArray, ScoreArray } from './validate';
import { checkLabelsAndScores } from './validate';

/** One bin of a reliability diagram. */
export interface ReliabilityBin {
  /** Lower edge (exclusive). */
  lo: number;
  /** Upper edge (inclusive). */
  hi: number;
  /** Rows whose confidence falls in (lo, hi]. */
  count: number;
  /** Mean confidence (max probability) of those rows; NaN when the bin is empty. */
  confidence: number;
  /** Fraction of those rows whose argmax is the true class; NaN when the bin is empty. */
  accuracy: number;
}

export interface CalibrationResult {
  /** Expected calibration error, in [0, 1]. */
  ece: number;
  bins: ReliabilityBin[];
}

export interface LogLossOptions {
  /**
   * Probabilities are clipped to [eps, 1 − eps] before the log. `'auto'` (default) is the machine
   * epsilon of the input's dtype, as scikit-learn 1.2.1's `eps="auto"`: 2⁻²³ for a Float32Array,
   * 2⁻⁵² otherwise. Pass 1e-15 for scikit-learn < 1.2.
   */
  eps?: number | 'auto';
}

/**
 * Multi-class Brier score = (1/n) Σ_i Σ_k (p_ik − 1[y_i = k])², in [0, 2]. This is Brier's
 * original definition; for C = 2 it is twice scikit-learn's `brier_score_loss` on the positive
 * class.
 *
 * @throws ConfigError on empty input, wrong lengths, `nClasses < 2` or labels out of range.
 * @throws DataError on a non-finite score.
 * @see Brier 1950, "Verification of forecasts expressed in terms of probability"
 */
export function brierMulticlass(yTrue: LabelArray, scores: ScoreArray, nClasses: number): number {
  checkLabelsAndScores(yTrue, scores, nClasses);
  const n = yTrue.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let k = 0; k < nClasses; k++) {
      const d = scores[i * nClasses + k] - (yTrue[i] === k ? 1 : 0);
      row += d * d;
    }
    total += row;
  }
  return total / n;
}

/**
 * Log loss (cross-entropy) = −(1/n) Σ_i log p̃_{i,y_i}, where each row is clipped to
 * [eps, 1 − eps] and renormalised to sum to 1 (p̃_ik = clip(p_ik) / Σ_j clip(p_ij)), exactly as
 * scikit-learn 1.2.1 `log_loss(labels=range(C))`. The clipping keeps a confident mistake (p = 0 on
 * the true class) finite: it costs −log(eps) ≈ 36 with the default eps.
 *
 * @throws ConfigError on empty input, wrong lengths, `nClasses < 2`, labels out of range or an
 *   eps outside (0, 0.5).
 * @throws DataError on a non-finite score.
 * @see Good 1952, "Rational decisions"; scikit-learn 1.2.1 `log_loss`
 */
export function logLoss(yTrue: LabelArray, scores: ScoreArray, nClasses: number, opts: LogLossOptions = {}): number {
  checkLabelsAndScores(yTrue, scores, nClasses);
  const epsOpt = opts.eps ?? 'auto';
  const eps = epsOpt === 'auto' ? (scores instanceof Float32Array ? 2 ** -23 : 2 ** -52) : epsOpt;
  if (typeof eps !== 'number' || !(eps > 0 && eps < 0.5)) {
    throw new ConfigError(`eps must be 'auto' or a number in (0, 0.5). Got ${got(epsOpt)} instead.`, 'eps');
  }
  const clip = (p: number): number => (p < eps ? eps : p > 1 - eps ? 1 - eps : p);
  const n = yTrue.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const off = i * nClasses;
    let rowSum = 0;
    for (let k = 0; k < nClasses; k++) rowSum += clip(scores[off + k]);
    total += -Math.log(clip(scores[off + yTrue[i]]) / rowSum);
  }
  return total / n;
}

/**
 * Expected calibration error with equal-width confidence bins:
 * ECE = Σ_b (|B_b| / n) · |acc(B_b) − conf(B_b)|, where a row's confidence is its maximum
 * probability, its prediction the argmax (first on ties), and bin b = (b/B, (b+1)/B] (edges as
 * `numpy.linspace(0, 1, B + 1)`). Also returns every bin for a reliability diagram.
 * A row whose confidence is outside (0, 1] (not a probability) lies in no bin but still counts in n.
 *
 * @param bins number of bins, default 15.
 * @throws ConfigError on empty input, wrong lengths, `nClasses < 2`, labels out of range or
 *   `bins` not a positive integer.
 * @throws DataError on a non-finite score.
 * @see Naeini, Cooper & Hauskrecht 2015, "Obtaining well calibrated probabilities using Bayesian
 *   binning"; Guo et al. 2017, "On calibration of modern neural networks"
 */
export function expectedCalibrationError(
  yTrue: LabelArray,
  scores: ScoreArray,
  nClasses: number,
  bins = 15,
): CalibrationResult {
  checkLabelsAndScores(yTrue, scores, nClasses);
  if (!Number.isInteger(bins) || bins < 1) {
    throw new ConfigError(`bins must be a positive integer. Got ${got(bins)} instead.`, 'bins');
  }
  const n = yTrue.length;
  const conf = new Float64Array(n);
  const correct = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const off = i * nClasses;
    let best = 0;
    for (let k = 1; k < nClasses; k++) if (scores[off + k] > scores[off + best]) best = k;
    conf[i] = scores[off + best];
    correct[i] = best === yTrue[i] ? 1 : 0;
  }
  const step = 1 / bins;
  const edges: number[] = [];
  for (let b = 0; b <= bins; b++) edges.push(b === bins ? 1 : b * step);
  const out: ReliabilityBin[] = [];
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const lo = edges[b];
    const hi = edges[b + 1];
    let count = 0;
    let confSum = 0;
    let accSum = 0;
    for (let i = 0; i < n; i++) {
      if (conf[i] > lo && conf[i] <= hi) {
        count++;
        confSum += conf[i];
        accSum += correct[i];
      }
    }
    const confidence = count > 0 ? confSum / count : NaN;
    const acc = count > 0 ? accSum / count : NaN;
    if (count > 0) ece += Math.abs(acc - confidence) * (count / n);
    out.push({ lo, hi, count, confidence, accuracy: acc });
  }
  return { ece, bins: out };
}

/** Short alias of `expectedCalibrationError`. @see expectedCalibrationError */
export const ece = expectedCalibrationError;
