import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError, DataError } from '../errors';
import { createRng } from '../random';
import type { Matrix } from '../types';
import { SVC_MAX_ROWS, fitSvc, gammaScale } from './svc';

const m = (rows: number[][]): Matrix => ({ data: Float64Array.from(rows.flat()), rows: rows.length, cols: rows[0].length });

// 30 + 12 points, rounded to 3 decimals: numpy RandomState(0), randn(30, 2) and randn(12, 2) + 1.5.
const X42 = m([
  [1.764, 0.4], [0.979, 2.241], [1.868, -0.977], [0.95, -0.151], [-0.103, 0.411], [0.144, 1.454], [0.761, 0.122], [0.444, 0.334],
  [1.494, -0.205], [0.313, -0.854], [-2.553, 0.654], [0.864, -0.742], [2.27, -1.454], [0.046, -0.187], [1.533, 1.469], [0.155, 0.378],
  [-0.888, -1.981], [-0.348, 0.156], [1.23, 1.202], [-0.387, -0.302], [-1.049, -1.42], [-1.706, 1.951], [-0.51, -0.438], [-1.253, 0.777],
  [-1.614, -0.213], [-0.895, 0.387], [-0.511, -1.181], [-0.028, 0.428], [0.067, 0.302], [-0.634, -0.363], [0.828, 1.14], [0.687, -0.226],
  [1.677, 1.098], [-0.13, 1.963], [0.593, 1.552], [2.229, 1.629], [2.639, 0.265], [1.902, 0.815], [0.629, 0.921], [1.188, 1.556],
  [0.335, 2.401], [1.966, -0.036],
]);
const y42 = Int32Array.from({ length: 42 }, (_, i) => (i < 30 ? -1 : 1));

describe('fitSvc', () => {
  it('hand-checkable linear case: support vectors (0,0) and (2,0), w = (1,0), b = −1, α = ½', () => {
    // Max margin between {(0,0), (−1,1), (−1,−1)} and {(2,0), (3,1), (3,−1)} is the line x = 1.
    // scikit-learn SVC(kernel='linear', C=1000): support_ [0 3], dual_coef_ [[−0.5 0.5]], intercept_ [−1].
    const X = m([[0, 0], [-1, 1], [-1, -1], [2, 0], [3, 1], [3, -1]]);
    const model = fitSvc(X, [-1, -1, -1, 1, 1, 1], { kernel: 'linear', C: 1000 });
    expect(Array.from(model.supportIndices)).toEqual([0, 3]);
    expect(model.dualCoef[0]).toBeCloseTo(-0.5, 6);
    expect(model.dualCoef[1]).toBeCloseTo(0.5, 6);
    expect(model.bias).toBeCloseTo(-1, 6);
    const f = model.decisionFunction(m([[0, 0], [2, 0], [1, 5], [-3, 0]]));
    expect(f[0]).toBeCloseTo(-1, 6);
    expect(f[1]).toBeCloseTo(1, 6);
    expect(f[2]).toBeCloseTo(0, 6);
    expect(f[3]).toBeCloseTo(-4, 6);
  });

  it('matches scikit-learn 1.2.1 SVC() (rbf, gamma=scale, C=1) support set and intercept on 42 overlapping points', () => {
    // Values from /usr/bin/python3, sklearn 1.2.1: SVC().fit(X42, y42) → support_, _gamma, intercept_.
    const model = fitSvc(X42, y42);
    expect(model.gamma).toBeCloseTo(0.41054439792570413, 12);
    expect(Array.from(model.supportIndices)).toEqual([0, 1, 2, 5, 6, 7, 8, 10, 12, 14, 15, 16, 18, 21, 24, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41]);
    expect(model.bias).toBeCloseTo(-0.42420101, 2);
    expect(model.dualCoef[2]).toBeCloseTo(-0.332583, 2);
    expect(model.converged).toBe(true);
  });

  it('matches scikit-learn SVC(kernel="linear") support set on the same points', () => {
    // sklearn 1.2.1: support_ of SVC(kernel='linear').fit(X42, y42), intercept_ −1.72370284.
    const model = fitSvc(X42, y42, { kernel: 'linear' });
    expect(Array.from(model.supportIndices)).toEqual([0, 1, 3, 5, 6, 7, 8, 14, 18, 30, 31, 32, 33, 34, 36, 37, 38, 39, 41]);
    expect(model.bias).toBeCloseTo(-1.72370284, 2);
  });

  it('separable data: 100% training accuracy, Σ α_i y_i = 0, and support vectors on or inside the margin (y f(x) <= 1)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 4, max: 40 }), fc.constantFrom<'rbf' | 'linear'>('rbf', 'linear'), (seed, n, kernel) => {
        const rng = createRng(seed);
        const rows: number[][] = [];
        const y: number[] = [];
        for (let i = 0; i < n; i++) {
          const label = i % 2 === 0 ? 1 : -1;
          rows.push([label * (1.5 + rng.next()), rng.normal()]);
          y.push(label);
        }
        const X = m(rows);
        const model = fitSvc(X, y, { kernel, C: 100 });
        const f = model.decisionFunction(X);
        for (let i = 0; i < n; i++) expect(Math.sign(f[i])).toBe(y[i]);
        let s = 0;
        for (const c of model.dualCoef) s += c;
        expect(Math.abs(s)).toBeLessThan(1e-9);
        for (const i of model.supportIndices) expect(y[i] * f[i]).toBeLessThanOrEqual(1 + 1e-2);
        // non-support vectors are outside the margin (KKT up to tol)
        const sv = new Set(model.supportIndices);
        for (let i = 0; i < n; i++) if (!sv.has(i)) expect(y[i] * f[i]).toBeGreaterThanOrEqual(1 - 1e-2);
      }),
      { numRuns: 60 },
    );
  });

  it('gamma scale = 1 / (d · Var(X)), 1 for constant X', () => {
    expect(gammaScale(m([[0, 0], [2, 2]]))).toBeCloseTo(1 / (2 * 1), 12);
    expect(gammaScale(m([[3, 3], [3, 3]]))).toBe(1);
  });

  it('refuses bad options and data with messages ending "Got X instead."', () => {
    const X = m([[0], [1]]);
    expect(() => fitSvc(X, [1, -1], { C: 0 })).toThrow(ConfigError);
    expect(() => fitSvc(X, [1, -1], { C: 0 })).toThrow('C must be a number > 0. Got 0 instead.');
    expect(() => fitSvc(X, [1, -1], { gamma: -1 })).toThrow("gamma must be 'scale' or a number > 0. Got -1 instead.");
    expect(() => fitSvc(X, [1, 1])).toThrow(DataError);
    expect(() => fitSvc(X, [1, 1])).toThrow('Got only +1 instead.');
    expect(() => fitSvc(X, [1])).toThrow('y must have one label per row of X (2). Got 1 instead.');
    const big: Matrix = { data: new Float64Array(SVC_MAX_ROWS + 1), rows: SVC_MAX_ROWS + 1, cols: 1 };
    expect(() => fitSvc(big, new Int32Array(SVC_MAX_ROWS + 1).fill(1))).toThrow(`Got ${SVC_MAX_ROWS + 1} instead.`);
  });

  it('does not mutate its inputs', () => {
    const data = X42.data.slice();
    const y = y42.slice();
    fitSvc(X42, y42);
    expect(X42.data).toEqual(data);
    expect(y42).toEqual(y);
  });
});
