/**
 * ROC convex hull: which classifiers (or operating points) are optimal for some class
 * distribution and cost ratio.
 */
import { ConfigError, got } from '../errors';

/** A point in ROC space. */
export interface RocPoint {
  fpr: number;
  tpr: number;
}

/** Cross products closer to 0 than this count as collinear (coordinates live in [0, 1]). */
const COLLINEAR_TOL = 1e-12;

/**
 * Upper convex hull of the given ROC points together with (0,0) and (1,1), as its vertices in
 * increasing FPR (ties: increasing TPR) from (0,0) to (1,1). Points strictly below the hull
 * (dominated ones, and everything below the diagonal) are dropped, and so are points on a straight
 * segment between two vertices (collinear points, duplicates, points on the diagonal): only
 * corners remain. A classifier is potentially optimal iff it is a vertex.
 *
 * Returned vertices are the caller's own objects (extra fields such as a method name survive),
 * except the two end points, which are always fresh `{ fpr: 0, tpr: 0 }` and `{ fpr: 1, tpr: 1 }`.
 * Andrew's monotone chain, O(m log m).
 *
 * @throws ConfigError if a coordinate is not a number in [0, 1].
 * @see Provost & Fawcett 2001, "Robust classification for imprecise environments"
 * @see Andrew 1979, "Another efficient algorithm for convex hulls in two dimensions"
 */
export function rocConvexHull<P extends RocPoint>(points: readonly P[]): (P | RocPoint)[] {
  points.forEach((p, i) => {
    for (const key of ['fpr', 'tpr'] as const) {
      const v = p[key];
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
        throw new ConfigError(`points[${i}].${key} must be a number in [0, 1]. Got ${got(v)} instead.`, `points[${i}].${key}`);
      }
    }
  });
  const all: (P | RocPoint)[] = [{ fpr: 0, tpr: 0 }, ...points, { fpr: 1, tpr: 1 }];
  // Stable sort keeps the fresh (0,0) ahead of an equal input point and (1,1) behind one, so the
  // collinear rule below drops the input duplicate rather than the end point.
  all.sort((a, b) => a.fpr - b.fpr || a.tpr - b.tpr);
  const hull: (P | RocPoint)[] = [];
  for (const p of all) {
    while (hull.length >= 2) {
      const o = hull[hull.length - 2];
      const a = hull[hull.length - 1];
      const cross = (a.fpr - o.fpr) * (p.tpr - o.tpr) - (a.tpr - o.tpr) * (p.fpr - o.fpr);
      // Keep a only on a strict clockwise (right) turn o → a → p.
      if (cross >= -COLLINEAR_TOL) hull.pop();
      else break;
    }
    hull.push(p);
  }
  return hull;
}
