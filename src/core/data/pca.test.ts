import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitPca2, projectPca2 } from './pca';

// Reference: scikit-learn 1.2.1 PCA(n_components=2) on wine-quality-red.csv (../shared/datasets),
// computed with Debian's python3-sklearn on 2026-11-27.
const SKLEARN = {
  explainedVariance: [1133.8070755113813, 57.93541077477578],
  explainedVarianceRatio: [0.9465769763954668, 0.048368304574816626],
  components: [
    [-0.006132474313767034, 0.0003844655511080486, 0.0001709025952349036, 0.008648946483034825, 6.373072904358821e-5, 0.21885743377444852, 0.9756783687440022, 3.7249854209997707e-6, -0.0002680086187840554, 0.00022338173034004618, -0.006358467211098808],
    [-0.02389949851452265, -0.0020096666139216846, -0.003034807879128575, 0.011134855091414441, -0.0002366547505329032, 0.9752659817023548, -0.21891684114162277, -2.4999850993082787e-5, 0.0032718219438762682, 0.0006189260459217158, 0.014564245056111678],
  ],
  firstRows: [
    [-13.224905008648818, -2.0238998144633125],
    [22.037723609303423, 4.4083215538044715],
    [7.162673330571264, -2.5014608607631112],
  ],
};

function wine() {
  const lines = readFileSync(new URL('../../../../shared/datasets/wine-quality-red.csv', import.meta.url), 'utf8').trim().split('\n').slice(1);
  const rows = lines.map((l) => l.split(',').slice(0, -1).map(Number));
  return { data: Float64Array.from(rows.flat()), rows: rows.length, cols: rows[0].length };
}

describe('PCA (2 components)', () => {
  const X = wine();
  const pca = fitPca2(X);

  it('matches scikit-learn: variances, components (with its sign convention) and projections', () => {
    for (let k = 0; k < 2; k++) {
      expect(pca.explainedVariance[k]).toBeCloseTo(SKLEARN.explainedVariance[k], 6);
      expect(pca.explainedVarianceRatio[k]).toBeCloseTo(SKLEARN.explainedVarianceRatio[k], 9);
      for (let j = 0; j < X.cols; j++) expect(pca.components[k * X.cols + j]).toBeCloseTo(SKLEARN.components[k][j], 7);
    }
    const z = projectPca2({ data: X.data.subarray(0, 3 * X.cols), rows: 3, cols: X.cols }, pca);
    for (let i = 0; i < 3; i++) for (let k = 0; k < 2; k++) expect(z[2 * i + k]).toBeCloseTo(SKLEARN.firstRows[i][k], 3);
  });

  it('components are orthonormal', () => {
    const d = X.cols;
    let n1 = 0, n2 = 0, dot = 0;
    for (let j = 0; j < d; j++) {
      n1 += pca.components[j] ** 2;
      n2 += pca.components[d + j] ** 2;
      dot += pca.components[j] * pca.components[d + j];
    }
    expect(n1).toBeCloseTo(1, 9);
    expect(n2).toBeCloseTo(1, 9);
    expect(Math.abs(dot)).toBeLessThan(1e-7);
  });

  it('rejects data it cannot project', () => {
    expect(() => fitPca2({ data: new Float64Array(3), rows: 3, cols: 1 })).toThrow(/at least 2 rows and 2 features. Got 3 × 1 instead./);
    expect(() => projectPca2({ data: new Float64Array(4), rows: 2, cols: 2 }, pca)).toThrow(/fitted on 11 features. Got 2 instead./);
  });
});
