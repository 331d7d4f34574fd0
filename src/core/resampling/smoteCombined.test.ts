/**
 * SMOTE + Tomek links, SMOTE + ENN and SMOTE + random under-sampling: each is SMOTE's output
 * (same draws) cleaned or under-sampled, with provenance carried through.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../random';
import type { Matrix } from '../types';
import { editedNearestNeighbours } from './editedNearestNeighbours';
import { selectFromResult } from './selection';
import { smote } from './smote';
import { smoteEnn, smoteRus, smoteTomek } from './smoteCombined';
import { tomekLinks } from './tomekLinks';
import type { ResampleResult } from './types';
import { labelledData } from './testSupport';

function dataset(counts: number[], cols: number, seed: number): { X: Matrix; y: Int32Array } {
  const { X, y } = labelledData(counts, cols, true, seed, (k, y, rng) => 0.7 * y[Math.floor(k / cols)] + rng.normal());
  return { X, y };
}

/** Every copied row equals its origin; every synthetic row lies on the segment between its parents. */
function checkProvenance(X: Matrix, y: Int32Array, out: ResampleResult): void {
  const d = X.cols;
  for (let i = 0; i < out.X.rows; i++) {
    const o = out.origin[i];
    if (o >= 0) {
      expect(out.y[i]).toBe(y[o]);
      for (let j = 0; j < d; j++) expect(out.X.data[i * d + j]).toBe(X.data[o * d + j]);
      expect(out.parents[2 * i]).toBe(-1);
    } else {
      const a = out.parents[2 * i];
      const b = out.parents[2 * i + 1];
      expect(y[a]).toBe(out.y[i]);
      expect(y[b]).toBe(out.y[i]);
      // x = x_a + u (x_b − x_a) for one u in [0, 1]
      let u = Number.NaN;
      for (let j = 0; j < d; j++) {
        const span = X.data[b * d + j] - X.data[a * d + j];
        if (Math.abs(span) > 1e-9) u = (out.X.data[i * d + j] - X.data[a * d + j]) / span;
      }
      if (!Number.isNaN(u)) {
        expect(u).toBeGreaterThanOrEqual(-1e-9);
        expect(u).toBeLessThanOrEqual(1 + 1e-9);
        for (let j = 0; j < d; j++) expect(out.X.data[i * d + j]).toBeCloseTo(X.data[a * d + j] + u * (X.data[b * d + j] - X.data[a * d + j]), 9);
      }
    }
  }
}

const property = fc.tuple(fc.array(fc.integer({ min: 7, max: 40 }), { minLength: 2, maxLength: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer());

describe('SMOTE + Tomek links / SMOTE + ENN', () => {
  it('= SMOTE with the same rng, then Tomek links / ENN with every class targeted, provenance carried through', () => {
    fc.assert(
      fc.property(property, ([counts, cols, seed]) => {
        const { X, y } = dataset(counts, cols, seed);
        const Xcopy = X.data.slice();
        const over = smote(X, y, {}, createRng(seed));

        const tomek = smoteTomek(X, y, {}, createRng(seed));
        const tl = tomekLinks(over.X, over.y, { samplingStrategy: 'all' }, createRng(0));
        expect(tomek).toEqual(selectFromResult(over, tl.origin));
        checkProvenance(X, y, tomek);

        const enn = smoteEnn(X, y, { kindSel: 'mode' }, createRng(seed));
        const ed = editedNearestNeighbours(over.X, over.y, { samplingStrategy: 'all', kindSel: 'mode' }, createRng(0));
        expect(enn).toEqual(selectFromResult(over, ed.origin));
        checkProvenance(X, y, enn);

        expect(X.data).toEqual(Xcopy);
        expect(smoteTomek(X, y, {}, createRng(seed))).toEqual(tomek);
      }),
      { numRuns: 30 },
    );
  });

  it('keeps synthetic rows with their parents when they survive the cleaning', () => {
    const { X, y } = dataset([40, 10], 2, 3);
    const out = smoteEnn(X, y, {}, createRng(3));
    const synthetic = Array.from(out.origin).filter((o) => o === -1).length;
    expect(synthetic).toBeGreaterThan(0);
    checkProvenance(X, y, out);
  });

  it('passes samplingStrategy and kNeighbors to SMOTE', () => {
    const { X, y } = dataset([30, 5], 2, 1);
    expect(() => smoteTomek(X, y, {}, createRng(1))).toThrow("kNeighbors must be < the number of samples in class '1' (5). Got 5 instead.");
    const out = smoteTomek(X, y, { kNeighbors: 3, samplingStrategy: { 1: 10 } }, createRng(1));
    expect(Array.from(out.origin).filter((o) => o === -1).length).toBeLessThanOrEqual(5);
  });
});

describe('SMOTE + random under-sampling (Chawla et al. 2002, §5)', () => {
  it("the paper's example: 50 minority, 200 majority, no SMOTE, majority under-sampled at 200% → 25 majority rows", () => {
    const { X, y } = dataset([200, 50], 2, 1);
    const out = smoteRus(X, y, { smotePercent: 0, underPercent: 200 }, createRng(1));
    expect([out.y.filter((c) => c === 0).length, out.y.filter((c) => c === 1).length]).toEqual([25, 50]);
    expect(Array.from(out.origin).every((o, i, a) => o >= 0 && (i === 0 || o > a[i - 1]))).toBe(true);
  });

  it('SMOTE 200% adds two synthetic rows per minority row, then the majority is cut to minority · 100 / U', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 6, max: 12 }),
        fc.integer({ min: 40, max: 120 }),
        fc.integer({ min: 13, max: 25 }),
        fc.constantFrom(0, 100, 200, 300, 50),
        fc.constantFrom(100, 150, 200, 400),
        fc.integer(),
        (nMin, nMaj, nOther, N, U, seed) => {
          const { X, y } = dataset([nMaj, nOther, nMin], 2, seed);
          const out = smoteRus(X, y, { smotePercent: N, underPercent: U }, createRng(seed));
          const minority = nMin + Math.round((N / 100) * nMin);
          const count = (c: number) => out.y.filter((l) => l === c).length;
          expect(count(2)).toBe(minority);
          expect(count(0)).toBe(Math.min(nMaj, Math.max(1, Math.round((minority * 100) / U))));
          expect(count(1)).toBe(nOther);
          checkProvenance(X, y, out);
          expect(smoteRus(X, y, { smotePercent: N, underPercent: U }, createRng(seed))).toEqual(out);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('range-checks its percentages', () => {
    const { X, y } = dataset([30, 10], 2, 1);
    expect(() => smoteRus(X, y, { underPercent: 0 }, createRng(1))).toThrow('underPercent must be an integer between 1 and 5000. Got 0 instead.');
    expect(() => smoteRus(X, y, { smotePercent: -100 }, createRng(1))).toThrow('smotePercent must be an integer between 0 and 5000. Got -100 instead.');
  });
});

describe('SMOTE + random under-sampling refuses a sampling strategy', () => {
  it("is set by N % and U % only: a strategy other than 'auto' is an error, not ignored", () => {
    const X: Matrix = { data: Float64Array.from({ length: 60 }, (_, i) => (i % 7) + (i < 40 ? 0 : 5)), rows: 30, cols: 2 };
    const y = Int32Array.from({ length: 30 }, (_, i) => (i < 20 ? 0 : 1));
    expect(() => smoteRus(X, y, { samplingStrategy: 'minority' }, createRng(1))).toThrow(
      "smote-rus is set by smotePercent and underPercent (the SMOTE paper's N % and U %); samplingStrategy does not apply. Use 'smote' or 'smote-tomek' for a sampling strategy. Got 'minority' instead.",
    );
    expect(() => smoteRus(X, y, { samplingStrategy: 'auto' }, createRng(1))).not.toThrow();
  });
});
