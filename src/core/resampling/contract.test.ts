/**
 * The contract battery every registered resampler passes (imbalanced-learn's
 * `utils/estimator_checks.py` in spirit): bad data is refused with DataError, the strategy is
 * honoured, inputs are never mutated, dtype is preserved, provenance is consistent, seeds reproduce.
 *
 * The battery is the same for every method; what differs between methods is *documented* (see the
 * doc comment of each resampler) and lives in one place, the PROFILES table in contract.profiles.ts.
 * Every entry that relaxes a check says why; anything not listed there gets the strict default.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError, DataError } from '../errors';
import { createRng } from '../random';
import { countClasses } from '../types';
import type { Labels, Matrix } from '../types';
import { RESAMPLER_IDS, resamplers } from './registry';
import type { ResamplerId } from './registry';
import type { ResampleResult } from './types';
import { resolveSamplingStrategy } from './samplingStrategy';
import { dataset, profileOf, PROFILES } from './contract.profiles';
import type { Profile } from './contract.profiles';

// ---------------------------------------------------------------------------------------------
// Data and checks
// ---------------------------------------------------------------------------------------------

/** The values class c takes in column j. */
function columnValues(X: Matrix, y: Labels, c: number, j: number): Set<number> {
  const s = new Set<number>();
  for (let i = 0; i < X.rows; i++) if (y[i] === c) s.add(X.data[i * X.cols + j]);
  return s;
}

/**
 * Checks x = a + u·(b − a) on the given columns with u ∈ [lo, hi] (tolerance for float32 storage).
 * Returns u (0 when a and b coincide on those columns).
 */
function expectOnLine(X: Matrix, out: ResampleResult, i: number, a: number, b: number, cols: readonly number[], lo: number, hi: number): number {
  const d = X.cols;
  let jMax = cols[0];
  for (const j of cols) if (Math.abs(X.data[b * d + j] - X.data[a * d + j]) > Math.abs(X.data[b * d + jMax] - X.data[a * d + jMax])) jMax = j;
  const span = X.data[b * d + jMax] - X.data[a * d + jMax];
  const u = span === 0 ? 0 : (out.X.data[i * d + jMax] - X.data[a * d + jMax]) / span;
  expect(u).toBeGreaterThanOrEqual(lo - 1e-4);
  expect(u).toBeLessThanOrEqual(hi + 1e-4);
  for (const j of cols) {
    const xa = X.data[a * d + j];
    const xb = X.data[b * d + j];
    const tol = 1e-4 * (1 + Math.abs(xa) + Math.abs(xb));
    expect(Math.abs(out.X.data[i * d + j] - (xa + u * (xb - xa)))).toBeLessThanOrEqual(tol);
  }
  return u;
}

function checkProvenance(X: Matrix, y: Int32Array, out: ResampleResult, profile: Profile): void {
  const d = X.cols;
  const allCols = Array.from({ length: d }, (_, j) => j);
  expect(out.X.cols).toBe(d);
  expect(out.X.data.length).toBe(out.X.rows * d);
  expect(out.y).toHaveLength(out.X.rows);
  expect(out.origin).toHaveLength(out.X.rows);
  expect(out.parents).toHaveLength(2 * out.X.rows);
  const origins: number[] = [];
  for (let i = 0; i < out.X.rows; i++) {
    const o = out.origin[i];
    for (let j = 0; j < d; j++) expect(Number.isFinite(out.X.data[i * d + j])).toBe(true);
    if (o >= 0) {
      origins.push(o);
      expect(o).toBeLessThan(X.rows);
      expect(out.y[i]).toBe(y[o]);
      for (let j = 0; j < d; j++) expect(out.X.data[i * d + j]).toBe(X.data[o * d + j]);
      expect([out.parents[2 * i], out.parents[2 * i + 1]]).toEqual([-1, -1]);
      continue;
    }
    expect(o).toBe(-1);
    expect(profile.synthetic).not.toBe('none');
    const c = out.y[i];
    const a = out.parents[2 * i];
    const b = out.parents[2 * i + 1];
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(X.rows);
    expect(y[a]).toBe(c);
    if (profile.synthetic === 'vote' || profile.synthetic === 'centroid') {
      expect(b).toBe(-1);
      for (let j = 0; j < d; j++) {
        const values = [...columnValues(X, y, c, j)];
        if (profile.synthetic === 'vote') expect(values).toContain(out.X.data[i * d + j]);
        else {
          expect(out.X.data[i * d + j]).toBeGreaterThanOrEqual(Math.min(...values));
          expect(out.X.data[i * d + j]).toBeLessThanOrEqual(Math.max(...values));
        }
      }
      continue;
    }
    expect(b).toBeGreaterThanOrEqual(0);
    expect(b).toBeLessThan(X.rows);
    if (profile.synthetic === 'segment-or-half-step-out' && y[b] !== c) {
      // Borderline-SMOTE 2's half-step towards another class: closer to a than to b.
      expectOnLine(X, out, i, a, b, allCols, 0, 0.5);
      continue;
    }
    expect(y[b]).toBe(c);
    if (profile.synthetic === 'segment-continuous-vote-categorical') {
      const categorical = (profile.options.categoricalFeatures as number[]) ?? [];
      expectOnLine(X, out, i, a, b, allCols.filter((j) => !categorical.includes(j)), 0, 1);
      for (const j of categorical) expect([...columnValues(X, y, c, j)]).toContain(out.X.data[i * d + j]);
    } else {
      expectOnLine(X, out, i, a, b, allCols, profile.synthetic === 'segment-or-extrapolation' ? -0.5 : 0, 1);
    }
  }
  switch (profile.realRows) {
    case 'all-first':
      for (let i = 0; i < X.rows; i++) expect(out.origin[i]).toBe(i);
      break;
    case 'subset-ascending':
      for (let t = 1; t < origins.length; t++) expect(origins[t]).toBeGreaterThan(origins[t - 1]);
      break;
    case 'subset':
      expect(new Set(origins).size).toBe(origins.length);
      break;
    case 'any':
      break;
  }
}

function checkCounts(X: Matrix, y: Int32Array, counts: number[], out: ResampleResult, profile: Profile, id: ResamplerId): void {
  const targets = resolveSamplingStrategy('auto', counts, resamplers[id].samplerType);
  const bounds = profile.counts({ X, y, counts, targets });
  const got = countClasses(out.y, counts.length);
  got.forEach((n, c) => {
    const [lo, hi] = bounds[c];
    if (n < lo || n > hi) expect.fail(`class ${c}: ${n} rows, expected ${lo === hi ? lo : `[${lo}, ${hi}]`} (input counts ${counts.join(', ')}; got ${got.join(', ')})`);
  });
}

// ---------------------------------------------------------------------------------------------
// The battery
// ---------------------------------------------------------------------------------------------

describe.each(RESAMPLER_IDS)('resampler contract: %s', (id) => {
  const entry = resamplers[id];
  const run = entry.resample as (X: Matrix, y: Labels, options: Record<string, unknown>, rng: ReturnType<typeof createRng>) => ResampleResult;
  const profile = profileOf(id);
  const opts = (extra: Record<string, unknown> = {}) => ({ ...profile.options, ...extra });
  const data = (counts: number[], cols: number, f64: boolean, seed: number) => dataset(counts, cols, f64, seed, profile.data);

  it('has a parameter spec for every option with a default, a help text and a citation', () => {
    expect(entry.id).toBe(id);
    expect(entry.citation.length).toBeGreaterThan(10);
    for (const p of entry.params) {
      expect(p.help.length).toBeGreaterThan(10);
      expect(p.default).toBeDefined();
      if (p.kind === 'int' || p.kind === 'float') expect(p.min).toBeDefined();
    }
    const names = entry.params.map((p) => p.name);
    if (profile.hasSamplingStrategy) expect(names).toContain('samplingStrategy');
    else expect(names).not.toContain('samplingStrategy');
  });

  it('honours the resolved strategy, preserves dtype, never mutates inputs, reproduces with a seed', () => {
    let refusals = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 6, max: 60 }), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        fc.integer(),
        (counts, cols, f64, seed) => {
          runs++;
          const { X, y } = data(counts, cols, f64, seed);
          const Xcopy = X.data.slice();
          const ycopy = y.slice();
          const targets = resolveSamplingStrategy('auto', counts, entry.samplerType);
          const expectRefusal = profile.refuses?.({ X, y, counts, targets });
          let out: ResampleResult;
          try {
            out = run(X, y, opts(), createRng(seed));
          } catch (e) {
            expect(X.data).toEqual(Xcopy);
            if (profile.mayRefuse && e instanceof DataError && profile.mayRefuse.test(e.message) && expectRefusal !== false) {
              refusals++;
              return;
            }
            throw e;
          }
          expect(expectRefusal ?? false).toBe(false);
          expect(X.data).toEqual(Xcopy);
          expect(y).toEqual(ycopy);
          expect(out.X.data).toBeInstanceOf(f64 ? Float64Array : Float32Array);
          checkProvenance(X, y, out, profile);
          checkCounts(X, y, counts, out, profile, id);
          expect(run(X, y, opts(), createRng(seed))).toEqual(out);
        },
      ),
      { numRuns: profile.numRuns },
    );
    // A documented refusal must stay the exception, not become the rule (unless it is predicted exactly).
    if (!profile.refuses) expect(refusals).toBeLessThanOrEqual(runs / 3);
  });

  if (profile.mayRefuse) {
    it('succeeds on well-separated classes (the refusal is data-dependent only)', () => {
      const counts = [60, 20, 12];
      const rng = createRng(5);
      const y = Int32Array.from(counts.flatMap((m, c) => Array<number>(m).fill(c)));
      const X: Matrix = { data: Float64Array.from({ length: y.length * 2 }, (_, k) => 3 * y[k >> 1] + rng.normal()), rows: y.length, cols: 2 };
      const out = run(X, y, opts(), createRng(1));
      checkProvenance(X, y, out, profile);
      checkCounts(X, y, counts, out, profile, id);
    });
  }

  it('refuses a single class with DataError', () => {
    const { X } = data([10, 10], 2, false, 1);
    expect(() => run(X, new Int32Array(20), opts(), createRng(1))).toThrow(DataError);
    expect(() => run(X, new Int32Array(20), opts({ classNames: ['ERL', 'other'] }), createRng(1))).toThrow(
      "The dataset has only one class ('ERL'); a classifier needs at least two. Got 1 class instead.",
    );
  });

  it('refuses NaN, infinite values, mismatched lengths and labels out of range with DataError', () => {
    const { X, y } = data([10, 10], 2, false, 1);
    const nan = { ...X, data: X.data.slice() };
    nan.data[7] = Number.NaN;
    expect(() => run(nan, y, opts(), createRng(1))).toThrow(DataError);
    expect(() => run(nan, y, opts(), createRng(1))).toThrow('row 3, column 1');
    const inf = { ...X, data: X.data.slice() };
    inf.data[0] = Infinity;
    expect(() => run(inf, y, opts(), createRng(1))).toThrow(DataError);
    expect(() => run(X, y.subarray(0, 19), opts(), createRng(1))).toThrow(DataError);
    expect(() => run(X, y, opts({ classNames: ['only'] }), createRng(1))).toThrow(DataError);
    expect(() => run({ ...X, rows: 21 }, y, opts(), createRng(1))).toThrow(DataError);
  });

  it('refuses an invalid samplingStrategy with ConfigError', () => {
    const { X, y } = data([20, 8], 2, false, 1);
    expect(() => run(X, y, opts({ samplingStrategy: 'sideways' }), createRng(1))).toThrow(ConfigError);
    expect(() => run(X, y, opts({ samplingStrategy: 2 }), createRng(1))).toThrow(ConfigError);
    expect(() => run(X, y, opts({ samplingStrategy: { 9: 3 } }), createRng(1))).toThrow(ConfigError);
  });

  it('handles duplicate rows', () => {
    const n0 = 20;
    const n1 = 7;
    const X: Matrix = { data: Float32Array.from({ length: (n0 + n1) * 2 }, (_, k) => (k < n0 * 2 ? 1 : 3)), rows: n0 + n1, cols: 2 };
    const y = Int32Array.from({ length: n0 + n1 }, (_, i) => (i < n0 ? 0 : 1));
    if (profile.refusesSeparated) {
      expect(() => run(X, y, opts(), createRng(3))).toThrow(DataError);
      expect(() => run(X, y, opts(), createRng(3))).toThrow(profile.refusesSeparated);
      return;
    }
    const out = run(X, y, opts(), createRng(3));
    checkProvenance(X, y, out, profile);
    checkCounts(X, y, [n0, n1], out, profile, id);
    for (let i = 0; i < out.X.rows; i++) expect(out.X.data[2 * i]).toBe(out.y[i] === 0 ? 1 : 3);
  });

  it('class smaller than k + 1: DataError naming the class and a k that works (SMOTE family), fine for the others', () => {
    const { X, y } = data([15, 5], 2, false, 2);
    const k = profile.smallClass?.option ?? 'kNeighbors';
    const options = opts({ classNames: ['majority', 'minority'], [k]: 5 });
    if (profile.smallClass === null) {
      expect(() => run(X, y, options, createRng(1))).not.toThrow();
      return;
    }
    expect(() => run(X, y, options, createRng(1))).toThrow(DataError);
    expect(() => run(X, y, options, createRng(1))).toThrow(
      `${k} must be < the number of samples in class 'minority' (5). Got 5 instead. Lower ${k} to at most 4 or pick random over-sampling.`,
    );
    // The advised k is accepted (KMeans-SMOTE / ADASYN may still refuse for their documented, data-dependent reasons).
    try {
      run(X, y, opts({ classNames: ['majority', 'minority'], [k]: 4 }), createRng(1));
    } catch (e) {
      if (!(profile.mayRefuse && e instanceof DataError && profile.mayRefuse.test(e.message))) throw e;
    }
  });
});

describe('resampler contract: registry', () => {
  it('has a profile for exactly the registered resamplers', () => {
    expect(Object.keys(PROFILES).sort()).toEqual([...RESAMPLER_IDS].sort());
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
