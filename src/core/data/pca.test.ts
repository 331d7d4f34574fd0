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

/** Deterministic wide data: two smooth rank-one patterns plus a small ripple (same formula in /tmp reference script). */
function wide(n: number, d: number) {
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) data[i * d + j] = 3 * Math.sin(0.37 * i) * Math.cos(0.11 * j) + 1.5 * Math.cos(0.23 * i + 1) * Math.sin(0.05 * j + 0.3) + 0.1 * Math.sin(1.7 * i + 2.3 * j);
  }
  return { data, rows: n, cols: d };
}

// Reference: scikit-learn 1.2.1 PCA(n_components=2) on wide(n, d), computed with Debian's python3-sklearn.
// Components compared up to sign: scikit-learn flips by the scores, this module by the loadings.
const WIDE_REFERENCE = [
  {
    n: 400,
    d: 300,
    variance: [676.8775617550989, 174.9042244737016],
    ratio: [0.7932603527487866, 0.20497737647486186],
    firstLoadings: [
      [-0.08175586792695612, -0.08129500803113976, -0.07986664670401583, -0.07746148362796881],
      [0.0229654576966753, 0.02676112102445284, 0.03046994884076304, 0.0341578023124197],
    ],
    firstRows: [
      [0.4048885261628691, 10.50082628521795],
      [-12.870719256711187, 6.504491863048634],
    ],
  },
  {
    n: 2000,
    d: 3072,
    variance: [6911.549373271026, 1728.7884692342996],
    ratio: [0.7984963629297552, 0.19972819846979856],
    firstLoadings: [
      [-0.0255317374619612, -0.025378371885020862, -0.02491998239283396, -0.024160372782176007],
      [-0.007596692279917058, -0.008802458678522855, -0.009986717926205844, -0.011147698433205025],
    ],
    firstRows: [
      [0.23979153489773933, -31.79364942645715],
      [-42.30250567772712, -19.598277590388378],
    ],
  },
];

describe('PCA of wide data (covariance never formed)', () => {
  it('matches scikit-learn when every row is used (400 × 300)', () => {
    const ref = WIDE_REFERENCE[0];
    const X = wide(ref.n, ref.d);
    const pca = fitPca2(X);
    const z = projectPca2({ data: X.data.subarray(0, 2 * ref.d), rows: 2, cols: ref.d }, pca);
    for (let k = 0; k < 2; k++) {
      expect(pca.explainedVariance[k]).toBeCloseTo(ref.variance[k], 6);
      expect(pca.explainedVarianceRatio[k]).toBeCloseTo(ref.ratio[k], 9);
      const sign = Math.sign(pca.components[k * ref.d]) * Math.sign(ref.firstLoadings[k][0]);
      for (let j = 0; j < 4; j++) expect(sign * pca.components[k * ref.d + j]).toBeCloseTo(ref.firstLoadings[k][j], 7);
      for (let i = 0; i < 2; i++) expect(sign * z[2 * i + k]).toBeCloseTo(ref.firstRows[i][k], 4);
    }
  });

  it('fits images-sized data (2,000 × 3,072) on a row budget and still agrees with scikit-learn on all rows', () => {
    const ref = WIDE_REFERENCE[1];
    const X = wide(ref.n, ref.d);
    const pca = fitPca2(X);
    for (let k = 0; k < 2; k++) {
      // The budget keeps 488 of the 2,000 rows: the variances are estimates, the directions agree closely.
      expect(pca.explainedVarianceRatio[k]).toBeCloseTo(ref.ratio[k], 2);
      const sign = Math.sign(pca.components[k * ref.d]) * Math.sign(ref.firstLoadings[k][0]);
      for (let j = 0; j < 4; j++) expect(sign * pca.components[k * ref.d + j]).toBeCloseTo(ref.firstLoadings[k][j], 3);
    }
  });

  it('data of rank one: the first component is a unit vector with all the variance, the second has none', () => {
    const d = 100;
    const X = { data: Float64Array.from({ length: 50 * d }, (_, k) => Math.floor(k / d) * (1 + (k % d) / d)), rows: 50, cols: d };
    const pca = fitPca2(X);
    expect(pca.explainedVarianceRatio[0]).toBeCloseTo(1, 9);
    expect(pca.explainedVariance[1]).toBeCloseTo(0, 6);
    let n1 = 0;
    for (let j = 0; j < d; j++) n1 += pca.components[j] ** 2;
    expect(n1).toBeCloseTo(1, 9);
  });
});
