/**
 * The resampler contract: what every over-, under- and cleaning sampler takes and returns.
 */
import type { Rng } from '../random';
import type { Labels, Matrix } from '../types';

/**
 * The resampled training set plus where every row came from, so the UI can draw synthetic points
 * with the segment they were interpolated on and highlight removed rows.
 *
 * - `origin[i] >= 0`: row i is a copy of input row `origin[i]`;
 * - `origin[i] = -1`: row i is synthetic.
 * - `parents` has length 2 · rows: for a synthetic row, (parents[2i], parents[2i+1]) = (a, b), the
 *   input sample it was generated from and the neighbour it was interpolated towards (both input
 *   row indices); b = -1 when a synthetic row has a single parent (the smoothed bootstrap of random
 *   over-sampling jitters one row). For copied rows both are -1.
 *
 * `X.data` has the dtype of the input matrix.
 */
export interface ResampleResult { X: Matrix; y: Labels; origin: Int32Array; parents: Int32Array }

/** A resampler never mutates its inputs and draws all randomness from `rng`. */
export type Resampler<O> = (X: Matrix, y: Labels, options: O, rng: Rng) => ResampleResult;
