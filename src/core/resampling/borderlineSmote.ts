/**
 * Borderline-SMOTE 1 and 2: SMOTE restricted to the minority samples on the class border.
 */
import { DataError } from '../errors';
import { kNearest } from '../neighbors/knn';
import type { ParamSpec } from '../params';
import type { Rng } from '../random';
import { takeRows } from '../types';
import type { Labels, Matrix } from '../types';
import { allocateResult, copyAllRows, defineResampler } from './defineResampler';
import type { BaseResamplerOptions } from './defineResampler';
import type { ResamplerEntry } from './registry';
import { samplingStrategyParam } from './strategyParam';
import type { ResampleResult } from './types';
import { writeInterpolated } from './interpolate';
import { assertEnoughNeighbours } from './neighbourChecks';

export interface BorderlineSmoteOptions extends BaseResamplerOptions {
  /** Nearest same-class neighbours to interpolate towards (imbalanced-learn k_neighbors). Default 5. */
  kNeighbors?: number;
  /** Nearest neighbours among all samples that decide danger / noise (imbalanced-learn m_neighbors). Default 10. */
  mNeighbors?: number;
}

export const BORDERLINE_SMOTE_CITATION =
  'Han, Wang & Mao 2005, Borderline-SMOTE: A New Over-Sampling Method in Imbalanced Data Sets Learning, ICIC 2005, LNCS 3644:878–887';

export const borderlineSmoteParams: readonly ParamSpec[] = [
  {
    name: 'kNeighbors',
    kind: 'int',
    label: 'k neighbours',
    help: 'Number of nearest same-class neighbours a borderline sample is interpolated towards (imbalanced-learn k_neighbors). Must be smaller than the size of every class that has borderline samples.',
    default: 5,
    min: 1,
    max: 50,
    citation: BORDERLINE_SMOTE_CITATION,
  },
  {
    name: 'mNeighbors',
    kind: 'int',
    label: 'm neighbours',
    help: 'Number of nearest neighbours among all samples that decide whether a sample is borderline ("danger": at least half, but not all, of them belong to other classes) or noise (all of them do) (imbalanced-learn m_neighbors).',
    default: 10,
    min: 1,
    max: 100,
    citation: BORDERLINE_SMOTE_CITATION,
  },
  samplingStrategyParam('over-sampling'),
];

/** The danger and noise samples of one class, as ascending input row indices. */
export interface BorderlineSets {
  danger: Int32Array;
  noise: Int32Array;
}

/**
 * Danger and noise samples of class c (imbalanced-learn `BaseSMOTE._in_danger_noise`). With m' the
 * number of samples of another class among the m nearest neighbours of x_i in the whole data set
 * (the shared exact `kNearest`, x_i itself left out):
 *
 *   danger ⇔ m/2 ≤ m' < m,   noise ⇔ m' = m.
 *
 * @throws DataError when m >= the number of rows (there are not m other samples).
 */
export function borderlineSets(X: Matrix, y: Labels, c: number, mNeighbors: number): BorderlineSets {
  const rows: number[] = [];
  for (let i = 0; i < y.length; i++) if (y[i] === c) rows.push(i);
  const classRows = Int32Array.from(rows);
  assertEnoughRows(X.rows, mNeighbors);
  const flags = dangerNoiseFlags(X, y, classRows, c, mNeighbors);
  return {
    danger: classRows.filter((_, i) => flags[i] === DANGER),
    noise: classRows.filter((_, i) => flags[i] === NOISE),
  };
}

const SAFE = 0;
const DANGER = 1;
const NOISE = 2;

/** Per class row: SAFE, DANGER or NOISE. */
function dangerNoiseFlags(X: Matrix, y: Labels, classRows: Int32Array, c: number, m: number): Uint8Array {
  const nn = nearestAmongAll(X, classRows, m);
  const flags = new Uint8Array(classRows.length);
  for (let i = 0; i < classRows.length; i++) {
    let other = 0;
    for (let t = 0; t < m; t++) if (y[nn[i * m + t]] !== c) other++;
    flags[i] = other === m ? NOISE : other >= m / 2 ? DANGER : SAFE;
  }
  return flags;
}

/**
 * The m nearest rows of X (global indices) of each of the given rows, the row itself left out:
 * exactly `kNearest(X, X, m, { excludeSelf: true })` restricted to `rows`, but searching only
 * |rows| queries (ask for m + 1, drop the row itself, or the last one if it was not among them).
 */
function nearestAmongAll(X: Matrix, rows: Int32Array, m: number): Int32Array {
  const res = kNearest(takeRows(X, rows), X, m + 1).indices;
  const out = new Int32Array(rows.length * m);
  for (let i = 0; i < rows.length; i++) {
    let t = 0;
    for (let j = 0; j <= m && t < m; j++) {
      const nb = res[i * (m + 1) + j];
      if (nb !== rows[i]) out[i * m + t++] = nb;
    }
  }
  return out;
}

/**
 * Borderline-SMOTE (imbalanced-learn 0.10 `BorderlineSMOTE`). For each class c with
 * targets[c] = n > 0:
 *
 * 1. DANGER = the samples of c with m/2 ≤ m' < m, m' = #other-class samples among their m nearest
 *    neighbours in the whole data set (`borderlineSets`). Noise (m' = m) and safe samples never
 *    generate. If DANGER is empty, class c gets **no** synthetic sample (imbalanced-learn skips the
 *    class silently), so the output may hold fewer rows than the strategy asked for.
 * 2. For each danger sample x_i, its k nearest other samples of class c (shared `kNearest`).
 * 3. kind 1: n times pick one of the |DANGER| · k (x_i, x_nn) pairs uniformly and
 *      x_new = x_i + u · (x_nn − x_i),   u ~ U[0, 1).
 *    kind 2: draw f ~ Beta(10, 10); ⌊f · (n + 1)⌋ samples as in kind 1, then ⌊(1 − f) · n⌋ samples
 *      x_new = x_i + u · (x_o − x_i),   u ~ U[0, 0.5),
 *    with x_o one of the k nearest samples of the other classes of x_i (one-vs-rest). As in
 *    imbalanced-learn the two floors make the total n or n − 1.
 *
 * Interpolation in float64, stored in X's dtype. Output: the input rows, then the synthetic rows
 * class by class (ascending; kind 2: same-class ones first); synthetic rows have origin −1 and
 * parents (x_i, x_nn / x_o) as input row indices (for kind 2 the second parent of the half-step
 * rows is of another class).
 *
 * Deviation from imbalanced-learn 0.10: for the half-step rows of kind 2 it indexes the other-class
 * rows with the *same-class* neighbour positions (`nn_data=X[y != c], nn_num=nns`), i.e. x_o is an
 * arbitrary other-class row; here x_o is one of x_i's k nearest other-class samples, as in the paper.
 *
 * Options: kNeighbors (1..50, default 5), mNeighbors (1..100, default 10), samplingStrategy.
 * @throws DataError when mNeighbors >= the number of rows, or when a class with danger samples has
 *   fewer than kNeighbors + 1 samples: "kNeighbors must be < the number of samples in class 'minority' (5). Got 5 instead. …"
 * @throws DataError / ConfigError from the template (one class, NaN, invalid options, …).
 * @see Han, Wang & Mao 2005, Borderline-SMOTE: A New Over-Sampling Method in Imbalanced Data Sets Learning, ICIC 2005
 */
function borderlineSmote(kind: 1 | 2) {
  return defineResampler<BorderlineSmoteOptions>({
    id: `borderline-smote-${kind}`,
    samplerType: 'over-sampling',
    params: borderlineSmoteParams,
    body(X, y, options, ctx, rng) {
      const k = options.kNeighbors as number;
      const m = options.mNeighbors as number;
      const plan = new Plan();
      for (const [c, num] of ctx.targets) {
        if (num === 0) continue;
        assertEnoughRows(X.rows, m);
        const rows = ctx.classRows[c];
        const flags = dangerNoiseFlags(X, y, rows, c, m);
        const danger: number[] = [];
        for (let i = 0; i < rows.length; i++) if (flags[i] === DANGER) danger.push(i);
        if (danger.length === 0) continue;
        assertEnoughNeighbours(ctx, c, k, 'Borderline-SMOTE');
        const Xc = takeRows(X, rows);
        const nn = kNearest(Xc, Xc, k, { excludeSelf: true }).indices;
        const sameClass = (count: number) => {
          for (let t = 0; t < count; t++) {
            const pair = rng.int(danger.length * k);
            const i = danger[Math.floor(pair / k)];
            plan.add(c, rows[i], rows[nn[i * k + (pair % k)]], rng.next());
          }
        };
        if (kind === 1) {
          sameClass(num);
          continue;
        }
        const f = beta10(rng);
        sameClass(Math.trunc(f * (num + 1)));
        const others: number[] = [];
        for (let i = 0; i < y.length; i++) if (y[i] !== c) others.push(i);
        const ko = Math.min(k, others.length);
        const dangerRows = danger.map((i) => rows[i]);
        const nno = kNearest(takeRows(X, dangerRows), takeRows(X, others), ko).indices;
        const n2 = Math.trunc((1 - f) * num);
        for (let t = 0; t < n2; t++) {
          const pair = rng.int(danger.length * ko);
          plan.add(c, dangerRows[Math.floor(pair / ko)], others[nno[pair]], 0.5 * rng.next());
        }
      }
      return plan.build(X, y);
    },
  });
}

/** Borderline-SMOTE 1: danger samples interpolate towards same-class neighbours only. */
export const borderlineSmote1 = borderlineSmote(1);
/** Borderline-SMOTE 2: also half-steps towards neighbours of the other classes. */
export const borderlineSmote2 = borderlineSmote(2);

export const borderlineSmote1Entry = {
  id: 'borderline-smote-1',
  label: 'Borderline-SMOTE 1',
  samplerType: 'over-sampling',
  params: borderlineSmoteParams,
  citation: BORDERLINE_SMOTE_CITATION,
  resample: borderlineSmote1,
} as const satisfies ResamplerEntry<BorderlineSmoteOptions>;

export const borderlineSmote2Entry = {
  id: 'borderline-smote-2',
  label: 'Borderline-SMOTE 2',
  samplerType: 'over-sampling',
  params: borderlineSmoteParams,
  citation: BORDERLINE_SMOTE_CITATION,
  resample: borderlineSmote2,
} as const satisfies ResamplerEntry<BorderlineSmoteOptions>;

/** Synthetic rows (class, a, b, u) collected before the output size is known. */
class Plan {
  private readonly cls: number[] = [];
  private readonly a: number[] = [];
  private readonly b: number[] = [];
  private readonly u: number[] = [];
  add(c: number, a: number, b: number, u: number): void {
    this.cls.push(c);
    this.a.push(a);
    this.b.push(b);
    this.u.push(u);
  }
  build(X: Matrix, y: Labels): ResampleResult {
    const out = allocateResult(X, X.rows + this.cls.length);
    copyAllRows(X, y, out);
    for (let t = 0; t < this.cls.length; t++) {
      writeInterpolated(X, out, X.rows + t, this.a[t], this.b[t], this.u[t], this.cls[t]);
    }
    return out;
  }
}

/** Beta(10, 10) as G₁ / (G₁ + G₂), each Gamma(10, 1) a sum of ten Exp(1) draws. */
function beta10(rng: Rng): number {
  const gamma10 = () => {
    let s = 0;
    for (let i = 0; i < 10; i++) s -= Math.log(1 - rng.next());
    return s;
  };
  const g1 = gamma10();
  return g1 / (g1 + gamma10());
}

function assertEnoughRows(rows: number, m: number): void {
  if (m < rows) return;
  throw new DataError(
    `mNeighbors must be < the number of samples (${rows}): each sample needs mNeighbors other samples. Got ${m} instead. Lower mNeighbors to at most ${rows - 1}.`,
  );
}
