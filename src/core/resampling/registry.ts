/**
 * The resamplers as data: id → function, parameter specs (house rule 4: the same specs drive
 * validation, the URL codec, the CLI flags and the UI controls) and the paper.
 */
import type { ParamSpec } from '../params';
import { RANDOM_OVER_CITATION, randomOverParams, randomOverSampler } from './randomOverSampler';
import { RANDOM_UNDER_CITATION, randomUnderParams, randomUnderSampler } from './randomUnderSampler';
import type { SamplerType } from './samplingStrategy';
import { SMOTE_CITATION, smote, smoteParams } from './smote';
import type { Resampler } from './types';

export interface ResamplerEntry<O> {
  id: string;
  label: string;
  samplerType: SamplerType;
  params: readonly ParamSpec[];
  citation: string;
  resample: Resampler<O>;
}

export const resamplers = {
  'random-over': {
    id: 'random-over',
    label: 'Random over-sampling',
    samplerType: 'over-sampling',
    params: randomOverParams,
    citation: RANDOM_OVER_CITATION,
    resample: randomOverSampler,
  },
  'random-under': {
    id: 'random-under',
    label: 'Random under-sampling',
    samplerType: 'under-sampling',
    params: randomUnderParams,
    citation: RANDOM_UNDER_CITATION,
    resample: randomUnderSampler,
  },
  smote: {
    id: 'smote',
    label: 'SMOTE',
    samplerType: 'over-sampling',
    params: smoteParams,
    citation: SMOTE_CITATION,
    resample: smote,
  },
} as const satisfies Record<string, ResamplerEntry<never>>;

export type ResamplerId = keyof typeof resamplers;

export const RESAMPLER_IDS = Object.keys(resamplers) as ResamplerId[];
