/**
 * The `samplingStrategy` parameter spec shared by the resamplers' registry entries. The UI offers
 * the names; the API also accepts a ratio, an object of per-class counts (and, for cleaning
 * methods, a list of classes) exactly as imbalanced-learn does.
 */
import type { ParamSpec } from '../params';
import type { SamplerType } from './samplingStrategy';

export function samplingStrategyParam(type: SamplerType): ParamSpec {
  const over = type === 'over-sampling';
  return {
    name: 'samplingStrategy',
    kind: 'enum',
    label: 'sampling strategy',
    help: over
      ? "Which classes to over-sample, as imbalanced-learn's sampling_strategy: 'auto' = 'not majority' (every class up to the majority's size), 'minority' = only the smallest class, 'all' = every class."
      : "Which classes to under-sample, as imbalanced-learn's sampling_strategy: 'auto' = 'not minority' (every class down to the minority's size), 'majority' = only the largest class, 'all' = every class.",
    default: 'auto',
    options: over ? ['auto', 'minority', 'not minority', 'not majority', 'all'] : ['auto', 'majority', 'not minority', 'not majority', 'all'],
    citation: 'Lemaître, Nogueira & Aridas 2017, Imbalanced-learn, JMLR 18(17)',
  };
}
