/**
 * Stratified hold-out split into train / validation / test.
 */
import { ConfigError, DataError, got } from '../errors';
import type { Rng } from '../random';
import type { Labels } from '../types';
import { rowsByClass } from './indices';
import { assertAtLeastTwoClasses, assertLabels } from './validate';

export interface SplitFractions {
  test: number;
  validation: number;
}

export interface SplitIndices {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

/** A class needs this many rows to appear in train, validation and test alike. */
export const MIN_ROWS_TO_STRATIFY = 3;

/**
 * Classes that are present but have fewer than MIN_ROWS_TO_STRATIFY rows: `stratifiedSplit` puts
 * all of their rows in train, so they are missing from validation and test (the UI warns about
 * them: their per-class metrics cannot be computed).
 */
export function classesTooSmallToSplit(y: Labels, nClasses: number): number[] {
  const counts = new Array<number>(nClasses).fill(0);
  for (let i = 0; i < y.length; i++) if (y[i] >= 0 && y[i] < nClasses) counts[y[i]]++;
  const out: number[] = [];
  for (let c = 0; c < nClasses; c++) if (counts[c] > 0 && counts[c] < MIN_ROWS_TO_STRATIFY) out.push(c);
  return out;
}

/**
 * Checks the split fractions.
 *
 * @throws ConfigError unless test ∈ (0, 0.9), validation ∈ [0, 0.5) and test + validation < 0.95.
 */
export function validateSplitFractions(f: SplitFractions): void {
  if (typeof f.test !== 'number' || !(f.test > 0 && f.test < 0.9)) {
    throw new ConfigError(`test must be a fraction greater than 0 and less than 0.9. Got ${got(f.test)} instead.`, 'test');
  }
  if (typeof f.validation !== 'number' || !(f.validation >= 0 && f.validation < 0.5)) {
    throw new ConfigError(`validation must be a fraction of at least 0 and less than 0.5. Got ${got(f.validation)} instead.`, 'validation');
  }
  if (!(f.test + f.validation < 0.95)) {
    throw new ConfigError(
      `test + validation must be less than 0.95 so that training keeps some data. Got ${got(f.test + f.validation)} instead.`,
      'validation',
    );
  }
}

/**
 * Row counts of one class in (test, validation), train getting the rest.
 *
 * n_test = round(c · test), n_val = round(c · validation). A class with c >= 3 rows gets at least
 * one row in test, at least one in validation (when validation > 0) and keeps at least one for
 * train: while n_test + n_val > c − 1, the split whose count most exceeds its exact share is
 * reduced. A class with fewer than 3 rows cannot be in all three splits and goes entirely to train.
 */
export function stratumSizes(c: number, f: SplitFractions): { test: number; validation: number } {
  if (c < MIN_ROWS_TO_STRATIFY) return { test: 0, validation: 0 };
  let test = Math.max(1, Math.round(c * f.test));
  let validation = f.validation > 0 ? Math.max(1, Math.round(c * f.validation)) : 0;
  while (test + validation > c - 1) {
    const testExcess = test > 1 ? test - c * f.test : -Infinity;
    const valExcess = validation > 1 ? validation - c * f.validation : -Infinity;
    if (testExcess >= valExcess) test--;
    else validation--;
  }
  return { test, validation };
}

/**
 * Stratified hold-out split: each class's rows are shuffled (with `rng`) and cut into test,
 * validation and train according to `stratumSizes`, so every split has (up to one row of rounding)
 * the class proportions of the whole set. Classes with fewer than 3 rows go entirely to train
 * (see `classesTooSmallToSplit`).
 *
 * @param y class index per row, in [0, nClasses).
 * @param classNames used in error messages (default 'c0', 'c1', …).
 * @returns ascending, disjoint row-index arrays that together cover every row.
 * @throws DataError when a label is outside [0, nClasses), when only one class is present, or when no
 *   class has at least 3 rows (the test split would be empty).
 * @throws ConfigError when the fractions are out of range (see `validateSplitFractions`).
 */
export function stratifiedSplit(
  y: Labels,
  nClasses: number,
  fractions: SplitFractions,
  rng: Rng,
  classNames?: readonly string[],
): SplitIndices {
  validateSplitFractions(fractions);
  assertLabels(y, y.length, nClasses);
  const byClass = rowsByClass(y, nClasses);
  assertAtLeastTwoClasses(byClass.map((r) => r.length), classNames);
  const present = byClass.map((r, c) => (r.length > 0 ? c : -1)).filter((c) => c >= 0);
  if (present.every((c) => byClass[c].length < MIN_ROWS_TO_STRATIFY)) {
    throw new DataError(
      `A stratified split needs at least one class with ${MIN_ROWS_TO_STRATIFY} or more rows, or the test split is empty. Got at most ${Math.max(...present.map((c) => byClass[c].length))} rows per class instead.`,
    );
  }
  // Mark each row's part, then collect in row order: ascending without a sort (this runs on the
  // page for previews of tables with hundreds of thousands of rows).
  const TRAIN = 0, VALIDATION = 1, TEST = 2;
  const role = new Int8Array(y.length);
  const sizes = [0, 0, 0];
  for (const c of present) {
    const rows = rng.shuffle(byClass[c].slice());
    const s = stratumSizes(rows.length, fractions);
    for (let i = 0; i < rows.length; i++) {
      const r = i < s.test ? TEST : i < s.test + s.validation ? VALIDATION : TRAIN;
      role[rows[i]] = r;
      sizes[r]++;
    }
  }
  const parts = sizes.map((n) => new Int32Array(n));
  const fill = [0, 0, 0];
  for (let i = 0; i < y.length; i++) {
    const r = role[i];
    parts[r][fill[r]++] = i;
  }
  return { train: parts[TRAIN], validation: parts[VALIDATION], test: parts[TEST] };
}
