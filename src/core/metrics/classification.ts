/**
 * Threshold metrics computed from a confusion matrix (rows = truth, columns = prediction, as
 * returned by `confusionMatrix`). Taking the matrix rather than label arrays lets a caller count
 * once and derive every number from the same table.
 *
 * Zero division follows scikit-learn's `zero_division=0`: a ratio whose denominator is 0 is 0.
 * Averages over classes use the classes scikit-learn would use by default, i.e. those present in
 * the truth or the predictions (`unique_labels(y_true, y_pred)`): a class that appears in neither
 * contributes nothing, rather than a 0 that would only reflect the split.
 */
import { ConfigError } from '../errors';
import { checkConfusion } from './confusion';
import { checkClassIndex } from './validate';

/** Per-class one-vs-rest counts and ratios. */
export interface PerClassMetrics {
  /** TP / (TP + FP); 0 when the class is never predicted. */
  precision: number;
  /** TP / (TP + FN) (sensitivity); 0 when the class has no true samples. */
  recall: number;
  /** 2PR / (P + R); 0 when P + R = 0. */
  f1: number;
  /** TN / (TN + FP); 0 when every sample belongs to the class. */
  specificity: number;
  /** Number of true samples of the class (TP + FN). */
  support: number;
}

type Cm = readonly (readonly number[])[];

function div(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

interface Sums {
  c: number;
  n: number;
  tp: number[];
  trueSum: number[];
  predSum: number[];
}

function sums(cm: Cm): Sums {
  const c = checkConfusion(cm);
  const tp = new Array<number>(c).fill(0);
  const trueSum = new Array<number>(c).fill(0);
  const predSum = new Array<number>(c).fill(0);
  let n = 0;
  for (let i = 0; i < c; i++) {
    tp[i] = cm[i][i];
    for (let j = 0; j < c; j++) {
      trueSum[i] += cm[i][j];
      predSum[j] += cm[i][j];
      n += cm[i][j];
    }
  }
  return { c, n, tp, trueSum, predSum };
}

/** Classes present in the truth or the predictions (scikit-learn's default `labels`). */
function presentClasses(s: Sums): number[] {
  const out: number[] = [];
  for (let k = 0; k < s.c; k++) if (s.trueSum[k] > 0 || s.predSum[k] > 0) out.push(k);
  return out;
}

/**
 * F1 exactly as scikit-learn 1.2.1 evaluates F-beta with beta = 1:
 * `(1 + β²) · P · R / (β² · P + R)`, with the denominator replaced by 1 when it is 0.
 */
function f1FromPR(p: number, r: number): number {
  let denom = p + r;
  if (denom === 0) denom = 1;
  return (2 * p * r) / denom;
}

/**
 * Accuracy = trace(C) / n. Misleading under imbalance (a classifier that always predicts the
 * majority of a 95:5 set scores 0.95), which is why it is shown next to the balanced metrics.
 *
 * @throws ConfigError if `cm` is not a square count matrix of at least 2x2 with a positive total.
 * @see scikit-learn 1.2.1 `accuracy_score`
 */
export function accuracy(cm: Cm): number {
  const s = sums(cm);
  let correct = 0;
  for (let k = 0; k < s.c; k++) correct += s.tp[k];
  return correct / s.n;
}

/**
 * Balanced accuracy = mean over classes with at least one true sample of recall_k = C[k][k] / Σ_j C[k][j].
 * Classes absent from the truth are skipped (scikit-learn drops their NaN recall).
 *
 * @throws ConfigError on a malformed confusion matrix.
 * @see Brodersen et al. 2010, "The balanced accuracy and its posterior distribution"
 * @see scikit-learn 1.2.1 `balanced_accuracy_score` (adjusted=False)
 */
export function balancedAccuracy(cm: Cm): number {
  const s = sums(cm);
  let total = 0;
  let count = 0;
  for (let k = 0; k < s.c; k++) {
    if (s.trueSum[k] > 0) {
      total += s.tp[k] / s.trueSum[k];
      count++;
    }
  }
  return total / count;
}

/**
 * Per-class precision, recall, F1, specificity and support (one-vs-rest), for every class
 * 0..C-1, zero division = 0. Specificity_k = TN_k / (TN_k + FP_k) with
 * TN_k = n − (TP_k + FP_k + FN_k).
 *
 * @throws ConfigError on a malformed confusion matrix.
 * @see scikit-learn 1.2.1 `precision_recall_fscore_support(average=None, zero_division=0)`
 * @see imbalanced-learn 0.10 `sensitivity_specificity_support(average=None)` for specificity
 */
export function perClassMetrics(cm: Cm): PerClassMetrics[] {
  const s = sums(cm);
  const out: PerClassMetrics[] = [];
  for (let k = 0; k < s.c; k++) {
    const precision = div(s.tp[k], s.predSum[k]);
    const recall = div(s.tp[k], s.trueSum[k]);
    const tn = s.n - (s.predSum[k] + s.trueSum[k] - s.tp[k]);
    const fp = s.predSum[k] - s.tp[k];
    out.push({
      precision,
      recall,
      f1: f1FromPR(precision, recall),
      specificity: div(tn, tn + fp),
      support: s.trueSum[k],
    });
  }
  return out;
}

/** Per-class precision TP_k / (TP_k + FP_k), 0 for a class never predicted. @see perClassMetrics */
export function precisionPerClass(cm: Cm): number[] {
  return perClassMetrics(cm).map((m) => m.precision);
}

/** Per-class recall TP_k / (TP_k + FN_k), 0 for a class with no true samples. @see perClassMetrics */
export function recallPerClass(cm: Cm): number[] {
  return perClassMetrics(cm).map((m) => m.recall);
}

/** Per-class F1 = 2 P_k R_k / (P_k + R_k), 0 when both are 0. @see perClassMetrics */
export function f1PerClass(cm: Cm): number[] {
  return perClassMetrics(cm).map((m) => m.f1);
}

/** Per-class specificity TN_k / (TN_k + FP_k). @see perClassMetrics */
export function specificityPerClass(cm: Cm): number[] {
  return perClassMetrics(cm).map((m) => m.specificity);
}

/** Per-class support (number of true samples). @see perClassMetrics */
export function supportPerClass(cm: Cm): number[] {
  return perClassMetrics(cm).map((m) => m.support);
}

/**
 * Macro F1 = unweighted mean of F1_k over the classes present in the truth or the predictions.
 * Every class counts the same, so a tail class that is never predicted pulls it down hard.
 *
 * @throws ConfigError on a malformed confusion matrix.
 * @see scikit-learn 1.2.1 `f1_score(average="macro", zero_division=0)`
 */
export function f1Macro(cm: Cm): number {
  const s = sums(cm);
  const per = perClassMetrics(cm);
  const present = presentClasses(s);
  let total = 0;
  for (const k of present) total += per[k].f1;
  return total / present.length;
}

/**
 * Weighted F1 = Σ_k support_k · F1_k / Σ_k support_k. Dominated by the head classes.
 *
 * @throws ConfigError on a malformed confusion matrix.
 * @see scikit-learn 1.2.1 `f1_score(average="weighted", zero_division=0)`
 */
export function f1Weighted(cm: Cm): number {
  const s = sums(cm);
  const per = perClassMetrics(cm);
  let total = 0;
  for (let k = 0; k < s.c; k++) total += per[k].f1 * s.trueSum[k];
  return total / s.n;
}

/**
 * F1 of one class (scikit-learn's `average="binary"`), by default class 1 — the positive class of
 * a binary problem.
 *
 * @throws ConfigError on a malformed confusion matrix or a `positiveClass` outside 0..C-1.
 * @see scikit-learn 1.2.1 `f1_score(average="binary", pos_label=1, zero_division=0)`
 */
export function f1Positive(cm: Cm, positiveClass = 1): number {
  const per = perClassMetrics(cm);
  checkClassIndex(positiveClass, per.length, 'positiveClass');
  return per[positiveClass].f1;
}

/**
 * Multi-class G-mean = (Π_k recall_k)^(1/K) over the K classes present in the truth or the
 * predictions, computed as exp(mean(log recall_k)) like `scipy.stats.gmean`. A single class with
 * recall 0 makes it 0 (imbalanced-learn's default `correction=0`).
 *
 * @throws ConfigError on a malformed confusion matrix.
 * @see Kubat & Matwin 1997, "Addressing the curse of imbalanced training sets: one-sided selection"
 * @see imbalanced-learn 0.10 `geometric_mean_score(average="multiclass")`
 */
export function gmeanMulticlass(cm: Cm): number {
  const s = sums(cm);
  const present = presentClasses(s);
  let logSum = 0;
  for (const k of present) logSum += Math.log(div(s.tp[k], s.trueSum[k]));
  return Math.exp(logSum / present.length);
}

/**
 * Binary G-mean = √(sensitivity · specificity), where sensitivity is the recall of class 1 and
 * specificity the recall of class 0 (zero division = 0).
 *
 * @throws ConfigError unless `cm` is a 2x2 count matrix.
 * @see Kubat & Matwin 1997
 * @see imbalanced-learn 0.10 `geometric_mean_score(average="binary", pos_label=1)`
 */
export function gmeanBinary(cm: Cm): number {
  const s = sums(cm);
  if (s.c !== 2) {
    throw new ConfigError(`gmeanBinary needs a 2x2 confusion matrix. Got ${s.c}x${s.c} instead.`, 'confusion');
  }
  const sensitivity = div(s.tp[1], s.trueSum[1]);
  const specificity = div(s.tp[0], s.trueSum[0]);
  return Math.sqrt(sensitivity * specificity);
}

/**
 * Matthews correlation coefficient, multi-class (R_K) form:
 * MCC = (c·s − Σ_k p_k t_k) / √((s² − Σ_k p_k²)(s² − Σ_k t_k²)), with c = trace, s = n,
 * t_k = true count and p_k = predicted count of class k. 0 when either factor under the root is 0
 * (all predictions, or all truths, in one class).
 *
 * @throws ConfigError on a malformed confusion matrix.
 * @see Gorodkin 2004, "Comparing two K-category assignments by a K-category correlation coefficient"
 * @see Matthews 1975; scikit-learn 1.2.1 `matthews_corrcoef`
 */
export function mcc(cm: Cm): number {
  const s = sums(cm);
  let nCorrect = 0;
  let tp = 0;
  let pp = 0;
  let tt = 0;
  for (let k = 0; k < s.c; k++) {
    nCorrect += s.tp[k];
    tp += s.trueSum[k] * s.predSum[k];
    pp += s.predSum[k] * s.predSum[k];
    tt += s.trueSum[k] * s.trueSum[k];
  }
  const n = s.n;
  const covYtYp = nCorrect * n - tp;
  const covYpYp = n * n - pp;
  const covYtYt = n * n - tt;
  if (covYpYp * covYtYt === 0) return 0;
  return covYtYp / Math.sqrt(covYtYt * covYpYp);
}

/**
 * Cohen's kappa: agreement of predictions with the truth beyond chance,
 * κ = (p_o − p_e) / (1 − p_e), p_o = trace / n, p_e = Σ_k t_k p_k / n² (t_k, p_k: true and
 * predicted counts of class k). NaN when p_e = 1 (every truth and prediction in one class), as
 * scikit-learn.
 *
 * @throws ConfigError on a malformed confusion matrix.
 * @see Cohen 1960, "A coefficient of agreement for nominal scales"; scikit-learn 1.2.1 `cohen_kappa_score`
 */
export function cohenKappa(cm: Cm): number {
  const s = sums(cm);
  let trace = 0;
  let chance = 0;
  for (let k = 0; k < s.c; k++) {
    trace += s.tp[k];
    chance += s.trueSum[k] * s.predSum[k];
  }
  const po = trace / s.n;
  const pe = chance / (s.n * s.n);
  return pe === 1 ? NaN : (po - pe) / (1 - pe);
}

/**
 * Index of balanced accuracy of the G-mean (García, Mollineda & Sánchez 2009), as imbalanced-learn
 * computes it: IBA_α(G²) = (1 + α · (sensitivity − specificity)) · G², α = 0.1 by default.
 * 'binary': G = √(TPR · TNR) with class 1 positive, sensitivity = TPR, specificity = TNR.
 * 'multiclass': G = the multi-class G-mean, sensitivity and specificity averaged over the classes
 * present (macro). The dominance term rewards a method for being right on the positive (minority)
 * class rather than on the majority at equal G-mean.
 *
 * @throws ConfigError on a malformed confusion matrix, or 'binary' for more than two classes.
 * @see García, Mollineda & Sánchez 2009, "Index of balanced accuracy: a performance measure for
 *   skewed class distributions", IbPRIA; imbalanced-learn 0.10
 *   `make_index_balanced_accuracy(alpha=0.1, squared=True)(geometric_mean_score)`
 */
export function indexBalancedAccuracy(cm: Cm, average: 'binary' | 'multiclass' = 'multiclass', alpha = 0.1): number {
  const s = sums(cm);
  if (average === 'binary') {
    const g = gmeanBinary(cm);
    const tpr = div(s.tp[1], s.trueSum[1]);
    const tnr = div(s.tp[0], s.trueSum[0]);
    return (1 + alpha * (tpr - tnr)) * g * g;
  }
  const present = presentClasses(s);
  const spec = specificityPerClass(cm);
  let sens = 0;
  let sp = 0;
  for (const k of present) {
    sens += div(s.tp[k], s.trueSum[k]);
    sp += spec[k];
  }
  const g = gmeanMulticlass(cm);
  return (1 + alpha * ((sens - sp) / present.length)) * g * g;
}
