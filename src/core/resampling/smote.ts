/**
 * SMOTE: synthetic minority over-sampling by interpolation between same-class neighbours.
 */
import type { ParamSpec } from '../params';
import { allocateResult, copyAllRows, defineResampler } from './defineResampler';
import type { BaseResamplerOptions } from './defineResampler';
import { samplingStrategyParam } from './strategyParam';
import { smoteRows } from './interpolate';
import { assertEnoughNeighbours } from './neighbourChecks';

export interface SmoteOptions extends BaseResamplerOptions {
  /** Number of nearest same-class neighbours to interpolate towards (imbalanced-learn k_neighbors). Default 5. */
  kNeighbors?: number;
}

export const SMOTE_CITATION =
  'Chawla, Bowyer, Hall & Kegelmeyer 2002, SMOTE: Synthetic Minority Over-sampling Technique, JAIR 16:321–357';

export const smoteParams: readonly ParamSpec[] = [
  {
    name: 'kNeighbors',
    kind: 'int',
    label: 'k neighbours',
    help: 'Number of nearest same-class neighbours to interpolate towards (imbalanced-learn k_neighbors). Must be smaller than the size of every class being over-sampled.',
    default: 5,
    min: 1,
    max: 50,
    citation: SMOTE_CITATION,
  },
  samplingStrategyParam('over-sampling'),
];

/**
 * SMOTE (imbalanced-learn `SMOTE`). For each class c with targets[c] > 0, find for each of its
 * samples the k nearest other samples of the same class (Euclidean, the shared exact `kNearest`
 * with excludeSelf), then targets[c] times: pick a sample x_i and one of its k neighbours x_nn
 * uniformly (one draw over the n_c · k pairs, as imbalanced-learn) and
 *
 *   x_new = x_i + u · (x_nn − x_i),   u ~ U[0, 1),
 *
 * computed in float64 and stored in X's dtype. Output: the input rows, then the synthetic rows
 * class by class (ascending); synthetic rows have origin −1 and parents (i, nn) as input row indices.
 *
 * Options: kNeighbors (integer 1..50, default 5), samplingStrategy (over-sampling semantics).
 * @throws DataError when a class to over-sample has fewer than kNeighbors + 1 samples:
 *   "kNeighbors must be < the number of samples in class 'minority' (5). Got 5 instead. …"
 * @throws DataError / ConfigError from the template (one class, NaN, invalid options, …).
 * @see Chawla, Bowyer, Hall & Kegelmeyer 2002, SMOTE: Synthetic Minority Over-sampling Technique, JAIR 16
 */
export const smote = defineResampler<SmoteOptions>({
  id: 'smote',
  samplerType: 'over-sampling',
  params: smoteParams,
  body(X, y, options, ctx, rng) {
    const k = options.kNeighbors as number;
    for (const [c, num] of ctx.targets) if (num > 0) assertEnoughNeighbours(ctx, c, k, 'SMOTE');
    let total = X.rows;
    for (const n of ctx.targets.values()) total += n;
    const out = allocateResult(X, total);
    copyAllRows(X, y, out);
    let row = X.rows;
    for (const [c, num] of ctx.targets) {
      if (num === 0) continue;
      row = smoteRows(X, out, row, ctx.classRows[c], k, num, c, rng);
    }
    return out;
  },
});
