/**
 * SVM-SMOTE: SMOTE seeded only from the minority support vectors of an SVM, extrapolating away from
 * safe ones and interpolating between dangerous ones.
 */
import { DataError } from '../errors';
import { kNearest } from '../neighbors/knn';
import type { ParamSpec } from '../params';
import type { Rng } from '../random';
import { fitSvc, gammaScale } from '../svm/svc';
import { takeRows } from '../types';
import type { Labels, Matrix } from '../types';
import { allocateResult, copyAllRows, defineResampler } from './defineResampler';
import type { BaseResamplerOptions, ResampleContext } from './defineResampler';
import type { ResamplerEntry } from './registry';
import { samplingStrategyParam } from './strategyParam';
import { writeInterpolated } from './interpolate';
import { assertEnoughNeighbours } from './neighbourChecks';

export interface SvmSmoteOptions extends BaseResamplerOptions {
  /** Nearest same-class neighbours to interpolate towards / extrapolate away from (imbalanced-learn k_neighbors). Default 5. */
  kNeighbors?: number;
  /** Neighbours over all classes that decide noise / danger / safe (imbalanced-learn m_neighbors). Default 10. */
  mNeighbors?: number;
  /** Extrapolation step for safe support vectors (imbalanced-learn out_step). Default 0.5. */
  outStep?: number;
}

export const SVM_SMOTE_CITATION =
  'Nguyen, Cooper & Kamei 2011, Borderline over-sampling for imbalanced data classification, Int. J. Knowledge Engineering and Soft Data Paradigms 3(1):4–21';

export const svmSmoteParams: readonly ParamSpec[] = [
  {
    name: 'kNeighbors',
    kind: 'int',
    label: 'k neighbours',
    help: 'Number of nearest same-class neighbours a support vector is interpolated towards or extrapolated away from (imbalanced-learn k_neighbors). Must be smaller than the size of every class being over-sampled.',
    default: 5,
    min: 1,
    max: 50,
    citation: SVM_SMOTE_CITATION,
  },
  {
    name: 'mNeighbors',
    kind: 'int',
    label: 'm neighbours',
    help: 'Number of nearest neighbours (any class) used to call a minority support vector noise (all m from other classes), in danger (at least half) or safe (imbalanced-learn m_neighbors).',
    default: 10,
    min: 1,
    max: 100,
    citation: SVM_SMOTE_CITATION,
  },
  {
    name: 'outStep',
    kind: 'float',
    label: 'extrapolation step',
    help: 'How far a new point may be pushed away from a safe support vector’s neighbour, as a fraction of their distance (imbalanced-learn out_step).',
    default: 0.5,
    min: 0,
    max: 5,
    step: 0.05,
    citation: SVM_SMOTE_CITATION,
  },
  samplingStrategyParam('over-sampling'),
];

/** Beta(a, b) for integer a, b: G_a / (G_a + G_b), a Gamma(n) being −Σ ln U of n uniforms. */
function betaInt(a: number, b: number, rng: Rng): number {
  const gamma = (n: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s -= Math.log(1 - rng.next());
    return s;
  };
  const ga = gamma(a);
  return ga / (ga + gamma(b));
}

/**
 * The support vectors of class c as scikit-learn's multi-class `SVC().fit(X, y).support_` filtered
 * to class c: the union over the other present classes c′ of c's support vectors in the one-vs-one
 * C-SVC of c against c′ (RBF, C = 1, γ = 'scale' computed once on the whole X). Ascending rows.
 */
function supportVectorsOf(X: Matrix, y: Labels, ctx: ResampleContext, c: number, gamma: number): Int32Array {
  const isSv = new Uint8Array(X.rows);
  for (let other = 0; other < ctx.nClasses; other++) {
    if (other === c || ctx.counts[other] === 0) continue;
    const rows = Int32Array.from([...ctx.classRows[c], ...ctx.classRows[other]]).sort();
    const labels = Int8Array.from(rows, (r) => (y[r] === c ? 1 : -1));
    const model = fitSvc(takeRows(X, rows), labels, { kernel: 'rbf', C: 1, gamma });
    for (const s of model.supportIndices) if (labels[s] === 1) isSv[rows[s]] = 1;
  }
  const out: number[] = [];
  for (const r of ctx.classRows[c]) if (isSv[r]) out.push(r);
  return Int32Array.from(out);
}

/**
 * SVM-SMOTE (imbalanced-learn `SVMSMOTE`, 0.10). For each class c with targets[c] = N > 0:
 *
 * 1. S = the support vectors of class c of scikit-learn's default `SVC()` (RBF, C = 1,
 *    γ = 1 / (d · Var(X))) fitted on all of X, y — multi-class as scikit-learn does, one-vs-one.
 * 2. For s ∈ S, m′ = how many of its mNeighbors nearest rows of X (itself excluded) are of another
 *    class: noise if m′ = m (dropped), danger if m/2 <= m′ < m, safe if m′ < m/2.
 * 3. f ~ Beta(10, 10); n_danger = ⌊f · (N + 1)⌋ points from danger vectors and N − n_danger from
 *    safe ones. Each picks a vector s and one of its kNeighbors nearest rows x_nn of class c (one
 *    draw over the |group| · k pairs, as SMOTE) and u ~ U[0, 1):
 *      danger: x_new = s + u · (x_nn − s)               (interpolation, on the segment)
 *      safe:   x_new = s − outStep · u · (x_nn − s)     (extrapolation away from x_nn)
 *
 * Output: the input rows, then per class (ascending) the danger points, then the safe points;
 * synthetic rows have origin −1 and parents (s, nn).
 *
 * Deviations from imbalanced-learn: when one group is empty, all N points come from the other
 * (imbalanced-learn then generates only that group's share, fewer than asked); when every support
 * vector is noise it throws instead of silently generating nothing. The SVM is this file's SMO
 * (`fitSvc`), whose support set matches libsvm's on small problems but may differ at the tolerance
 * level on large ones; it refuses more than 10 000 rows per class pair (SMO is roughly O(n²)).
 *
 * Options: kNeighbors (1..50, default 5), mNeighbors (1..100, default 10), outStep (0..5, default 0.5), samplingStrategy.
 * @throws DataError when a class to over-sample has fewer than kNeighbors + 1 samples, when X has
 *   at most mNeighbors rows, or when every support vector of a class is noise.
 * @throws DataError / ConfigError from the template (one class, NaN, invalid options, …).
 * @see Nguyen, Cooper & Kamei 2011, Borderline over-sampling for imbalanced data classification,
 *   Int. J. Knowledge Engineering and Soft Data Paradigms 3(1)
 */
export const svmSmote = defineResampler<SvmSmoteOptions>({
  id: 'svm-smote',
  samplerType: 'over-sampling',
  params: svmSmoteParams,
  body(X, y, options, ctx, rng) {
    const k = options.kNeighbors as number;
    const m = options.mNeighbors as number;
    const outStep = options.outStep as number;
    let total = X.rows;
    for (const [c, num] of ctx.targets) {
      if (num === 0) continue;
      total += num;
      assertEnoughNeighbours(ctx, c, k, 'SVM-SMOTE');
    }
    const active = [...ctx.targets].filter(([, num]) => num > 0);
    if (active.length > 0 && m >= X.rows) {
      throw new DataError(
        `mNeighbors must be < the number of samples (${X.rows}). Got ${m} instead. Lower mNeighbors to at most ${X.rows - 1}.`,
      );
    }
    const out = allocateResult(X, total);
    copyAllRows(X, y, out);
    if (active.length === 0) return out;
    const gamma = gammaScale(X);
    let row = X.rows;
    for (const [c, num] of active) {
      const sv = supportVectorsOf(X, y, ctx, c, gamma);
      const mnn = sv.length > 0 ? neighboursExcludingSelf(X, sv, m) : new Int32Array(0);
      const danger: number[] = [];
      const safe: number[] = [];
      for (let s = 0; s < sv.length; s++) {
        let other = 0;
        for (let t = 0; t < m; t++) if (y[mnn[s * m + t]] !== c) other++;
        if (other === m) continue; // noise
        if (other >= m / 2) danger.push(sv[s]);
        else safe.push(sv[s]);
      }
      if (danger.length === 0 && safe.length === 0) {
        throw new DataError(
          `Every support vector of class ${ctx.className(c)} (${sv.length}) is noise: all its mNeighbors nearest samples belong to other classes. Raise mNeighbors or use SMOTE. Got mNeighbors = ${m} instead.`,
        );
      }
      const rows = ctx.classRows[c];
      const Xc = takeRows(X, rows);
      const nn = kNearest(Xc, Xc, k, { excludeSelf: true }).indices;
      const localOf = new Map<number, number>();
      rows.forEach((r, i) => localOf.set(r, i));
      const fraction = betaInt(10, 10, rng);
      let nDanger = Math.trunc(fraction * (num + 1));
      if (safe.length === 0) nDanger = num;
      if (danger.length === 0) nDanger = 0;
      const groups: [number[], number, number][] = [
        [danger, nDanger, 1],
        [safe, num - nDanger, -outStep],
      ];
      for (const [group, count, step] of groups) {
        for (let t = 0; t < count; t++, row++) {
          const pair = rng.int(group.length * k);
          const a = group[Math.floor(pair / k)];
          const b = rows[nn[(localOf.get(a) as number) * k + (pair % k)]];
          writeInterpolated(X, out, row, a, b, step * rng.next(), c);
        }
      }
    }
    return out;
  },
});

/** The m nearest rows of X to each of the given rows of X, the row itself excluded (row-major |rows| × m). */
function neighboursExcludingSelf(X: Matrix, rows: Int32Array, m: number): Int32Array {
  const res = kNearest(takeRows(X, rows), X, m + 1);
  const out = new Int32Array(rows.length * m);
  for (let s = 0; s < rows.length; s++) {
    let at = 0;
    for (let t = 0; t <= m && at < m; t++) {
      const j = res.indices[s * (m + 1) + t];
      if (j === rows[s]) continue;
      out[s * m + at++] = j;
    }
  }
  return out;
}

export const svmSmoteEntry = {
  id: 'svm-smote',
  label: 'SVM-SMOTE',
  samplerType: 'over-sampling',
  params: svmSmoteParams,
  citation: SVM_SMOTE_CITATION,
  resample: svmSmote,
} as const satisfies ResamplerEntry<SvmSmoteOptions>;
