/**
 * The template every resampler goes through (imbalanced-learn's `BaseSampler.fit_resample`, as a
 * function): validate the data and the options once, resolve `samplingStrategy` once, then run the
 * algorithm body, which can assume clean inputs and stays a dozen lines.
 */
import { assertAtLeastTwoClasses, assertFinite, assertLabels, assertMatrix } from '../data/validate';
import { rowsByClass } from '../data/indices';
import type { ParamSpec } from '../params';
import { validateParam } from '../params';
import type { Rng } from '../random';
import type { Labels, Matrix } from '../types';
import { resolveSamplingStrategy } from './samplingStrategy';
import type { SamplerType, SamplingStrategy } from './samplingStrategy';
import type { ResampleResult, Resampler } from './types';

/** Options every resampler accepts. */
export interface BaseResamplerOptions {
  /** imbalanced-learn `sampling_strategy` (default 'auto'). */
  samplingStrategy?: SamplingStrategy;
  /**
   * Names of classes 0..C−1. Fixes the number of classes (otherwise max(y) + 1), names classes in
   * error messages and may be used as keys of an object `samplingStrategy`.
   */
  classNames?: readonly string[];
}

/** What the template hands to an algorithm body after validation. */
export interface ResampleContext {
  nClasses: number;
  /** Rows per class. */
  counts: readonly number[];
  /** Row indices of each class, ascending. */
  classRows: readonly Int32Array[];
  /** The resolved strategy: class → samples to generate (over) or to keep (under). Ascending classes. */
  targets: ReadonlyMap<number, number>;
  /** The class's name for messages, quoted: 'minority', or '1' without class names. */
  className(c: number): string;
}

export interface ResamplerDefinition<O extends BaseResamplerOptions> {
  id: string;
  samplerType: SamplerType;
  /**
   * Parameter specs (house rule 4). Numeric and boolean options named here are range-checked with
   * `validateParam` and defaulted before the body runs; `samplingStrategy` is checked by
   * `resolveSamplingStrategy`; object-valued options (e.g. per-class shrinkage) are left to the body.
   */
  params: readonly ParamSpec[];
  body(X: Matrix, y: Labels, options: O, ctx: ResampleContext, rng: Rng): ResampleResult;
}

/**
 * Wraps an algorithm body into a `Resampler`.
 *
 * @throws DataError when X is not a consistent matrix, y's length differs from X's rows, a label is
 *   outside [0, nClasses), fewer than two classes are present, or X holds NaN / ±Infinity.
 * @throws ConfigError when an option is out of range or `samplingStrategy` is invalid.
 * @see imbalanced-learn `imblearn/base.py` (BaseSampler) and `imblearn/utils/_validation.py`
 */
export function defineResampler<O extends BaseResamplerOptions>(def: ResamplerDefinition<O>): Resampler<O> {
  return (X, y, options, rng) => {
    assertMatrix(X);
    const nClasses = options.classNames?.length ?? maxLabel(y) + 1;
    assertLabels(y, X.rows, nClasses);
    const classRows = rowsByClass(y, nClasses);
    const counts = classRows.map((r) => r.length);
    assertAtLeastTwoClasses(counts, options.classNames);
    assertFinite(X);
    const resolved = { ...options } as Record<string, unknown>;
    for (const spec of def.params) {
      if (spec.name === 'samplingStrategy') continue;
      const value = resolved[spec.name];
      if (value === undefined || typeof value !== 'object') resolved[spec.name] = validateParam(spec, value, spec.name);
    }
    const strategy = options.samplingStrategy ?? 'auto';
    const targets = resolveSamplingStrategy(strategy, counts, def.samplerType, options.classNames);
    const ctx: ResampleContext = {
      nClasses,
      counts,
      classRows,
      targets,
      className: (c) => `'${options.classNames?.[c] ?? c}'`,
    };
    return def.body(X, y, resolved as O, ctx, rng);
  };
}

function maxLabel(y: Labels): number {
  let m = -1;
  for (let i = 0; i < y.length; i++) if (y[i] > m) m = y[i];
  return m;
}

/** Allocates a result with `rows` rows of X's dtype; origin and parents start at -1. */
export function allocateResult(X: Matrix, rows: number): ResampleResult {
  const Ctor = X.data instanceof Float64Array ? Float64Array : Float32Array;
  return {
    X: { data: new Ctor(rows * X.cols), rows, cols: X.cols },
    y: new Int32Array(rows),
    origin: new Int32Array(rows).fill(-1),
    parents: new Int32Array(2 * rows).fill(-1),
  };
}

/** Copies input row `src` of (X, y) into output row `dst` and records it as a copy. */
export function copyRow(X: Matrix, y: Labels, src: number, out: ResampleResult, dst: number): void {
  const d = X.cols;
  out.X.data.set(X.data.subarray(src * d, src * d + d), dst * d);
  out.y[dst] = y[src];
  out.origin[dst] = src;
}

/** Copies every input row into output rows 0..X.rows−1 (the prefix of an over-sampler's output). */
export function copyAllRows(X: Matrix, y: Labels, out: ResampleResult): void {
  out.X.data.set(X.data, 0);
  out.y.set(y, 0);
  for (let i = 0; i < X.rows; i++) out.origin[i] = i;
}
