/**
 * NearMiss on a one-dimensional example small enough to score by hand. Every expected list was
 * also checked against imbalanced-learn 0.10.0 (`NearMiss(version=v, n_neighbors=k,
 * n_neighbors_ver3=k3).fit_resample`, sorted `sample_indices_`), which gives the same rows.
 */
import { describe, it, expect } from 'vitest';
import { createRng } from '../random';
import type { Matrix } from '../types';
import { nearMiss1, nearMiss2, nearMiss3 } from './nearMiss';

// row:        0  1  2  3   4  5   6
// x:          1  0  4  6  10  9  20
// class:      0  1  0  0   1  0   0     minority = class 1 = {0, 10}; 'auto' keeps 2 of class 0.
const X: Matrix = { data: Float64Array.from([1, 0, 4, 6, 10, 9, 20]), rows: 7, cols: 1 };
const y = Int32Array.from([0, 1, 0, 0, 1, 0, 0]);
const keptRows = (out: { origin: Int32Array }) => Array.from(out.origin);

describe('NearMiss, scored by hand', () => {
  it('NearMiss-1, k=1: distance to the nearest minority sample 1, 4, 4, 1, 10 → keep x=1 and x=9', () => {
    expect(keptRows(nearMiss1(X, y, { nNeighbors: 1 }, createRng(0)))).toEqual([0, 1, 4, 5]);
  });

  it('NearMiss-2, k=1: distance to the farthest minority sample 9, 6, 6, 9, 20 → keep x=4 and x=6', () => {
    expect(keptRows(nearMiss2(X, y, { nNeighbors: 1 }, createRng(0)))).toEqual([1, 2, 3, 4]);
  });

  it('NearMiss-3, k=1, k3=2: short list {1, 4} ∪ {9, 6}, scores 1, 4, 4, 1, keep the two largest: x=4, x=6', () => {
    expect(keptRows(nearMiss3(X, y, { nNeighbors: 1, nNeighborsVer3: 2 }, createRng(0)))).toEqual([1, 2, 3, 4]);
  });

  it('k=2: every class-0 row between the minority samples scores 10 (x=20 scores 30); ties keep input order', () => {
    expect(keptRows(nearMiss1(X, y, { nNeighbors: 2 }, createRng(0)))).toEqual([0, 1, 2, 4]);
    expect(keptRows(nearMiss2(X, y, { nNeighbors: 2 }, createRng(0)))).toEqual([0, 1, 2, 4]);
  });

  it('the default k=3 exceeds the two minority samples', () => {
    expect(() => nearMiss1(X, y, {}, createRng(0))).toThrow("nNeighbors must be <= the number of samples in class '1' (2). Got 3 instead.");
  });

  it('an object strategy sets the number kept', () => {
    const out = nearMiss1(X, y, { nNeighbors: 1, samplingStrategy: { 0: 3 } }, createRng(0));
    // Scores 1 (x=1), 1 (x=9), then 4 for both x=4 and x=6: the earlier row, x=4, wins the tie.
    expect(keptRows(out)).toEqual([0, 1, 2, 4, 5]);
  });
});
