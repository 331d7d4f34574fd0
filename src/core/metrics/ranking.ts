/**
 * Ranking metrics: ROC and precision–recall curves, ROC AUC (binary, one-vs-rest, one-vs-one) and
 * average precision, reproducing scikit-learn 1.2.1 step by step (same curve points, same
 * thresholds, same trapezoid / step sums) so that the fixtures match to ~1e-15.
 *
 * Binary functions take `yTrue` of 0/1 (1 = positive) and one score per sample; multi-class
 * functions take class indices and row-major scores of length n·C.
 */
import { ConfigError, got } from '../errors';
import type { LabelArray, ScoreArray } from './validate';
import {
  checkClassIndex,
  checkFinite,
  checkLabels,
  checkLabelsAndScores,
  checkNonEmpty,
  checkSameLength,
} from './validate';

/** ROC curve points, in order of decreasing threshold (from (0,0) to (1,1)). */
export interface RocCurve {
  fpr: number[];
  tpr: number[];
  /** thresholds[0] = max(score) + 1 stands for "predict nothing positive" (the point (0,0)). */
  thresholds: number[];
}

/** Precision–recall curve in scikit-learn's order: increasing threshold, recall decreasing to 0. */
export interface PrecisionRecallCurve {
  /** n_thresholds + 1 values; the last is 1 (by convention, at recall 0). */
  precision: number[];
  /** n_thresholds + 1 values; the last is 0. */
  recall: number[];
  /** Distinct scores in increasing order. */
  thresholds: number[];
}

export interface RocCurveOptions {
  /**
   * Drop points that lie on a straight segment between their neighbours (scikit-learn's
   * `drop_intermediate`). Default false: every distinct threshold is kept.
   */
  dropIntermediate?: boolean;
}

interface ClfCurve {
  fps: number[];
  tps: number[];
  thresholds: number[];
}

function checkBinary(yTrue: LabelArray, score: ScoreArray): void {
  checkNonEmpty(yTrue.length, 'yTrue');
  checkSameLength(yTrue, score, 'yTrue', 'scorePositive');
  checkLabels(yTrue, 2, 'yTrue');
  checkFinite(score, 'scorePositive');
}

/**
 * Cumulative true / false positive counts at each distinct score, taken in decreasing order
 * (scikit-learn's private `_binary_clf_curve`). Tied scores form one threshold.
 */
function binaryClfCurve(yTrue: LabelArray, score: ScoreArray): ClfCurve {
  const n = yTrue.length;
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => score[b] - score[a]);
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    tp += yTrue[i];
    // The last index of each run of equal scores is a threshold.
    if (r === n - 1 || score[order[r + 1]] !== score[i]) {
      tps.push(tp);
      fps.push(r + 1 - tp);
      thresholds.push(Number(score[i]));
    }
  }
  return { fps, tps, thresholds };
}

/**
 * ROC curve: for each distinct score t (decreasing), FPR(t) = FP(t)/N and TPR(t) = TP(t)/P where
 * a sample is predicted positive when score ≥ t; prefixed with the point (0,0) at threshold
 * max(score) + 1 (scikit-learn 1.2.1; later versions write +Infinity there).
 *
 * With no negatives every FPR is NaN, with no positives every TPR is NaN (scikit-learn warns and
 * does the same).
 *
 * @param yTrue 0/1 labels, 1 = positive.
 * @param scorePositive score of the positive class per sample (higher = more positive).
 * @throws ConfigError on empty input, unequal lengths or labels other than 0/1.
 * @throws DataError on a non-finite score.
 * @see Fawcett 2006, "An introduction to ROC analysis"
 * @see scikit-learn 1.2.1 `roc_curve(drop_intermediate=False)`
 */
export function rocCurve(yTrue: LabelArray, scorePositive: ScoreArray, opts: RocCurveOptions = {}): RocCurve {
  checkBinary(yTrue, scorePositive);
  let { fps, tps, thresholds } = binaryClfCurve(yTrue, scorePositive);
  if (opts.dropIntermediate && fps.length > 2) {
    const keep: number[] = [0];
    for (let i = 1; i < fps.length - 1; i++) {
      const d2f = fps[i + 1] - 2 * fps[i] + fps[i - 1];
      const d2t = tps[i + 1] - 2 * tps[i] + tps[i - 1];
      if (d2f !== 0 || d2t !== 0) keep.push(i);
    }
    keep.push(fps.length - 1);
    fps = keep.map((i) => fps[i]);
    tps = keep.map((i) => tps[i]);
    thresholds = keep.map((i) => thresholds[i]);
  }
  fps = [0, ...fps];
  tps = [0, ...tps];
  thresholds = [thresholds[0] + 1, ...thresholds];
  const nNeg = fps[fps.length - 1];
  const nPos = tps[tps.length - 1];
  return {
    fpr: fps.map((f) => (nNeg > 0 ? f / nNeg : NaN)),
    tpr: tps.map((t) => (nPos > 0 ? t / nPos : NaN)),
    thresholds,
  };
}

/** Trapezoidal area under y(x), x non-decreasing (numpy.trapz). */
function trapezoid(x: readonly number[], y: readonly number[]): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return area;
}

/**
 * Binary ROC AUC = trapezoidal area under the ROC curve, i.e. the probability that a random
 * positive scores above a random negative (ties count one half).
 *
 * Returns NaN when `yTrue` holds only one class (scikit-learn raises: AUC is undefined then).
 *
 * @throws ConfigError on empty input, unequal lengths or labels other than 0/1.
 * @throws DataError on a non-finite score.
 * @see Hanley & McNeil 1982; Fawcett 2006
 * @see scikit-learn 1.2.1 `roc_auc_score` (binary)
 */
export function rocAucBinary(yTrue: LabelArray, scorePositive: ScoreArray): number {
  checkBinary(yTrue, scorePositive);
  let pos = 0;
  for (let i = 0; i < yTrue.length; i++) pos += yTrue[i];
  if (pos === 0 || pos === yTrue.length) return NaN;
  const { fpr, tpr } = rocCurve(yTrue, scorePositive, { dropIntermediate: true });
  return trapezoid(fpr, tpr);
}

/**
 * Column k of row-major scores: `scores[i * nClasses + k]` for every row i.
 *
 * @throws ConfigError if `k` is not a class index.
 */
export function scoreColumn(scores: ScoreArray, nClasses: number, k: number): Float64Array {
  checkClassIndex(k, nClasses, 'class');
  const n = Math.floor(scores.length / nClasses);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = scores[i * nClasses + k];
  return out;
}

/** One-vs-rest 0/1 labels: 1 where yTrue[i] === k. */
function oneVsRest(yTrue: LabelArray, k: number): Int32Array {
  const out = new Int32Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) out[i] = yTrue[i] === k ? 1 : 0;
  return out;
}

function classCounts(yTrue: LabelArray, nClasses: number): number[] {
  const counts = new Array<number>(nClasses).fill(0);
  for (let i = 0; i < yTrue.length; i++) counts[yTrue[i]]++;
  return counts;
}

/**
 * Multi-class ROC AUC, one-vs-rest: AUC_k of "class k vs. all others" scored by column k, then
 * averaged — `'macro'`: (1/C) Σ_k AUC_k; `'weighted'`: Σ_k n_k AUC_k / n (n_k = true count).
 * For C = 2 this averages the two one-vs-rest AUCs (equal to the binary AUC when rows sum to 1).
 *
 * Returns NaN when some class has no true sample (scikit-learn raises: its AUC is undefined).
 * Scores are not required to sum to 1 per row (scikit-learn insists; the ranking is unaffected).
 *
 * @throws ConfigError on empty input, wrong lengths, `nClasses < 2`, labels out of range, or an
 *   unknown `average`.
 * @throws DataError on a non-finite score.
 * @see Provost & Domingos 2000 (class-reference / one-vs-rest AUC)
 * @see scikit-learn 1.2.1 `roc_auc_score(multi_class="ovr")`
 */
export function rocAucOvr(
  yTrue: LabelArray,
  scores: ScoreArray,
  nClasses: number,
  average: 'macro' | 'weighted' = 'macro',
): number {
  checkLabelsAndScores(yTrue, scores, nClasses);
  checkAverage(average);
  const counts = classCounts(yTrue, nClasses);
  if (counts.some((c) => c === 0)) return NaN;
  let total = 0;
  let weight = 0;
  for (let k = 0; k < nClasses; k++) {
    const auc = rocAucBinary(oneVsRest(yTrue, k), scoreColumn(scores, nClasses, k));
    const w = average === 'weighted' ? counts[k] : 1;
    total += auc * w;
    weight += w;
  }
  return total / weight;
}

/**
 * Hand & Till's M: the mean over all unordered class pairs (a, b) of
 * A(a, b) = [AUC(a vs b | score_a) + AUC(b vs a | score_b)] / 2, each AUC computed on the rows
 * whose true class is a or b only. Insensitive to class priors, unlike weighted one-vs-rest.
 *
 * Returns NaN when some class has no true sample (scikit-learn raises).
 *
 * @throws ConfigError on empty input, wrong lengths, `nClasses < 2` or labels out of range.
 * @throws DataError on a non-finite score.
 * @see Hand & Till 2001, "A simple generalisation of the area under the ROC curve for multiple
 *   class classification problems"
 * @see scikit-learn 1.2.1 `roc_auc_score(multi_class="ovo", average="macro")`
 */
export function rocAucOvoHandTill(yTrue: LabelArray, scores: ScoreArray, nClasses: number): number {
  checkLabelsAndScores(yTrue, scores, nClasses);
  const counts = classCounts(yTrue, nClasses);
  if (counts.some((c) => c === 0)) return NaN;
  let total = 0;
  let pairs = 0;
  for (let a = 0; a < nClasses; a++) {
    for (let b = a + 1; b < nClasses; b++) {
      const m = counts[a] + counts[b];
      const isA = new Int32Array(m);
      const isB = new Int32Array(m);
      const sA = new Float64Array(m);
      const sB = new Float64Array(m);
      let j = 0;
      for (let i = 0; i < yTrue.length; i++) {
        const y = yTrue[i];
        if (y !== a && y !== b) continue;
        isA[j] = y === a ? 1 : 0;
        isB[j] = y === b ? 1 : 0;
        sA[j] = scores[i * nClasses + a];
        sB[j] = scores[i * nClasses + b];
        j++;
      }
      total += (rocAucBinary(isA, sA) + rocAucBinary(isB, sB)) / 2;
      pairs++;
    }
  }
  return total / pairs;
}

/**
 * Precision–recall curve: at each distinct score t, precision = TP(t) / (TP(t) + FP(t)) and
 * recall = TP(t) / P, listed by increasing threshold, followed by the point (recall 0,
 * precision 1) that has no threshold. The full curve is returned (scikit-learn ≥ 1.1 no longer
 * stops at the first threshold with full recall).
 *
 * With no positives every recall is 1 (scikit-learn's convention, with a warning there).
 *
 * @throws ConfigError on empty input, unequal lengths or labels other than 0/1.
 * @throws DataError on a non-finite score.
 * @see Davis & Goadrich 2006, "The relationship between precision-recall and ROC curves"
 * @see scikit-learn 1.2.1 `precision_recall_curve`
 */
export function precisionRecallCurve(yTrue: LabelArray, scorePositive: ScoreArray): PrecisionRecallCurve {
  checkBinary(yTrue, scorePositive);
  const { fps, tps, thresholds } = binaryClfCurve(yTrue, scorePositive);
  const last = tps.length - 1;
  const nPos = tps[last];
  const precision: number[] = [];
  const recall: number[] = [];
  const thr: number[] = [];
  for (let i = last; i >= 0; i--) {
    const predicted = tps[i] + fps[i];
    precision.push(predicted !== 0 ? tps[i] / predicted : 0);
    recall.push(nPos === 0 ? 1 : tps[i] / nPos);
    thr.push(thresholds[i]);
  }
  precision.push(1);
  recall.push(0);
  return { precision, recall, thresholds: thr };
}

/**
 * Average precision, the step-wise area under the PR curve: AP = Σ_n (R_n − R_{n−1}) P_n over
 * thresholds in decreasing order (no interpolation, unlike the trapezoid, which is optimistic).
 *
 * With no positives it is 0, as in scikit-learn 1.2.1 (whose recall is then set to 1 everywhere).
 *
 * @throws ConfigError on empty input, unequal lengths or labels other than 0/1.
 * @throws DataError on a non-finite score.
 * @see Davis & Goadrich 2006; Zhu 2004, "Recall, precision and average precision"
 * @see scikit-learn 1.2.1 `average_precision_score`
 */
export function averagePrecision(yTrue: LabelArray, scorePositive: ScoreArray): number {
  const { precision, recall } = precisionRecallCurve(yTrue, scorePositive);
  let ap = 0;
  for (let i = 0; i < recall.length - 1; i++) ap += (recall[i + 1] - recall[i]) * precision[i];
  const out = -ap;
  return out === 0 ? 0 : out; // no "-0" on screen
}

/**
 * One-vs-rest average precision of every class k (column k of the scores against yTrue === k).
 * A class with no true sample gets 0 (scikit-learn's value for an all-negative column of a
 * one-vs-rest indicator matrix).
 *
 * @throws ConfigError on empty input, wrong lengths, `nClasses < 2` or labels out of range.
 * @throws DataError on a non-finite score.
 * @see scikit-learn 1.2.1 `average_precision_score(label_binarize(y, classes=range(C)), scores, average=None)`
 */
export function averagePrecisionPerClass(yTrue: LabelArray, scores: ScoreArray, nClasses: number): number[] {
  checkLabelsAndScores(yTrue, scores, nClasses);
  const out: number[] = [];
  for (let k = 0; k < nClasses; k++) out.push(averagePrecision(oneVsRest(yTrue, k), scoreColumn(scores, nClasses, k)));
  return out;
}

/**
 * Macro average precision = (1/C) Σ_k AP_k, one-vs-rest (see `averagePrecisionPerClass`).
 *
 * @throws ConfigError / DataError as `averagePrecisionPerClass`.
 * @see scikit-learn 1.2.1 `average_precision_score(average="macro")`
 */
export function averagePrecisionMacro(yTrue: LabelArray, scores: ScoreArray, nClasses: number): number {
  const per = averagePrecisionPerClass(yTrue, scores, nClasses);
  let total = 0;
  for (const ap of per) total += ap;
  return total / per.length;
}

function checkAverage(average: string): void {
  if (average !== 'macro' && average !== 'weighted') {
    throw new ConfigError(`average must be 'macro' or 'weighted'. Got ${got(average)} instead.`, 'average');
  }
}
