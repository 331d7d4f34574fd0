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
import { adasynEntry } from './adasyn';
import { borderlineSmote1Entry, borderlineSmote2Entry } from './borderlineSmote';
import { clusterCentroidsEntry } from './clusterCentroids';
import { condensedNearestNeighbourEntry } from './condensedNearestNeighbour';
import { allKnnEntry, editedNearestNeighboursEntry, repeatedEditedNearestNeighboursEntry } from './editedNearestNeighbours';
import { instanceHardnessThresholdEntry } from './instanceHardnessThreshold';
import { kmeansSmoteEntry } from './kmeansSmote';
import { nearMiss1Entry, nearMiss2Entry, nearMiss3Entry } from './nearMiss';
import { neighbourhoodCleaningRuleEntry } from './neighbourhoodCleaningRule';
import { oneSidedSelectionEntry } from './oneSidedSelection';
import { smoteEnnEntry, smoteRusEntry, smoteTomekEntry } from './smoteCombined';
import { smoteNcEntry } from './smoteNc';
import { smotenEntry } from './smoten';
import { svmSmoteEntry } from './svmSmote';
import { tomekLinksEntry } from './tomekLinks';

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
  'smote-nc': smoteNcEntry,
  smoten: smotenEntry,
  'borderline-smote-1': borderlineSmote1Entry,
  'borderline-smote-2': borderlineSmote2Entry,
  'svm-smote': svmSmoteEntry,
  'kmeans-smote': kmeansSmoteEntry,
  adasyn: adasynEntry,
  'near-miss-1': nearMiss1Entry,
  'near-miss-2': nearMiss2Entry,
  'near-miss-3': nearMiss3Entry,
  'cluster-centroids': clusterCentroidsEntry,
  'tomek-links': tomekLinksEntry,
  'edited-nearest-neighbours': editedNearestNeighboursEntry,
  'repeated-edited-nearest-neighbours': repeatedEditedNearestNeighboursEntry,
  'all-knn': allKnnEntry,
  'neighbourhood-cleaning-rule': neighbourhoodCleaningRuleEntry,
  'one-sided-selection': oneSidedSelectionEntry,
  'condensed-nearest-neighbour': condensedNearestNeighbourEntry,
  'instance-hardness-threshold': instanceHardnessThresholdEntry,
  'smote-tomek': smoteTomekEntry,
  'smote-enn': smoteEnnEntry,
  'smote-rus': smoteRusEntry,
} as const satisfies Record<string, ResamplerEntry<never>>;

export type ResamplerId = keyof typeof resamplers;

export const RESAMPLER_IDS = Object.keys(resamplers) as ResamplerId[];
