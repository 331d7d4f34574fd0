/**
 * Two-component principal component analysis, for drawing data with more than two features.
 *
 * Centre the columns (x − μ), form the d × d covariance C = Xᵀ X / (n − 1), and take its two
 * leading eigenvectors by power iteration with deflation (d is small: tens of features), signs
 * fixed so the largest-magnitude loading of each component is positive (deterministic across
 * runs, like scikit-learn's svd_flip). Projection: z = (x − μ) · [v₁ v₂].
 *
 * Wide data (more than {@link WIDE_FEATURES} features, e.g. images: 32 × 32 × 3 = 3,072) never
 * forms C, whose O(n·d²) cost froze the page for ~20 s: a randomized range finder with a few
 * subspace iterations (Halko et al. 2011) works on at most {@link WIDE_FIT_BUDGET} / d evenly spaced
 * rows at a fixed cost of O(n·d) per pass, whatever the spectrum (plain power iteration needed
 * hundreds of passes when the second and third components are close, as in photos).
 * A picture, not a model input.
 * @see Pearson 1901, On Lines and Planes of Closest Fit to Systems of Points in Space; Jolliffe 2002, Principal Component Analysis
 */
import { DataError } from '../errors';
import { createRng } from '../random';
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
/** Wide data: rows × features used to fit, at most. */
export const WIDE_FIT_BUDGET = 1_500_000;
/** Wide data: vectors of the randomized range finder (the two components plus oversampling). */
const WIDE_BLOCK = 8;
/** Wide data: subspace (power) iterations; each sharpens the range towards the leading components. */
const WIDE_POWER_ITERATIONS = 3;

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

/** Xc·v (n values) for a d-vector v. */
function times(Xc: Float64Array, n: number, d: number, v: Float64Array): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let j = 0, o = i * d; j < d; j++) t += Xc[o + j] * v[j];
    out[i] = t;
  }
  return out;
}

/** Xcᵀ·u (d values) for an n-vector u. */
function timesTransposed(Xc: Float64Array, n: number, d: number, u: Float64Array): Float64Array {
  const out = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const t = u[i];
    if (t !== 0) for (let j = 0, o = i * d; j < d; j++) out[j] += Xc[o + j] * t;
  }
  return out;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
};

/**
 * An orthonormal basis of the vectors' span (modified Gram–Schmidt, each projection removed twice:
 * once loses orthogonality for nearly parallel vectors). A vector whose residual is under 1e-10 of
 * its length adds nothing and is dropped.
 */
function orthonormalBasis(vectors: Float64Array[]): Float64Array[] {
  const basis: Float64Array[] = [];
  for (const v of vectors) {
    const before = Math.sqrt(dot(v, v));
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) {
        const p = dot(q, v);
        for (let j = 0; j < v.length; j++) v[j] -= p * q[j];
      }
    }
    const norm = Math.sqrt(dot(v, v));
    if (!(norm > 1e-10 * before)) continue;
    for (let j = 0; j < v.length; j++) v[j] /= norm;
    basis.push(v);
  }
  return basis;
}

/** Eigenvalues and eigenvectors (columns of the returned row-major k × k matrix) of a small symmetric matrix, by cyclic Jacobi rotations. */
function symmetricEigen(A: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const a = A.slice();
  const V = new Float64Array(k * k);
  for (let i = 0; i < k; i++) V[i * k + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let scale = 0;
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) (i === j ? (scale += a[i * k + j] ** 2) : (off += a[i * k + j] ** 2));
    if (off <= 1e-30 * Math.max(scale, 1e-300)) break;
    for (let p = 0; p < k - 1; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q];
        if (apq === 0) continue;
        const theta = (a[q * k + q] - a[p * k + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r * k + p], arq = a[r * k + q];
          a[r * k + p] = c * arp - s * arq;
          a[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p * k + r], aqr = a[q * k + r];
          a[p * k + r] = c * apr - s * aqr;
          a[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = V[r * k + p], vrq = V[r * k + q];
          V[r * k + p] = c * vrp - s * vrq;
          V[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: k }, (_, i) => a[i * k + i]), vectors: V };
}

/**
 * Two-component PCA of wide data (see the file comment): a randomized range finder with
 * subspace iterations on the centred rows — a fixed cost of (2 + 2·WIDE_POWER_ITERATIONS) passes
 * over them with WIDE_BLOCK vectors, whatever the spectrum — then the exact eigenvectors of the
 * small projected problem.
 * @see Halko, Martinsson & Tropp 2011, Finding Structure with Randomness, SIAM Review 53(2) (Algorithm 4.4)
 */
function fitPca2Wide(X: Matrix): Pca2 {
  const d = X.cols;
  const { Xc, n, mean } = centredFitRows(X);
  let total = 0;
  for (let k = 0; k < Xc.length; k++) total += (Xc[k] * Xc[k]) / (n - 1);
  // A fixed seed: the same data always gives the same picture.
  const rng = createRng(0).fork('pca');
  const omega = Array.from({ length: Math.min(WIDE_BLOCK, n, d) }, () => Float64Array.from({ length: d }, () => rng.normal()));
  let U = orthonormalBasis(omega.map((v) => times(Xc, n, d, v)));
  for (let q = 0; q < WIDE_POWER_ITERATIONS; q++) {
    const V = orthonormalBasis(U.map((u) => timesTransposed(Xc, n, d, u)));
    U = orthonormalBasis(V.map((v) => times(Xc, n, d, v)));
  }
  // B = Uᵀ Xc (rows b_i = Xcᵀ u_i); Xcᵀ Xc restricted to the range is Bᵀ B, whose top
  // eigenvectors are Bᵀ w / √λ for the eigenpairs (λ, w) of the small matrix G = B Bᵀ.
  const B = U.map((u) => timesTransposed(Xc, n, d, u));
  const k = B.length;
  const G = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) G[i * k + j] = dot(B[i], B[j]);
  const { values, vectors } = symmetricEigen(G, k);
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => values[y] - values[x]);
  const components = new Float64Array(2 * d);
  const variances: [number, number] = [0, 0];
  for (let c = 0; c < 2 && c < k; c++) {
    const e = order[c];
    const lambda = values[e];
    if (!(lambda > 0)) continue;
    for (let i = 0; i < k; i++) {
      const w = vectors[i * k + e] / Math.sqrt(lambda);
      for (let j = 0; j < d; j++) components[c * d + j] += w * B[i][j];
    }
    let maxAbs = 0;
    for (let j = 0; j < d; j++) if (Math.abs(components[c * d + j]) > Math.abs(maxAbs)) maxAbs = components[c * d + j];
    if (maxAbs < 0) for (let j = 0; j < d; j++) components[c * d + j] = -components[c * d + j];
    variances[c] = lambda / (n - 1);
  }
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
