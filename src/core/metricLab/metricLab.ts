/**
 * The metric lab: a hypothetical binary classifier with a fixed true-positive rate (TPR) and
 * false-positive rate (FPR) on the TRUE labels, evaluated against OBSERVED labels while the class
 * imbalance and the annotation noise change. Every metric is computed two ways:
 *
 *  - analytically, from the expected confusion matrix (fractions of the data):
 *      π = 1 / (1 + r) (positive prevalence at imbalance ratio 1:r), η = label-flip probability
 *      TP = π(1−η)·TPR + (1−π)η·FPR        FN = π(1−η)(1−TPR) + (1−π)η(1−FPR)
 *      FP = (1−π)(1−η)·FPR + πη·TPR        TN = (1−π)(1−η)(1−FPR) + πη(1−TPR)
 *    (each label is flipped independently with probability η, symmetric noise; the classifier's
 *    decision depends on the true class only);
 *  - by simulation: n rows drawn with the seeded generator, the same model, counted.
 *
 * Accuracy stays high while the positives vanish; MCC, F1 and PR AUC collapse; balanced accuracy
 * and G-mean stay flat without noise and fall with it — what the seed study of metric behaviour on
 * massively imbalanced, noisily labelled data (fraud) reports, with F1 and G-mean recommended there
 * and PR AUC / MCC preferred by others.
 * @see Jeni, Cohn & De la Torre 2013, Facing Imbalanced Data: Recommendations for the Use of Performance Metrics, ACII
 * @see Chicco & Jurman 2020, The advantages of the Matthews correlation coefficient (MCC) over F1 score and accuracy, BMC Genomics 21
 * @see Saito & Rehmsmeier 2015, The precision-recall plot is more informative than the ROC plot when evaluating binary classifiers on imbalanced datasets, PLoS ONE 10(3)
 */
import { ConfigError, got } from '../errors';
import type { Rng } from '../random';

export interface LabClassifier {
  /** P(predict positive | truly positive). */
  tpr: number;
  /** P(predict positive | truly negative). */
  fpr: number;
}

export interface LabSetting {
  /** Imbalance ratio r: one positive per r negatives (1 = balanced). */
  ratio: number;
  /** Probability that a row's observed label is flipped. */
  noise: number;
}

export const LAB_METRICS = ['accuracy', 'balancedAccuracy', 'precision', 'recall', 'f1', 'gmean', 'mcc', 'kappa', 'rocAuc', 'prAuc'] as const;
export type LabMetric = (typeof LAB_METRICS)[number];
export type LabMetrics = Record<LabMetric, number>;

/** A confusion matrix of the positive class as counts or fractions. */
export interface LabConfusion {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

/** @throws ConfigError naming the value out of range. */
export function checkLab(c: LabClassifier, s: LabSetting): void {
  for (const [name, v] of [['tpr', c.tpr], ['fpr', c.fpr], ['noise', s.noise]] as const) {
    if (!(Number.isFinite(v) && v >= 0 && v <= 1)) throw new ConfigError(`${name} must be a number between 0 and 1. Got ${got(v)} instead.`, name);
  }
  if (s.noise > 0.5) throw new ConfigError(`noise must be at most 0.5 (beyond it the labels mean the opposite). Got ${got(s.noise)} instead.`, 'noise');
  if (!(Number.isFinite(s.ratio) && s.ratio >= 1 && s.ratio <= 1e6)) throw new ConfigError(`ratio must be a number between 1 and 1,000,000 (1:r). Got ${got(s.ratio)} instead.`, 'ratio');
}

/** The expected confusion matrix against the observed labels, as fractions of the data (see the file comment). */
export function expectedConfusion(c: LabClassifier, s: LabSetting): LabConfusion {
  checkLab(c, s);
  const pi = 1 / (1 + s.ratio);
  const eta = s.noise;
  return {
    tp: pi * (1 - eta) * c.tpr + (1 - pi) * eta * c.fpr,
    fn: pi * (1 - eta) * (1 - c.tpr) + (1 - pi) * eta * (1 - c.fpr),
    fp: (1 - pi) * (1 - eta) * c.fpr + pi * eta * c.tpr,
    tn: (1 - pi) * (1 - eta) * (1 - c.fpr) + pi * eta * (1 - c.tpr),
  };
}

/**
 * Every lab metric of a confusion matrix (counts or fractions; all are scale-free), with the
 * positive class as in scikit-learn (zero division = 0; MCC and kappa 0 when undefined). ROC AUC
 * and PR AUC are those of hard 0/1 predictions, as scikit-learn computes them from such scores:
 * ROC AUC = (1 + TPR − FPR) / 2, average precision = recall·precision + (1 − recall)·prevalence.
 */
export function labMetrics(m: LabConfusion): LabMetrics {
  const { tp, fn, fp, tn } = m;
  const n = tp + fn + fp + tn;
  const div = (a: number, b: number) => (b > 0 ? a / b : 0);
  const recall = div(tp, tp + fn);
  const specificity = div(tn, tn + fp);
  const precision = div(tp, tp + fp);
  const fpr = div(fp, fp + tn);
  const prevalence = div(tp + fn, n);
  const po = div(tp + tn, n);
  const pe = div((tp + fn) * (tp + fp) + (fp + tn) * (fn + tn), n * n);
  const mccDen = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
  return {
    accuracy: po,
    balancedAccuracy: (recall + specificity) / 2,
    precision,
    recall,
    f1: div(2 * precision * recall, precision + recall),
    gmean: Math.sqrt(recall * specificity),
    mcc: mccDen > 0 ? (tp * tn - fp * fn) / mccDen : 0,
    kappa: pe < 1 ? (po - pe) / (1 - pe) : 0,
    rocAuc: (1 + recall - fpr) / 2,
    prAuc: tp + fp > 0 ? recall * precision + (1 - recall) * prevalence : prevalence,
  };
}

/**
 * One simulated data set of `n` rows: each row's true class drawn with prevalence 1 / (1 + r), its
 * label flipped with probability η, the classifier's decision drawn from TPR / FPR of its TRUE
 * class. Returns the confusion counts against the observed labels.
 */
export function simulateConfusion(c: LabClassifier, s: LabSetting, n: number, rng: Rng): LabConfusion {
  checkLab(c, s);
  if (!(Number.isInteger(n) && n >= 1 && n <= 10_000_000)) throw new ConfigError(`n must be an integer between 1 and 10,000,000. Got ${got(n)} instead.`, 'n');
  const pi = 1 / (1 + s.ratio);
  const out = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (let i = 0; i < n; i++) {
    const positive = rng.next() < pi;
    const observedPositive = rng.next() < s.noise ? !positive : positive;
    const predictedPositive = rng.next() < (positive ? c.tpr : c.fpr);
    if (observedPositive) predictedPositive ? out.tp++ : out.fn++;
    else predictedPositive ? out.fp++ : out.tn++;
  }
  return out;
}

/** Imbalance ratios from 1:1 to 1:`max`, evenly spaced on a log scale (`steps` of them). */
export function ratioGrid(max = 10_000, steps = 41): number[] {
  return Array.from({ length: steps }, (_, k) => Number((10 ** ((k / (steps - 1)) * Math.log10(max))).toPrecision(4)));
}

export interface LabCurvePoint {
  ratio: number;
  analytic: LabMetrics;
  /** Mean of `repeats` simulations of `n` rows (null when not simulated). */
  simulated: LabMetrics | null;
}

/** Every metric along the ratio grid at fixed noise, analytic and simulated (seeded). */
export function labCurve(c: LabClassifier, noise: number, ratios: readonly number[], sim: { n: number; repeats: number; rng: Rng } | null): LabCurvePoint[] {
  return ratios.map((ratio, k) => {
    const s = { ratio, noise };
    const analytic = labMetrics(expectedConfusion(c, s));
    if (!sim) return { ratio, analytic, simulated: null };
    const rng = sim.rng.fork(`ratio:${k}`);
    const runs = Array.from({ length: sim.repeats }, () => labMetrics(simulateConfusion(c, s, sim.n, rng)));
    const simulated = Object.fromEntries(LAB_METRICS.map((m) => [m, runs.reduce((a, r) => a + r[m], 0) / runs.length])) as LabMetrics;
    return { ratio, analytic, simulated };
  });
}
