/**
 * Condensed nearest neighbour and one-sided selection on a one-dimensional example traced by hand.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../random';
import type { Rng } from '../random';
import { takeRows } from '../types';
import type { Matrix } from '../types';
import { condensedNearestNeighbour } from './condensedNearestNeighbour';
import { oneSidedSelection } from './oneSidedSelection';
import { knnPredict } from './selection';

// row:            0  1  2  3    4   5
// x:              0  5  1  6  2.4  10
// class:          1  0  0  0    0   0     minority = {0}; class 0 positions 0..4 = rows 1..5.
const X: Matrix = { data: Float64Array.from([0, 5, 1, 6, 2.4, 10]), rows: 6, cols: 1 };
const y = Int32Array.from([1, 0, 0, 0, 0, 0]);
const keptRows = (out: { origin: Int32Array }) => Array.from(out.origin);

/** Draws position `pos` as the (single) seed. */
function seedAt(pos: number): Rng {
  return { ...createRng(0), int: () => pos };
}

describe('condensed nearest neighbour (Hart 1968), traced by hand', () => {
  it('seed x=5: x=1 is misclassified (0 is nearer) and joins the store; then x=6, 2.4, 10 are all nearer a class-0 row', () => {
    // Store {0, 5}: x=1 → 0 (wrong, add); store {0, 5, 1}: x=6 → 5, x=2.4 → 1, x=10 → 5 (all right).
    expect(keptRows(condensedNearestNeighbour(X, y, {}, seedAt(0)))).toEqual([0, 1, 2]);
  });

  it('differs from imbalanced-learn 0.10 only through its skip list', () => {
    // imbalanced-learn 0.10 (random_state=2 draws the same seed) returns [0, 1, 4]: its skip list
    // holds the seed's row index 1, which it compares with class positions, so it never tests x=1
    // (position 1) and later adds x=2.4 instead.
    expect(keptRows(condensedNearestNeighbour(X, y, {}, seedAt(0)))).not.toEqual([0, 1, 4]);
  });

  it('seed x=10: x=5 (position 0) is misclassified → added; the rest are then right', () => {
    // Store {0, 10}: x=5 is 5 from both; the earlier store row (the minority 0) wins the tie → add.
    // Store {0, 10, 5}: x=1 → 0 wrong → add. Store {0, 10, 5, 1}: x=6 → 5, x=2.4 → 1. Kept 5, 1, 10.
    expect(keptRows(condensedNearestNeighbour(X, y, {}, seedAt(4)))).toEqual([0, 1, 2, 5]);
  });

  it('the same seed gives the same rows; different seeds may not', () => {
    const a = condensedNearestNeighbour(X, y, {}, createRng(7));
    expect(condensedNearestNeighbour(X, y, {}, createRng(7))).toEqual(a);
  });
});

describe('one-sided selection (Kubat & Matwin 1997), traced by hand', () => {
  it('seed x=5: 1-NN on {0, 5} misclassifies x=1 and x=2.4; the Tomek link (0, 1) then removes x=1', () => {
    // imbalanced-learn 0.10 with random_state=2 (same seed) also returns [0, 1, 4].
    expect(keptRows(oneSidedSelection(X, y, {}, seedAt(0)))).toEqual([0, 1, 4]);
  });
});

/** Hart's pass written plainly: re-classify with a fresh k-NN search over the store each time. */
function naiveCondense(X: Matrix, y: Int32Array, c: number, minority: number, seedPos: number, k: number, nClasses: number): number[] {
  const rows = Array.from(y.keys()).filter((i) => y[i] === c);
  const store = [...Array.from(y.keys()).filter((i) => y[i] === minority), rows[seedPos]];
  const kept = [rows[seedPos]];
  for (let p = 0; p < rows.length; p++) {
    if (p === seedPos) continue;
    const pred = knnPredict(takeRows(X, [rows[p]]), takeRows(X, store), store.map((r) => y[r]), k, nClasses)[0];
    if (pred !== c) {
      store.push(rows[p]);
      kept.push(rows[p]);
    }
  }
  return kept.sort((a, b) => a - b);
}

describe('the incremental neighbour update of CNN', () => {
  it('gives the same rows as re-searching the store for every row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 13, max: 60 }), fc.integer({ min: 3, max: 12 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), fc.integer(), (n0, n1, k, grid, seed) => {
        const rng = createRng(seed);
        const y = rng.shuffle(Int32Array.from([...Array<number>(n0).fill(0), ...Array<number>(n1).fill(1)]));
        // On a coarse grid many distances tie, which exercises the tie order.
        const Xd: Matrix = { data: Float32Array.from({ length: y.length * 2 }, () => (grid ? rng.int(4) : rng.normal())), rows: y.length, cols: 2 };
        const seedPos = rng.int(n0);
        const out = condensedNearestNeighbour(Xd, y, { nNeighbors: k }, { ...createRng(0), int: () => seedPos });
        const want = [...Array.from(y.keys()).filter((i) => y[i] === 1), ...naiveCondense(Xd, y, 0, 1, seedPos, k, 2)].sort((a, b) => a - b);
        expect(Array.from(out.origin)).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });
});
