/**
 * The grid, points and ROC-space view of the SMOTE paper's evaluation protocol (training them:
 * smotePaperSweep.ts; this file has no TF.js so the page can use it). The protocol (Chawla, Bowyer, Hall & Kegelmeyer 2002, §5–6): train one
 * classifier per amount of random under-sampling of the majority class, with no SMOTE and with
 * SMOTE at several amounts of over-sampling; each classifier is one operating point (FPR, TPR) on
 * the test split. Each SMOTE amount is a family of points, drawn as a curve across the
 * under-sampling amounts, and the ROC convex hull over every point shows which family is optimal
 * where — the paper's figures show SMOTE + under-sampling dominating under-sampling alone.
 *
 * Under-sampling amount U (percent): afterwards the (over-sampled) minority class is U % of the
 * majority class, so U = 200 leaves half as many majority as minority rows; U larger than the data
 * allows keeps every majority row. SMOTE amount N: N / 100 synthetic rows per minority row.
 * @see Chawla, Bowyer, Hall & Kegelmeyer 2002, SMOTE: Synthetic Minority Over-sampling Technique, JAIR 16
 */
import { ConfigError, got } from '../errors';
import { rocConvexHull } from '../metrics/hull';

/** The paper's under-sampling amounts (percent). */
export const PAPER_UNDER_PERCENTS = [10, 15, 25, 50, 75, 100, 125, 150, 175, 200, 300, 400, 500, 600, 700, 800, 1000, 2000] as const;
/** SMOTE amounts (percent); 0 is under-sampling alone. */
export const PAPER_SMOTE_PERCENTS = [0, 100, 200, 300, 400, 500] as const;
/** A coarser grid with the same span, for a quick look (about a third of the runs). */
export const QUICK_UNDER_PERCENTS = [10, 25, 50, 100, 150, 200, 400, 1000] as const;
export const QUICK_SMOTE_PERCENTS = [0, 100, 300, 500] as const;

export type SweepGrid = 'quick' | 'paper';

export interface SweepVariant {
  smotePercent: number;
  underPercent: number;
}

/** Every (SMOTE amount, under-sampling amount) pair of a grid, family by family. */
export function sweepVariants(grid: SweepGrid): SweepVariant[] {
  const smote = grid === 'paper' ? PAPER_SMOTE_PERCENTS : QUICK_SMOTE_PERCENTS;
  const under = grid === 'paper' ? PAPER_UNDER_PERCENTS : QUICK_UNDER_PERCENTS;
  return smote.flatMap((smotePercent) => under.map((underPercent) => ({ smotePercent, underPercent })));
}

export interface SweepPoint extends SweepVariant {
  /** Operating point of the trained classifier on the test split (its default decision rule), for the minority class. */
  fpr: number;
  tpr: number;
  /** ROC AUC of its scores (threshold-free, for reference). */
  auc: number;
  /** Training rows per class after resampling. */
  trainCounts: number[];
  /** Set when this variant failed (e.g. too few minority rows for SMOTE's neighbours). */
  error?: string;
}

export interface SweepFamily {
  smotePercent: number;
  label: string;
  /** The family's points ordered by FPR (then TPR): its curve in ROC space. */
  points: SweepPoint[];
  /** How many hull vertices (corners excluded) this family contributes. */
  onHull: number;
}

export interface SweepView {
  families: SweepFamily[];
  /** ROC convex hull over every point, with the variant each vertex comes from (null for the corners). */
  hull: { fpr: number; tpr: number; variant: SweepVariant | null }[];
  /** Vertices from SMOTE families against those from under-sampling alone: the paper's question. */
  verdict: { smoteVertices: number; underOnlyVertices: number; smoteDominates: boolean };
}

export function familyLabel(smotePercent: number): string {
  return smotePercent === 0 ? 'under-sampling only' : `SMOTE ${smotePercent}% + under-sampling`;
}

/** Families, hull and verdict of the points of a sweep (failed points are left out). */
export function sweepView(points: readonly SweepPoint[]): SweepView {
  const ok = points.filter((p) => !p.error && Number.isFinite(p.fpr) && Number.isFinite(p.tpr));
  if (points.length > 0 && ok.length === 0) {
    throw new ConfigError(`Every variant of the sweep failed; the first said: ${points[0].error ?? 'no operating point'}. Got 0 usable points instead.`);
  }
  for (const p of ok) {
    if (!(p.fpr >= 0 && p.fpr <= 1 && p.tpr >= 0 && p.tpr <= 1)) throw new ConfigError(`Operating points lie in [0, 1]². Got ${got(p)} instead.`);
  }
  const hull = rocConvexHull(ok.map((p) => ({ fpr: p.fpr, tpr: p.tpr, point: p }))).map((v) => ({
    fpr: v.fpr,
    tpr: v.tpr,
    variant: 'point' in v ? { smotePercent: v.point.smotePercent, underPercent: v.point.underPercent } : null,
  }));
  const amounts = [...new Set(ok.map((p) => p.smotePercent))].sort((a, b) => a - b);
  const families = amounts.map((smotePercent) => ({
    smotePercent,
    label: familyLabel(smotePercent),
    points: ok.filter((p) => p.smotePercent === smotePercent).sort((a, b) => a.fpr - b.fpr || a.tpr - b.tpr),
    onHull: hull.filter((v) => v.variant?.smotePercent === smotePercent).length,
  }));
  const smoteVertices = families.filter((f) => f.smotePercent > 0).reduce((a, f) => a + f.onHull, 0);
  const underOnlyVertices = families.find((f) => f.smotePercent === 0)?.onHull ?? 0;
  return { families, hull, verdict: { smoteVertices, underOnlyVertices, smoteDominates: smoteVertices > 0 && underOnlyVertices === 0 } };
}
