import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { DataError } from '../errors';
import { createRng } from '../random';
import { countClasses } from '../types';
import type { Matrix } from '../types';
import { borderlineSets, borderlineSmote1, borderlineSmote1Entry, borderlineSmote2, borderlineSmote2Entry } from './borderlineSmote';
import { resolveSamplingStrategy } from './samplingStrategy';
import type { SamplingStrategy } from './samplingStrategy';
import { labelledData, segmentParameter, sqDist, toMatrix } from './testSupport';

interface Case {
  name: string;
  X: number[][];
  y: number[];
  borderline_m10?: { minority_class: number; danger_rows: number[]; noise_rows: number[] };
  counts_after: Record<string, unknown>;
}
const fixture = JSON.parse(readFileSync(new URL('../../../../shared/fixtures/resampling.json', import.meta.url), 'utf8')) as { cases: Case[] };

/** Overlapping classes (means 0, 1, 2, … plus unit noise) so that most classes have a border. */
const datasetArb = fc
  .record({
    counts: fc.array(fc.integer({ min: 3, max: 40 }), { minLength: 2, maxLength: 4 }),
    cols: fc.integer({ min: 1, max: 3 }),
    grid: fc.boolean(),
    f64: fc.boolean(),
    seed: fc.integer(),
  })
  .map(({ counts, cols, grid, f64, seed }) =>
    labelledData(counts, cols, f64, seed, (t, y, rng) => {
      const v = 0.7 * y[Math.floor(t / cols)] + rng.normal();
      return grid ? Math.round(v) : v;
    }),
  );

/** Squared distance of the k-th nearest row j ≠ a with pick(j) (Infinity when there are fewer). */
function kthDistance(X: Matrix, a: number, k: number, pick: (j: number) => boolean): number {
  const ds: number[] = [];
  for (let j = 0; j < X.rows; j++) if (j !== a && pick(j)) ds.push(sqDist(X, a, j));
  ds.sort((p, q) => p - q);
  return ds[Math.min(k, ds.length) - 1];
}

describe('Borderline-SMOTE: imbalanced-learn 0.10 fixtures', () => {
  for (const c of fixture.cases) {
    const X = toMatrix(c.X);
    const y = Int32Array.from(c.y);
    const pinned = c.borderline_m10;
    if (pinned) {
      it(`${c.name}: danger and noise sets with m = 10`, () => {
        const sets = borderlineSets(X, y, pinned.minority_class, 10);
        expect(Array.from(sets.danger)).toEqual(pinned.danger_rows);
        expect(Array.from(sets.noise)).toEqual(pinned.noise_rows);
      });
    }
    const after = c.counts_after.BorderlineSMOTE1_k5_m10 as Record<string, number> | undefined;
    if (after) {
      it(`${c.name}: class counts after Borderline-SMOTE 1 (k = 5, m = 10)`, () => {
        const expected = Object.entries(after)
          .sort((p, q) => Number(p[0]) - Number(q[0]))
          .map(([, n]) => n);
        for (const seed of [0, 1, 2]) {
          const out = borderlineSmote1(X, y, { kNeighbors: 5, mNeighbors: 10 }, createRng(seed));
          expect(countClasses(out.y, expected.length)).toEqual(expected);
        }
      });
    }
  }

  it('danger / noise rule on a hand-checkable line (m = 2: danger iff exactly 1 of 2 neighbours is foreign)', () => {
    // x:     0  1  2  3  10 11 12 20
    // class: 1  1  0  0  0  0  0  1
    const X = toMatrix([[0], [1], [2], [3], [10], [11], [12], [20]]);
    const y = Int32Array.from([1, 1, 0, 0, 0, 0, 0, 1]);
    // row 0: nn {1, 2} → 1 foreign → danger; row 1: nn {0, 2} (tie 0 vs 2 → lower index) → danger;
    // row 7: nn {6, 5} → both foreign → noise.
    const sets = borderlineSets(X, y, 1, 2);
    expect(Array.from(sets.danger)).toEqual([0, 1]);
    expect(Array.from(sets.noise)).toEqual([7]);
    // Class 0: row 2 nn {1, 3} → danger; row 3 nn {2, 1} → danger; 10/11/12 safe.
    const sets0 = borderlineSets(X, y, 0, 2);
    expect(Array.from(sets0.danger)).toEqual([2, 3]);
    expect(Array.from(sets0.noise)).toEqual([]);
  });
});

describe.each([
  ['borderline-smote-1', borderlineSmote1, 1],
  ['borderline-smote-2', borderlineSmote2, 2],
] as const)('%s', (_id, run, kind) => {
  it('synthetic points lie on segments from a danger sample to one of its k nearest neighbours (same class: u ∈ [0, 1]; other class, kind 2: u ∈ [0, 0.5])', () => {
    fc.assert(
      fc.property(
        datasetArb,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<SamplingStrategy>('auto', 'minority', 'all'),
        fc.integer(),
        ({ X, y, counts }, kRaw, mRaw, strategy, seed) => {
          const k = Math.min(kRaw, Math.min(...counts) - 1);
          const m = Math.min(mRaw, X.rows - 1);
          const out = run(X, y, { kNeighbors: k, mNeighbors: m, samplingStrategy: strategy }, createRng(seed));
          const danger = new Map<number, Set<number>>();
          const dangerOf = (c: number) => {
            if (!danger.has(c)) danger.set(c, new Set(borderlineSets(X, y, c, m).danger));
            return danger.get(c) as Set<number>;
          };
          for (let i = X.rows; i < out.X.rows; i++) {
            expect(out.origin[i]).toBe(-1);
            const a = out.parents[2 * i];
            const b = out.parents[2 * i + 1];
            const c = out.y[i];
            expect(y[a]).toBe(c);
            expect(dangerOf(c).has(a)).toBe(true);
            expect(b).not.toBe(a);
            const u = segmentParameter(X, out, i, a, b, expect);
            const tol = 1e-4;
            expect(u).toBeGreaterThanOrEqual(-tol);
            if (y[b] === c) {
              expect(sqDist(X, a, b)).toBeLessThanOrEqual(kthDistance(X, a, k, (j) => y[j] === c));
              expect(u).toBeLessThanOrEqual(1 + tol);
            } else {
              expect(kind).toBe(2);
              expect(sqDist(X, a, b)).toBeLessThanOrEqual(kthDistance(X, a, k, (j) => y[j] !== c));
              expect(u).toBeLessThanOrEqual(0.5 + tol);
            }
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('class counts: input + target when the class has danger samples (kind 2: or one less), unchanged otherwise; inputs untouched; seeds reproduce', () => {
    fc.assert(
      fc.property(datasetArb, fc.constantFrom<SamplingStrategy>('auto', 'minority', 'not minority', 'all'), fc.integer(), ({ X, y, counts }, strategy, seed) => {
        const k = Math.min(5, Math.min(...counts) - 1);
        const m = Math.min(10, X.rows - 1);
        const Xcopy = X.data.slice();
        const ycopy = y.slice();
        const out = run(X, y, { kNeighbors: k, mNeighbors: m, samplingStrategy: strategy }, createRng(seed));
        expect(X.data).toEqual(Xcopy);
        expect(y).toEqual(ycopy);
        expect(out.X.data).toBeInstanceOf(X.data.constructor as Float32ArrayConstructor);
        const targets = resolveSamplingStrategy(strategy, counts, 'over-sampling');
        const got = countClasses(out.y, counts.length);
        counts.forEach((n, c) => {
          const want = targets.get(c) ?? 0;
          const hasDanger = want > 0 && borderlineSets(X, y, c, m).danger.length > 0;
          if (!hasDanger) expect(got[c]).toBe(n);
          else if (kind === 1) expect(got[c]).toBe(n + want);
          else expect([n + want - 1, n + want]).toContain(got[c]);
        });
        for (let i = 0; i < X.rows; i++) expect(out.origin[i]).toBe(i);
        expect(Array.from(out.X.data.subarray(0, X.data.length))).toEqual(Array.from(X.data));
        expect(run(X, y, { kNeighbors: k, mNeighbors: m, samplingStrategy: strategy }, createRng(seed))).toEqual(out);
      }),
      { numRuns: 80 },
    );
  });

  it('a class without danger samples gets no synthetic sample (as imbalanced-learn), however small', () => {
    // Two well separated clusters: nothing is in danger.
    const X = toMatrix([...Array.from({ length: 12 }, (_, i) => [i * 0.1, 0]), ...Array.from({ length: 3 }, (_, i) => [100 + i * 0.1, 0])]);
    const y = Int32Array.from({ length: 15 }, (_, i) => (i < 12 ? 0 : 1));
    // m = 2: each minority sample's two nearest neighbours are the other two minority samples.
    const out = run(X, y, { kNeighbors: 5, mNeighbors: 2 }, createRng(1));
    expect(out.X.rows).toBe(15);
  });

  it('errors name the class and the k that would work, and a too large mNeighbors', () => {
    // Minority of 5 interleaved with the majority: every minority sample is in danger.
    const X = toMatrix(Array.from({ length: 20 }, (_, i) => [i, 0]));
    const y = Int32Array.from({ length: 20 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    expect(() => run(X, y, { classNames: ['majority', 'minority'] }, createRng(1))).toThrow(DataError);
    expect(() => run(X, y, { classNames: ['majority', 'minority'] }, createRng(1))).toThrow(
      "kNeighbors must be < the number of samples in class 'minority' (5). Got 5 instead. Lower kNeighbors to at most 4 or pick random over-sampling.",
    );
    expect(() => run(X, y, { kNeighbors: 4 }, createRng(1))).not.toThrow();
    expect(() => run(X, y, { kNeighbors: 4, mNeighbors: 20 }, createRng(1))).toThrow(
      'mNeighbors must be < the number of samples (20): each sample needs mNeighbors other samples. Got 20 instead. Lower mNeighbors to at most 19.',
    );
    expect(() => run(X, y, { kNeighbors: 4, mNeighbors: 0 }, createRng(1))).toThrow('mNeighbors must be an integer between 1 and 100');
  });
});

describe('borderline-smote-2 half-steps', () => {
  it('draws f ~ Beta(10, 10): part of the samples go half-way at most towards other-class neighbours', () => {
    const X = toMatrix(Array.from({ length: 40 }, (_, i) => [i, (i * 7) % 5]));
    const y = Int32Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    let foreign = 0;
    let same = 0;
    for (const seed of [1, 2, 3]) {
      const out = borderlineSmote2(X, y, { kNeighbors: 3 }, createRng(seed));
      expect([59, 60]).toContain(out.X.rows); // 30 + 10 rows, then 20 or 19 synthetic
      for (let i = 40; i < out.X.rows; i++) (y[out.parents[2 * i + 1]] === 1 ? same++ : foreign++);
    }
    expect(foreign).toBeGreaterThan(0);
    expect(same).toBeGreaterThan(0);
  });
});

describe('registry entries', () => {
  it('are shaped like the registry’s', () => {
    for (const [entry, run, id] of [
      [borderlineSmote1Entry, borderlineSmote1, 'borderline-smote-1'],
      [borderlineSmote2Entry, borderlineSmote2, 'borderline-smote-2'],
    ] as const) {
      expect(entry.id).toBe(id);
      expect(entry.resample).toBe(run);
      expect(entry.samplerType).toBe('over-sampling');
      expect(entry.params.map((p) => p.name)).toEqual(['kNeighbors', 'mNeighbors', 'samplingStrategy']);
      for (const p of entry.params) expect(p.help.length).toBeGreaterThan(10);
      expect(entry.citation).toContain('Han, Wang & Mao 2005');
    }
  });
});
