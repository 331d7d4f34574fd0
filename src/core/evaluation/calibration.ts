/**
 * Data behind the calibration view: reliability diagrams and ECE of each method, before and after
 * prior correction. Rebalancing (resampling, class weights) shifts the predicted probabilities
 * towards the minority classes; dividing by the training priors shows how much of the
 * miscalibration is that shift.
 */
import { ConfigError } from '../errors';
import { expectedCalibrationError } from '../metrics';
import type { ReliabilityBin } from '../metrics';
import { logitAdjustScores } from '../posthoc/adjust';
import type { ScoredMethod } from './scoredMethod';
import { checkScoredMethods } from './scoredMethod';

export interface CalibrationSeries {
  index: number;
  label: string;
  /** ECE of the scores as given. */
  ece: number;
  bins: ReliabilityBin[];
  /** ECE and bins after prior correction (p′_k ∝ p_k / π_k). */
  corrected: { ece: number; bins: ReliabilityBin[] };
}

/**
 * Reliability diagram and expected calibration error of each method's scores,
 * ECE = Σ_b (|B_b| / n) · |acc(B_b) − conf(B_b)| over `bins` equal-width confidence bins
 * (confidence = max probability, prediction = argmax), and the same for the prior-corrected scores
 * p′_k = (p_k / π_k) / Σ_j (p_j / π_j), π = training class priors (logit adjustment with τ = 1).
 * Prior correction is computed in single precision (the post-hoc module works on Float32Array).
 *
 * @param trainCounts training rows per class (the priors π); a class with 0 rows counts as 0.5.
 * @param bins number of equal-width bins, default 15.
 * @throws ConfigError on bad labels, score lengths, bins, or trainCounts without nClasses entries.
 * @throws DataError on a non-finite score or training counts that sum to 0.
 * @see Guo et al. 2017, "On calibration of modern neural networks", ICML
 * @see Naeini, Cooper & Hauskrecht 2015, "Obtaining well calibrated probabilities using Bayesian binning", AAAI
 * @see Buda, Maki & Mazurowski 2018, "A systematic study of the class imbalance problem in
 *   convolutional neural networks", Neural Networks 106
 */
export function calibrationView(methods: readonly ScoredMethod[], nClasses: number, trainCounts: readonly number[], bins = 15): CalibrationSeries[] {
  checkScoredMethods(methods, nClasses);
  if (trainCounts.length !== nClasses) {
    throw new ConfigError(`trainCounts must hold one count per class (${nClasses}). Got ${trainCounts.length} counts instead.`, 'trainCounts');
  }
  return methods.map((m) => {
    const raw = expectedCalibrationError(m.yTrue, m.scores, nClasses, bins);
    const scores32 = m.scores instanceof Float32Array ? m.scores : Float32Array.from(m.scores);
    const corrected = expectedCalibrationError(m.yTrue, logitAdjustScores(scores32, trainCounts, 1), nClasses, bins);
    return { index: m.index, label: m.label, ece: raw.ece, bins: raw.bins, corrected: { ece: corrected.ece, bins: corrected.bins } };
  });
}
