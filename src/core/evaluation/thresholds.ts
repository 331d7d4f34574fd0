/**
 * Binary threshold explorer (in the spirit of the What-If Tool): the confusion matrix and metrics
 * at any threshold, the cost-optimal threshold, and Drummond & Holte cost curves.
 */
import { ConfigError, got } from '../errors';
import { accuracy, balancedAccuracy, gmeanMulticlass, mcc, perClassMetrics } from '../metrics';
import { checkClass, checkCostRatio, checkLabelsScores } from './scoredMethod';

export interface OperatingPoint {
  threshold: number;
  /** 2×2 counts in class-index order: rows = true class, columns = predicted class. */
  confusion: number[][];
  /** TP / P (0 when there is no positive). */
  tpr: number;
  /** FP / N (0 when there is no negative). */
  fpr: number;
  /** TP / (TP + FP); 0 when nothing is predicted positive (scikit-learn's zero_division=0). */
  precision: number;
  /** Same as tpr. */
  recall: number;
  /** F1 of the positive class. */
  f1: number;
  accuracy: number;
  balancedAccuracy: number;
  /** G-mean of the class recalls, √(TPR · TNR) when both classes are present. */
  gmean: number;
  mcc: number;
}

function checkBinaryInput(yTrue: ArrayLike<number>, scores: ArrayLike<number>, positiveClass: number): void {
  checkLabelsScores(yTrue, scores, 2, '');
  checkClass(positiveClass, 2, 'positiveClass');
}

/**
 * Confusion matrix and metrics of the rule "predict `positiveClass` iff its probability ≥
 * threshold, else the other class" on binary scores (n × 2). TPR = TP/P, FPR = FP/N,
 * precision = TP/(TP + FP), F1 = 2PR/(P + R), accuracy, balanced accuracy, G-mean and MCC come
 * from the metrics module's confusion-matrix functions (zero division = 0 throughout).
 *
 * @param threshold any number but NaN (+Infinity predicts nothing positive, −Infinity everything).
 * @throws ConfigError on an empty set, labels other than 0/1, scores not n × 2, a positiveClass
 *   other than 0/1 or a NaN threshold.
 * @throws DataError on a non-finite score.
 * @see Fawcett 2006, "An introduction to ROC analysis", Pattern Recognition Letters 27
 * @see Wexler et al. 2020, "The What-If Tool: interactive probing of machine learning models", IEEE TVCG 26
 */
export function operatingPoint(
  yTrue: ArrayLike<number>,
  scores: Float32Array | Float64Array,
  positiveClass: number,
  threshold: number,
): OperatingPoint {
  checkBinaryInput(yTrue, scores, positiveClass);
  if (typeof threshold !== 'number' || Number.isNaN(threshold)) {
    throw new ConfigError(`threshold must be a number (±Infinity allowed). Got ${got(threshold)} instead.`, 'threshold');
  }
  const neg = 1 - positiveClass;
  const confusion = [
    [0, 0],
    [0, 0],
  ];
  for (let i = 0; i < yTrue.length; i++) confusion[yTrue[i]][scores[i * 2 + positiveClass] >= threshold ? positiveClass : neg]++;
  const fp = confusion[neg][positiveClass];
  const tn = confusion[neg][neg];
  const pos = perClassMetrics(confusion)[positiveClass];
  return {
    threshold,
    confusion,
    tpr: pos.recall,
    fpr: fp + tn > 0 ? fp / (fp + tn) : 0,
    precision: pos.precision,
    recall: pos.recall,
    f1: pos.f1,
    accuracy: accuracy(confusion),
    balancedAccuracy: balancedAccuracy(confusion),
    gmean: gmeanMulticlass(confusion),
    mcc: mcc(confusion),
  };
}

/** Relative tolerance under which two total costs count as tied (FP + c·FN is rounded for non-integer c). */
const COST_TIE_TOL = 1e-12;

/**
 * The threshold t minimising the total misclassification cost FP(t) + costFnOverFp · FN(t) on
 * these rows (c(FP) = 1), with "predict positive iff score ≥ t". Candidates are the distinct
 * positive-class scores and +Infinity (predict nothing positive); ties go to the higher
 * threshold. The returned cost is the total divided by n.
 *
 * Pick it on validation rows: on the test rows it is optimistic.
 *
 * @throws ConfigError on bad input (see `operatingPoint`) or costFnOverFp not finite > 0.
 * @throws DataError on a non-finite score.
 * @see Elkan 2001, "The foundations of cost-sensitive learning", IJCAI
 * @see Sheng & Ling 2006, "Thresholding for making classifiers cost-sensitive", AAAI
 */
export function costOptimalThreshold(
  yTrue: ArrayLike<number>,
  scores: Float32Array | Float64Array,
  positiveClass: number,
  costFnOverFp: number,
): { threshold: number; cost: number } {
  checkBinaryInput(yTrue, scores, positiveClass);
  checkCostRatio(costFnOverFp);
  const n = yTrue.length;
  const score = (i: number): number => scores[i * 2 + positiveClass];
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score(b) - score(a));
  let positives = 0;
  for (let i = 0; i < n; i++) if (yTrue[i] === positiveClass) positives++;
  // Sweep the threshold down through the distinct scores; start above them all (nothing positive).
  let best = { threshold: Infinity, total: costFnOverFp * positives };
  let tp = 0;
  let fp = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    if (yTrue[i] === positiveClass) tp++;
    else fp++;
    if (r + 1 < n && score(order[r + 1]) === score(i)) continue;
    const total = fp + costFnOverFp * (positives - tp);
    // Strictly lower only: on a tie the higher threshold, met first, stays.
    if (total < best.total - COST_TIE_TOL * Math.max(1, best.total)) best = { threshold: score(i), total };
  }
  return { threshold: best.threshold, cost: best.total / n };
}

export interface CostCurve {
  /** Probability-cost values PC, evenly spaced from 0 to 1. */
  pc: number[];
  /** Pointwise minimum of every method's envelope (the trivial classifiers when there is none). */
  lowerEnvelope: number[];
  /** Each method's lower envelope: its expected cost at each PC with the best threshold for it. */
  methods: { index: number; label: string; envelope: number[] }[];
}

/**
 * Drummond & Holte cost curves. With probability-cost
 * PC = p·c(FN) / (p·c(FN) + (1 − p)·c(FP)), a ROC point (fpr, tpr) has normalised expected cost
 * NE(PC) = (1 − tpr)·PC + fpr·(1 − PC), a straight line; a method's envelope is the pointwise
 * minimum over its points and the trivial classifiers (0,0) (NE = PC) and (1,1) (NE = 1 − PC),
 * and is the dual of its ROC convex hull. Reading the curves at a PC tells how much better than
 * the trivial min(PC, 1 − PC) a method is, and where two methods cross.
 *
 * @param series ROC points of each method (e.g. `rocView(...).series`).
 * @param samples number of PC values (integer >= 2), default 101.
 * @throws ConfigError on a non-integer or too small `samples`, or a point outside [0, 1]².
 * @see Drummond & Holte 2006, "Cost curves: an improved method for visualizing classifier
 *   performance", Machine Learning 65
 */
export function costCurves(
  series: readonly { index: number; label: string; points: readonly { fpr: number; tpr: number }[] }[],
  samples = 101,
): CostCurve {
  if (!Number.isInteger(samples) || samples < 2) {
    throw new ConfigError(`samples must be an integer >= 2. Got ${got(samples)} instead.`, 'samples');
  }
  const pc = Array.from({ length: samples }, (_, i) => (i === samples - 1 ? 1 : i / (samples - 1)));
  const trivial = pc.map((x) => Math.min(x, 1 - x));
  const methods = series.map((s, si) => {
    const envelope = [...trivial];
    s.points.forEach((p, pi) => {
      for (const key of ['fpr', 'tpr'] as const) {
        if (!(p[key] >= 0 && p[key] <= 1)) {
          const field = `series[${si}].points[${pi}].${key}`;
          throw new ConfigError(`${field} must be a rate in [0, 1]. Got ${got(p[key])} instead.`, field);
        }
      }
      for (let i = 0; i < samples; i++) envelope[i] = Math.min(envelope[i], (1 - p.tpr) * pc[i] + p.fpr * (1 - pc[i]));
    });
    return { index: s.index, label: s.label, envelope };
  });
  const lowerEnvelope = trivial.map((t, i) => methods.reduce((lo, m) => Math.min(lo, m.envelope[i]), t));
  return { pc, lowerEnvelope, methods };
}
