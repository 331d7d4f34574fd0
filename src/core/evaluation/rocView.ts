/**
 * Data behind the ROC view: one-vs-rest ROC curves of every method, the ROC convex hull over all
 * of them (which method is optimal for some cost and class ratio), and iso-performance lines.
 */
import { ConfigError, got } from '../errors';
import { argmaxRows, rocAucBinary, rocConvexHull, rocCurve, scoreColumn } from '../metrics';
import type { ScoredMethod } from './scoredMethod';
import { byIndex, checkClass, checkCostRatio, checkMaxPoints, checkScoredMethods, countOnes, oneVsRest } from './scoredMethod';

export interface RocSeriesPoint {
  fpr: number;
  tpr: number;
  /** Predict positive iff score ≥ threshold; the (0,0) point has max(score) + 1 (scikit-learn 1.2.1). */
  threshold: number;
}

export interface RocSeries {
  index: number;
  label: string;
  /** Area under the full curve (NaN when the test set lacks positives or negatives). */
  auc: number;
  /** Curve from (0,0) to (1,1), at most `maxPoints` long unless its hull needs more; empty when auc is NaN. */
  points: RocSeriesPoint[];
}

export interface HullVertex {
  fpr: number;
  tpr: number;
  /** Method index the vertex comes from; null for the (0,0) and (1,1) corners. */
  method: number | null;
  label: string | null;
  threshold: number | null;
}

export interface RocView {
  positiveClass: number;
  series: RocSeries[];
  /** ROC convex hull over every method's curve points, from (0,0) to (1,1) by increasing fpr. */
  hull: HullVertex[];
  /** Indices of the methods with at least one hull vertex other than the corners, ascending. */
  onHull: number[];
}

/**
 * Indices of `points` to draw: the first, the last and every vertex of the curve's own convex hull
 * (so the view never hides where a method touches the global hull), then evenly spaced others up
 * to `maxPoints` in all. Returns every index when the curve is short enough, and more than
 * `maxPoints` when the hull alone has more vertices.
 */
function thinRocIndices(points: readonly RocSeriesPoint[], maxPoints: number): number[] {
  const n = points.length;
  if (n <= maxPoints) return points.map((_, i) => i);
  const hullObjects = new Set<object>(rocConvexHull(points));
  const keep = new Set<number>([0, n - 1]);
  points.forEach((p, i) => {
    if (hullObjects.has(p)) keep.add(i);
  });
  const others: number[] = [];
  for (let i = 0; i < n; i++) if (!keep.has(i)) others.push(i);
  const budget = maxPoints - keep.size;
  for (let j = 0; j < budget; j++) keep.add(others[Math.floor(((j + 0.5) * others.length) / budget)]);
  return [...keep].sort((a, b) => a - b);
}

/** One method's full (drop-intermediate) curve and AUC, or null when either class is missing. */
function fullCurve(m: ScoredMethod, nClasses: number, positiveClass: number): { auc: number; points: RocSeriesPoint[] } | null {
  const y = oneVsRest(m.yTrue, positiveClass);
  const pos = countOnes(y);
  if (pos === 0 || pos === y.length) return null;
  const s = scoreColumn(m.scores, nClasses, positiveClass);
  const { fpr, tpr, thresholds } = rocCurve(y, s, { dropIntermediate: true });
  return { auc: rocAucBinary(y, s), points: fpr.map((f, i) => ({ fpr: f, tpr: tpr[i], threshold: thresholds[i] })) };
}

/**
 * ROC view of class `positiveClass` against the rest (binary: the class the caller calls positive,
 * usually the minority). Each method's curve is scikit-learn's `roc_curve(drop_intermediate=True)`
 * on column `positiveClass` of its scores, FPR = FP/N and TPR = TP/P at each threshold; its AUC is
 * the trapezoidal area under the full curve (thinning only affects drawing).
 *
 * The hull is the ROC convex hull of all methods' curve points: a point is optimal for some cost
 * ratio and class prior iff it is a hull vertex. Coincident points of several methods are
 * credited to the lowest method index. A method whose test set has no positive or no negative
 * gets auc NaN and no points.
 *
 * @param maxPoints longest curve to draw (integer >= 2), default 200.
 * @throws ConfigError on bad `nClasses`, `positiveClass`, `maxPoints`, labels or score lengths.
 * @throws DataError on a non-finite score.
 * @see Provost & Fawcett 2001, "Robust classification for imprecise environments", Machine Learning 42
 * @see Fawcett 2006, "An introduction to ROC analysis", Pattern Recognition Letters 27
 */
export function rocView(methods: readonly ScoredMethod[], nClasses: number, positiveClass: number, maxPoints = 200): RocView {
  checkScoredMethods(methods, nClasses);
  checkClass(positiveClass, nClasses, 'positiveClass');
  checkMaxPoints(maxPoints);
  const full = new Map<ScoredMethod, RocSeriesPoint[]>();
  const series: RocSeries[] = methods.map((m) => {
    const curve = fullCurve(m, nClasses, positiveClass);
    if (curve === null) return { index: m.index, label: m.label, auc: NaN, points: [] };
    full.set(m, curve.points);
    const points = thinRocIndices(curve.points, maxPoints).map((i) => curve.points[i]);
    return { index: m.index, label: m.label, auc: curve.auc, points };
  });

  // One candidate per distinct point, from the lowest method index (exact equality is right:
  // f/N is correctly rounded, so equal fractions give equal doubles even across test sets).
  const candidates = new Map<string, HullVertex>();
  for (const m of byIndex(methods)) {
    for (const p of full.get(m) ?? []) {
      const key = `${p.fpr},${p.tpr}`;
      if (!candidates.has(key)) candidates.set(key, { fpr: p.fpr, tpr: p.tpr, method: m.index, label: m.label, threshold: p.threshold });
    }
  }
  // rocConvexHull returns our candidates, or fresh {fpr, tpr} objects for the two corners.
  const hull: HullVertex[] = rocConvexHull([...candidates.values()]).map((v) =>
    'method' in v ? v : { fpr: v.fpr, tpr: v.tpr, method: null, label: null, threshold: null },
  );
  const onHull = [...new Set(hull.flatMap((v) => (v.method === null ? [] : [v.method])))].sort((a, b) => a - b);
  return { positiveClass, series, hull, onHull };
}

export interface IsoPerformance {
  /** Slope m = (1 − p) / (costFnOverFp · p) of the iso-performance lines. */
  slope: number;
  /** The hull vertex with the lowest expected cost. */
  best: HullVertex;
  /** Normalised expected cost of best, in [0, 1]. */
  cost: number;
  /** The iso-performance line through best, clipped to the unit square (for drawing). */
  line: { from: { fpr: number; tpr: number }; to: { fpr: number; tpr: number } };
}

/** Scores equal within this are ties (values are differences of numbers in [0, 1] times m). */
const TIE_TOL = 1e-12;

/**
 * The optimal operating point for a cost ratio and class prior. All points on a line of slope
 * m = c(FP)·p(neg) / (c(FN)·p(pos)) = (1 − p) / (costFnOverFp · p) have the same expected cost,
 * so the best vertex maximises tpr − m·fpr (ties: lower fpr). Its normalised expected cost is
 * (p·c(FN)·(1 − tpr) + (1 − p)·c(FP)·fpr) / (p·c(FN) + (1 − p)·c(FP)) with c(FP) = 1,
 * c(FN) = costFnOverFp: 0 is perfect, and the better trivial classifier scores min of the two terms.
 *
 * @param hull vertices of a ROC convex hull (e.g. `rocView(...).hull`).
 * @param costFnOverFp cost of a false negative relative to a false positive, finite > 0.
 * @param positivePrior probability p of the positive class in deployment, in (0, 1).
 * @throws ConfigError on an empty hull or out-of-range costFnOverFp / positivePrior.
 * @see Provost & Fawcett 2001, "Robust classification for imprecise environments", Machine Learning 42
 */
export function isoPerformance(hull: readonly HullVertex[], costFnOverFp: number, positivePrior: number): IsoPerformance {
  checkCostRatio(costFnOverFp);
  if (!(positivePrior > 0 && positivePrior < 1)) {
    throw new ConfigError(`positivePrior must be a probability strictly between 0 and 1. Got ${got(positivePrior)} instead.`, 'positivePrior');
  }
  if (hull.length === 0) {
    throw new ConfigError(`hull must hold at least one vertex; pass rocView(...).hull. Got ${got(hull.length)} vertices instead.`, 'hull');
  }
  const p = positivePrior;
  const slope = (1 - p) / (costFnOverFp * p);
  let best = hull[0];
  for (const v of hull) {
    const gain = v.tpr - slope * v.fpr;
    const bestGain = best.tpr - slope * best.fpr;
    if (gain > bestGain + TIE_TOL || (gain >= bestGain - TIE_TOL && v.fpr < best.fpr)) best = v;
  }
  const cost = (p * costFnOverFp * (1 - best.tpr) + (1 - p) * best.fpr) / (p * costFnOverFp + (1 - p));
  return { slope, best, cost, line: clipLine(best, slope) };
}

/** The part of the line through `at` with slope m > 0 that lies in the unit square. */
function clipLine(at: { fpr: number; tpr: number }, m: number): IsoPerformance['line'] {
  const b = at.tpr - m * at.fpr;
  const clamp = (v: number): number => Math.min(1, Math.max(0, v));
  const x0 = clamp(Math.max(0, -b / m));
  const x1 = clamp(Math.min(1, (1 - b) / m));
  return { from: { fpr: x0, tpr: clamp(b + m * x0) }, to: { fpr: x1, tpr: clamp(b + m * x1) } };
}

/**
 * Where a classifier's own decisions sit in ROC space for class `positiveClass` (one vs rest): the
 * FPR and TPR of its predicted classes (the first maximum of each score row), not of a threshold
 * sweep. A method whose scores were adjusted post hoc operates where its adjusted argmax puts it.
 */
export function decisionPoint(yTrue: ArrayLike<number>, scores: Float32Array | Float64Array, nClasses: number, positiveClass: number): { fpr: number; tpr: number } {
  const pred = argmaxRows(scores, nClasses);
  let tp = 0;
  let pos = 0;
  let fp = 0;
  let neg = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const isPos = yTrue[i] === positiveClass;
    const predPos = pred[i] === positiveClass;
    if (isPos) {
      pos++;
      if (predPos) tp++;
    } else {
      neg++;
      if (predPos) fp++;
    }
  }
  return { fpr: neg > 0 ? fp / neg : NaN, tpr: pos > 0 ? tp / pos : NaN };
}
