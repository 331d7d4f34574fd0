/**
 * Two-component principal component analysis, for drawing data with more than two features.
 *
 * Centre the columns (x − μ), form the d × d covariance C = Xᵀ X / (n − 1), and take its two
 * leading eigenvectors by power iteration with deflation (d is small: tens of features), signs
 * fixed so the largest-magnitude loading of each component is positive (deterministic across
 * runs, like scikit-learn's svd_flip). Projection: z = (x − μ) · [v₁ v₂].
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

export function fitPca2(X: Matrix, iterations = 500): Pca2 {
  const { rows: n, cols: d, data } = X;
  if (n < 2 || d < 2) throw new DataError(`PCA needs at least 2 rows and 2 features. Got ${n} × ${d} instead.`);
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
