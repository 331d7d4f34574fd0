/**
 * Random under-sampling.
 */
import { sampleWithReplacement, sampleWithoutReplacement } from '../data/indices';
import type { ParamSpec } from '../params';
import { allocateResult, copyRow, defineResampler } from './defineResampler';
import type { BaseResamplerOptions } from './defineResampler';
import { samplingStrategyParam } from './strategyParam';

export interface RandomUnderOptions extends BaseResamplerOptions {
  /** Draw the kept rows with replacement (bootstrap), as imbalanced-learn's `replacement=True`. Default false. */
  replacement?: boolean;
}

export const RANDOM_UNDER_CITATION = 'imbalanced-learn RandomUnderSampler (Lemaître et al. 2017)';

export const randomUnderParams: readonly ParamSpec[] = [
  samplingStrategyParam('under-sampling'),
  {
    name: 'replacement',
    kind: 'bool',
    label: 'with replacement',
    help: 'Draw the kept rows with replacement (a bootstrap of each under-sampled class) instead of a plain random subset.',
    default: false,
  },
];

/**
 * Random under-sampling (imbalanced-learn `RandomUnderSampler`): for every class c in the resolved
 * strategy keep `targets[c]` of its rows drawn uniformly at random (without replacement, or with it
 * when `replacement` is true); keep every row of the other classes. Only removes (or, with
 * replacement, repeats) input rows, never creates values: every output row is a copy
 * (origin >= 0). Output rows are in ascending input order.
 *
 * Options: samplingStrategy (under-sampling semantics: target counts to keep), replacement.
 * @throws DataError / ConfigError from the template (one class, NaN, invalid samplingStrategy, …).
 * @see Lemaître, Nogueira & Aridas 2017, Imbalanced-learn, JMLR 18(17)
 */
export const randomUnderSampler = defineResampler<RandomUnderOptions>({
  id: 'random-under',
  samplerType: 'under-sampling',
  params: randomUnderParams,
  body(X, y, options, ctx, rng) {
    const kept: Int32Array[] = [];
    for (let c = 0; c < ctx.nClasses; c++) {
      const rows = ctx.classRows[c];
      const target = ctx.targets.get(c);
      if (target === undefined) kept.push(rows);
      else kept.push(options.replacement ? sampleWithReplacement(rows, target, rng) : sampleWithoutReplacement(rows, target, rng));
    }
    const all = new Int32Array(kept.reduce((s, k) => s + k.length, 0));
    let at = 0;
    for (const k of kept) {
      all.set(k, at);
      at += k.length;
    }
    all.sort();
    const out = allocateResult(X, all.length);
    for (let i = 0; i < all.length; i++) copyRow(X, y, all[i], out, i);
    return out;
  },
});
