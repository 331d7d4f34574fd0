import { describe, it, expect } from 'vitest';
import { DataError } from '../errors';
import { applyScaler, fitStandardScaler } from './scaler';
import { assertFinite } from './validate';

describe('fitStandardScaler / applyScaler', () => {
  it('uses the population standard deviation and scale 1 for constant columns (sklearn StandardScaler)', () => {
    const X = { data: Float32Array.from([1, 5, 0.1, 2, 5, 0.1, 3, 5, 0.1, 6, 5, 0.1]), rows: 4, cols: 3 };
    const s = fitStandardScaler(X);
    expect(Array.from(s.mean)).toEqual([3, 5, expect.closeTo(0.1, 7)]);
    // var = ((−2)² + (−1)² + 0² + 3²) / 4 = 3.5
    expect(s.scale[0]).toBeCloseTo(Math.sqrt(3.5), 12);
    expect(s.scale[1]).toBe(1);
    expect(s.scale[2]).toBe(1);
    const Z = applyScaler(X, s);
    expect(Z.data).toBeInstanceOf(Float32Array);
    expect(Z.data[0]).toBeCloseTo(-2 / Math.sqrt(3.5), 6);
    expect(Z.data[1]).toBe(0);
    expect(Z.data[2]).toBeCloseTo(0, 6);
    // Input untouched.
    expect(X.data[0]).toBe(1);
  });

  it('standardised training columns have mean 0 and variance 1', () => {
    const X = { data: Float64Array.from({ length: 300 }, (_, i) => Math.sin(i) * 10 + (i % 3)), rows: 100, cols: 3 };
    const Z = applyScaler(X, fitStandardScaler(X));
    for (let j = 0; j < 3; j++) {
      let m = 0;
      let v = 0;
      for (let i = 0; i < 100; i++) m += Z.data[i * 3 + j] / 100;
      for (let i = 0; i < 100; i++) v += (Z.data[i * 3 + j] - m) ** 2 / 100;
      expect(m).toBeCloseTo(0, 5);
      expect(v).toBeCloseTo(1, 5);
    }
  });

  it('throws DataError on empty input or a column mismatch', () => {
    expect(() => fitStandardScaler({ data: new Float32Array(0), rows: 0, cols: 2 })).toThrow(DataError);
    const s = fitStandardScaler({ data: Float32Array.from([1, 2]), rows: 1, cols: 2 });
    expect(() => applyScaler({ data: Float32Array.from([1, 2, 3]), rows: 1, cols: 3 }, s)).toThrow(DataError);
  });
});

describe('assertFinite', () => {
  it('names the first bad row and column', () => {
    const X = { data: Float32Array.from([1, 2, 3, Number.NaN, 5, Infinity]), rows: 3, cols: 2 };
    expect(() => assertFinite(X, ['age', 'income'])).toThrow(DataError);
    expect(() => assertFinite(X, ['age', 'income'])).toThrow("row 1, column 'income' is not. Got NaN instead.");
    expect(() => assertFinite({ ...X, data: Float32Array.from([1, 2, 3, 4, -Infinity, 0]) })).toThrow('row 2, column 0 is not. Got -Infinity instead.');
    expect(() => assertFinite({ ...X, data: Float32Array.from([1, 2, 3, 4, 5, 6]) })).not.toThrow();
  });
});
