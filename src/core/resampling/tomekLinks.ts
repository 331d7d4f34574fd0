/**
 * Tomek links: remove the members of cross-class nearest-neighbour pairs.
 */
import type { ParamSpec } from '../params';
import { defineResampler } from './defineResampler';
import type { BaseResamplerOptions } from './defineResampler';
import { keptIndices, selectRows, targetedMask, tomekLinkMask } from './selection';
import { samplingStrategyParam } from './strategyParam';

export type TomekLinksOptions = BaseResamplerOptions;

export const TOMEK_CITATION = 'Tomek 1976, Two modifications of CNN, IEEE Trans. Systems, Man, and Cybernetics 6(11):769–772';

export const tomekLinksParams: readonly ParamSpec[] = [samplingStrategyParam('clean-sampling')];

/**
 * Tomek links (imbalanced-learn `TomekLinks`). Rows i and j form a Tomek link when y_i ≠ y_j and
 * each is the other's nearest neighbour in the whole set (Euclidean, self excluded):
 * no row lies closer to either of them. Every row of a targeted class (the keys of the resolved
 * strategy; 'auto' = every class but the minority) that belongs to a link is removed; the other
 * member is removed too only if its class is also targeted ('all').
 *
 * Output: the kept rows in ascending input order (origin = imbalanced-learn's `sample_indices_`).
 * Options: samplingStrategy (clean-sampling semantics: which classes may lose rows).
 * @throws DataError / ConfigError from the template (one class, NaN, invalid samplingStrategy, …).
 * @see Tomek 1976, Two modifications of CNN, IEEE Trans. SMC 6(11)
 */
export const tomekLinks = defineResampler<TomekLinksOptions>({
  id: 'tomek-links',
  samplerType: 'clean-sampling',
  params: tomekLinksParams,
  body(X, y, _options, ctx) {
    return selectRows(X, y, keptIndices(tomekLinkMask(X, y, targetedMask(ctx.targets, ctx.nClasses))));
  },
});

export const tomekLinksEntry = {
  id: 'tomek-links',
  label: 'Tomek links',
  samplerType: 'clean-sampling',
  params: tomekLinksParams,
  citation: TOMEK_CITATION,
  resample: tomekLinks,
} as const;
