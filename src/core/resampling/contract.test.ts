/**
 * The contract battery every registered resampler passes (imbalanced-learn's
 * `utils/estimator_checks.py` in spirit): bad data is refused with DataError, the strategy is
 * honoured, inputs are never mutated, dtype is preserved, provenance is consistent, seeds reproduce.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError, DataError } from '../errors';
import { createRng } from '../random';
import { countClasses } from '../types';
import type { Matrix } from '../types';
import { RESAMPLER_IDS, resamplers } from './registry';
import type { ResampleResult } from './types';
import { resolveSamplingStrategy } from './samplingStrategy';

function dataset(counts: number[], cols: number, f64: boolean, seed: number): { X: Matrix; y: Int32Array } {
  const rng = createRng(seed);
  const n = counts.reduce((a, b) => a + b, 0);
  const y = rng.shuffle(Int32Array.from(counts.flatMap((m, c) => Array<number>(m).fill(c))));
  const values = Array.from({ length: n * cols }, (_, k) => y[Math.floor(k / cols)] + rng.normal());
  return { X: { data: f64 ? Float64Array.from(values) : Float32Array.from(values), rows: n, cols }, y };
}

function checkProvenance(X: Matrix, y: Int32Array, out: ResampleResult): void {
  const d = X.cols;
  expect(out.X.cols).toBe(d);
  expect(out.X.data.length).toBe(out.X.rows * d);
  expect(out.y).toHaveLength(out.X.rows);
  expect(out.origin).toHaveLength(out.X.rows);
  expect(out.parents).toHaveLength(2 * out.X.rows);
  for (let i = 0; i < out.X.rows; i++) {
    const o = out.origin[i];
    if (o >= 0) {
      expect(out.y[i]).toBe(y[o]);
      for (let j = 0; j < d; j++) expect(out.X.data[i * d + j]).toBe(X.data[o * d + j]);
      expect([out.parents[2 * i], out.parents[2 * i + 1]]).toEqual([-1, -1]);
    } else {
      expect(o).toBe(-1);
      const a = out.parents[2 * i];
      const b = out.parents[2 * i + 1];
      expect(a).toBeGreaterThanOrEqual(0);
      expect(y[a]).toBe(out.y[i]);
      if (b >= 0) expect(y[b]).toBe(out.y[i]);
      else expect(b).toBe(-1);
    }
    for (let j = 0; j < d; j++) expect(Number.isFinite(out.X.data[i * d + j])).toBe(true);
  }
}

describe.each(RESAMPLER_IDS)('resampler contract: %s', (id) => {
  const entry = resamplers[id];
  const run = entry.resample;

  it('has a parameter spec for every option with a default, a help text and a citation', () => {
    expect(entry.id).toBe(id);
    expect(entry.citation.length).toBeGreaterThan(10);
    for (const p of entry.params) {
      expect(p.help.length).toBeGreaterThan(10);
      expect(p.default).toBeDefined();
      if (p.kind === 'int' || p.kind === 'float') expect(p.min).toBeDefined();
    }
    expect(entry.params.map((p) => p.name)).toContain('samplingStrategy');
  });

  it('honours the resolved strategy, preserves dtype, never mutates inputs, reproduces with a seed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 6, max: 60 }), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        fc.integer(),
        (counts, cols, f64, seed) => {
          const { X, y } = dataset(counts, cols, f64, seed);
          const Xcopy = X.data.slice();
          const ycopy = y.slice();
          const out = run(X, y, {}, createRng(seed));
          expect(X.data).toEqual(Xcopy);
          expect(y).toEqual(ycopy);
          expect(out.X.data).toBeInstanceOf(f64 ? Float64Array : Float32Array);
          checkProvenance(X, y, out);
          const targets = resolveSamplingStrategy('auto', counts, entry.samplerType);
          const expected =
            entry.samplerType === 'over-sampling'
              ? counts.map((n, c) => n + (targets.get(c) ?? 0))
              : counts.map((n, c) => targets.get(c) ?? n);
          expect(countClasses(out.y, counts.length)).toEqual(expected);
          if (entry.samplerType === 'under-sampling') expect(Array.from(out.origin).every((o) => o >= 0)).toBe(true);
          expect(run(X, y, {}, createRng(seed))).toEqual(out);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a single class with DataError', () => {
    const { X } = dataset([10, 10], 2, false, 1);
    expect(() => run(X, new Int32Array(20), {}, createRng(1))).toThrow(DataError);
    expect(() => run(X, new Int32Array(20), { classNames: ['ERL', 'other'] }, createRng(1))).toThrow(
      "The dataset has only one class ('ERL'); a classifier needs at least two. Got 1 class instead.",
    );
  });

  it('refuses NaN, infinite values, mismatched lengths and labels out of range with DataError', () => {
    const { X, y } = dataset([10, 10], 2, false, 1);
    const nan = { ...X, data: X.data.slice() };
    nan.data[7] = Number.NaN;
    expect(() => run(nan, y, {}, createRng(1))).toThrow(DataError);
    expect(() => run(nan, y, {}, createRng(1))).toThrow('row 3, column 1');
    const inf = { ...X, data: X.data.slice() };
    inf.data[0] = Infinity;
    expect(() => run(inf, y, {}, createRng(1))).toThrow(DataError);
    expect(() => run(X, y.subarray(0, 19), {}, createRng(1))).toThrow(DataError);
    expect(() => run(X, y, { classNames: ['only'] }, createRng(1))).toThrow(DataError);
    expect(() => run({ ...X, rows: 21 }, y, {}, createRng(1))).toThrow(DataError);
  });

  it('refuses an invalid samplingStrategy with ConfigError', () => {
    const { X, y } = dataset([20, 8], 2, false, 1);
    expect(() => run(X, y, { samplingStrategy: 'sideways' as 'auto' }, createRng(1))).toThrow(ConfigError);
    expect(() => run(X, y, { samplingStrategy: 2 }, createRng(1))).toThrow(ConfigError);
    expect(() => run(X, y, { samplingStrategy: { 9: 3 } }, createRng(1))).toThrow(ConfigError);
  });

  it('handles duplicate rows', () => {
    const n0 = 20;
    const n1 = 7;
    const X: Matrix = { data: Float32Array.from({ length: (n0 + n1) * 2 }, (_, k) => (k < n0 * 2 ? 1 : 3)), rows: n0 + n1, cols: 2 };
    const y = Int32Array.from({ length: n0 + n1 }, (_, i) => (i < n0 ? 0 : 1));
    const out = run(X, y, {}, createRng(3));
    checkProvenance(X, y, out);
    for (let i = 0; i < out.X.rows; i++) expect(out.X.data[2 * i]).toBe(out.y[i] === 0 ? 1 : 3);
  });

  it('class smaller than k: DataError naming the class (SMOTE), fine for the others', () => {
    const { X, y } = dataset([15, 5], 2, false, 2);
    const options = { classNames: ['majority', 'minority'], kNeighbors: 5 };
    if (id === 'smote') {
      expect(() => run(X, y, options, createRng(1))).toThrow(DataError);
      expect(() => run(X, y, options, createRng(1))).toThrow(
        "kNeighbors must be < the number of samples in class 'minority' (5). Got 5 instead. Lower kNeighbors to at most 4 or pick random over-sampling.",
      );
    } else {
      expect(() => run(X, y, options, createRng(1))).not.toThrow();
    }
  });
});

describe('resampler options are range-checked by their specs', () => {
  it('kNeighbors must be an integer in range', () => {
    const { X, y } = dataset([30, 10], 2, false, 1);
    for (const kNeighbors of [0, 2.5, 51, Number.NaN]) {
      expect(() => resamplers.smote.resample(X, y, { kNeighbors }, createRng(1))).toThrow(ConfigError);
    }
  });
});
