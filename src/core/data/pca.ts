/**
 * Two-component principal component analysis, for drawing data with more than two features.
 *
 * Centre the columns (x − μ), form the d × d covariance C = Xᵀ X / (n − 1), and take its two
 * leading eigenvectors by power iteration with deflation (d is small: tens of features), signs
 * fixed so the largest-magnitude loading of each component is positive (deterministic across
 * runs, like scikit-learn's svd_flip). Projection: z = (x − μ) · [v₁ v₂].
 *
 * Wide data (more than {@link WIDE_FEATURES} features, e.g. images: 32 × 32 × 3 = 3,072) never
 * forms C, whose O(n·d²) cost froze the page for ~20 s: orthogonal (subspace) iteration applies
 * C implicitly, v ← Xᵀ(X v)/(n − 1) at O(n·d) per vector, on at most {@link WIDE_FIT_BUDGET} / d
 * evenly spaced rows, then a Rayleigh–Ritz step orders the two vectors. A picture, not a model input.
 * @see Pearson 1901, On Lines and Planes of Closest Fit to Systems of Points in Space; Jolliffe 2002, Principal Component Analysis
 */
import { DataError } from '../errors';
import type { Matrix } from '../types';

export interface Pca2 {
  mean: Float64Array;
  /** Two unit vectors of length d, row-major [v1, v2]. */
  components: Float64Array;
  /** Variance along each component. */
  explainedVariance: [number, number];
  /** Share of the total variance along each component. */
  explainedVarianceRatio: [number, number];
}

/** Above this many features the covariance matrix is not formed (see the file comment). */
export const WIDE_FEATURES = 64;
/** Wide data: rows × features used to fit, at most (about 6 M multiply-adds per iteration). */
export const WIDE_FIT_BUDGET = 1_500_000;

export function fitPca2(X: Matrix, iterations = 500): Pca2 {
  const { rows: n, cols: d, data } = X;
  if (n < 2 || d < 2) throw new DataError(`PCA needs at least 2 rows and 2 features. Got ${n} × ${d} instead.`);
  if (d > WIDE_FEATURES) return fitPca2Wide(X);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += data[i * d + j] / n;
  const cov = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < d; a++) {
      const xa = data[i * d + a] - mean[a];
      for (let b = a; b < d; b++) cov[a * d + b] += (xa * (data[i * d + b] - mean[b])) / (n - 1);
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[a * d + b] = cov[b * d + a];
  let total = 0;
  for (let a = 0; a < d; a++) total += cov[a * d + a];

  const components = new Float64Array(2 * d);
  const variances: [number, number] = [0, 0];
  for (let k = 0; k < 2; k++) {
    // Deterministic start: the column with the largest remaining variance, plus a small ramp so
    // the start is never orthogonal to the leading eigenvector.
    let v = new Float64Array(d);
    for (let j = 0; j < d; j++) v[j] = 1 + j / d;
    for (let it = 0; it < iterations; it++) {
      const w = new Float64Array(d);
      for (let a = 0; a < d; a++) {
        let s = 0;
        for (let b = 0; b < d; b++) s += cov[a * d + b] * v[b];
        w[a] = s;
      }
      const norm = Math.hypot(...w);
      if (norm === 0) break;
      for (let j = 0; j < d; j++) w[j] /= norm;
      let diff = 0;
      for (let j = 0; j < d; j++) diff += Math.abs(Math.abs(w[j]) - Math.abs(v[j]));
      v = w;
      if (diff < 1e-12) break;
    }
    let lambda = 0;
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) lambda += v[a] * cov[a * d + b] * v[b];
    let maxAbs = 0;
    for (let j = 0; j < d; j++) if (Math.abs(v[j]) > Math.abs(maxAbs)) maxAbs = v[j];
    const sign = maxAbs < 0 ? -1 : 1;
    for (let j = 0; j < d; j++) components[k * d + j] = sign * v[j];
    variances[k] = lambda;
    // Deflate: C ← C − λ v vᵀ.
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) cov[a * d + b] -= lambda * v[a] * v[b];
  }
  return {
    mean,
    components,
    explainedVariance: variances,
    explainedVarianceRatio: [total > 0 ? variances[0] / total : 0, total > 0 ? variances[1] / total : 0],
  };
}

/** The centred rows used to fit wide data: evenly spaced, at most WIDE_FIT_BUDGET / d of them (and at least 2). */
function centredFitRows(X: Matrix): { Xc: Float64Array; n: number; mean: Float64Array } {
  const { rows, cols: d, data } = X;
  const n = Math.max(2, Math.min(rows, Math.floor(WIDE_FIT_BUDGET / d)));
  const pick = (k: number) => Math.floor((k * rows) / n);
  const mean = new Float64Array(d);
  for (let k = 0; k < n; k++) for (let j = 0, o = pick(k) * d; j < d; j++) mean[j] += data[o + j] / n;
  const Xc = new Float64Array(n * d);
  for (let k = 0; k < n; k++) for (let j = 0, o = pick(k) * d; j < d; j++) Xc[k * d + j] = data[o + j] - mean[j];
  return { Xc, n, mean };
}

/** C·v for C = Xcᵀ Xc / (n − 1), without forming C. */
function covTimes(Xc: Float64Array, n: number, d: number, v: Float64Array): Float64Array {
  const out = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    let t = 0;
    for (let j = 0; j < d; j++) t += Xc[o + j] * v[j];
    t /= n - 1;
    for (let j = 0; j < d; j++) out[j] += Xc[o + j] * t;
  }
  return out;
}

const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, j) => s + x * b[j], 0);

/**
 * Orthonormalises [a, b] in place (Gram–Schmidt, the projection removed twice: once loses
 * orthogonality when b is nearly parallel to a); false when b is a multiple of a (relative
 * residual under 1e-10), or a is zero.
 */
function orthonormalise(a: Float64Array, b: Float64Array): boolean {
  const na = Math.sqrt(dot(a, a));
  if (na === 0) return false;
  for (let j = 0; j < a.length; j++) a[j] /= na;
  const before = Math.sqrt(dot(b, b));
  for (let pass = 0; pass < 2; pass++) {
    const p = dot(a, b);
    for (let j = 0; j < b.length; j++) b[j] -= p * a[j];
  }
  const nb = Math.sqrt(dot(b, b));
  if (!(nb > 1e-10 * before)) return false;
  for (let j = 0; j < b.length; j++) b[j] /= nb;
  return true;
}

/** Two-component PCA of wide data by orthogonal iteration on the implicit covariance (see the file comment). */
function fitPca2Wide(X: Matrix, iterations = 200, tolerance = 1e-9): Pca2 {
  const d = X.cols;
  const { Xc, n, mean } = centredFitRows(X);
  let total = 0;
  for (let k = 0; k < Xc.length; k++) total += (Xc[k] * Xc[k]) / (n - 1);
  // Deterministic, non-degenerate start: a ramp and an alternating ramp.
  let a: Float64Array = Float64Array.from({ length: d }, (_, j) => 1 + j / d);
  let b: Float64Array = Float64Array.from({ length: d }, (_, j) => (j % 2 ? 1 : -1) * (1 + j / d));
  orthonormalise(a, b);
  for (let it = 0; it < iterations; it++) {
    const a2 = covTimes(Xc, n, d, a);
    const b2 = covTimes(Xc, n, d, b);
    if (!orthonormalise(a2, b2)) {
      // Rank below 2 (e.g. every fitted row on one line): keep what the first direction has.
      a = a2;
      b = new Float64Array(d);
      break;
    }
    // Subspace change: 2 − ‖Vᵀ V_new‖²_F is 0 when the spanned plane no longer moves.
    const moved = 2 - (dot(a, a2) ** 2 + dot(a, b2) ** 2 + dot(b, a2) ** 2 + dot(b, b2) ** 2);
    a = a2;
    b = b2;
    if (Math.abs(moved) < tolerance) break;
  }
  // Rayleigh–Ritz on the plane: eigenvectors of the 2 × 2 matrix Vᵀ C V, largest first.
  const Ca = covTimes(Xc, n, d, a);
  const Cb = covTimes(Xc, n, d, b);
  const p = dot(a, Ca), q = dot(a, Cb), r = dot(b, Cb);
  const half = (p - r) / 2;
  const root = Math.sqrt(half * half + q * q);
  const lambda: [number, number] = [(p + r) / 2 + root, (p + r) / 2 - root];
  const angle = 0.5 * Math.atan2(2 * q, p - r);
  const c = Math.cos(angle), s = Math.sin(angle);
  const components = new Float64Array(2 * d);
  for (let j = 0; j < d; j++) {
    components[j] = c * a[j] + s * b[j];
    components[d + j] = -s * a[j] + c * b[j];
  }
  for (let k = 0; k < 2; k++) {
    let maxAbs = 0;
    for (let j = 0; j < d; j++) if (Math.abs(components[k * d + j]) > Math.abs(maxAbs)) maxAbs = components[k * d + j];
    if (maxAbs < 0) for (let j = 0; j < d; j++) components[k * d + j] = -components[k * d + j];
  }
  const variances: [number, number] = [Math.max(0, lambda[0]), Math.max(0, lambda[1])];
  return {
    mean,
    components,
    explainedVariance: variances,
    explainedVarianceRatio: [total > 0 ? variances[0] / total : 0, total > 0 ? variances[1] / total : 0],
  };
}

/** Projects rows onto the two components: returns n × 2 values, row-major. */
export function projectPca2(X: Matrix, pca: Pca2): Float32Array {
  const { rows: n, cols: d, data } = X;
  if (d !== pca.mean.length) throw new DataError(`PCA was fitted on ${pca.mean.length} features. Got ${d} instead.`);
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    let z1 = 0;
    let z2 = 0;
    for (let j = 0; j < d; j++) {
      const c = data[i * d + j] - pca.mean[j];
      z1 += c * pca.components[j];
      z2 += c * pca.components[d + j];
    }
    out[2 * i] = z1;
    out[2 * i + 1] = z2;
  }
  return out;
}
